import {
  buildResolvedFromColumns,
  CalwiseError,
  type Catalog,
  type EvaluateOptions,
  type EvaluationResult,
  evaluateDeployment,
} from "@calwise/core";
import { auditLimits } from "./audit-limits.ts";
import type { AuditDeployment } from "./build-audit-deployment.ts";
import type { OwnedDeployment } from "./check-owned-deployment.ts";

/**
 * The evaluate step: resolves the built deployment against the catalog from its columns (the result
 * `resolveDeployment` gives the document it stands for, without building that document) and runs
 * the engine unchanged.
 * A problem (in the owned deployment: an unknown product, a bad owned entry) is bad input, located in
 * the owned document when it can be; more accesses than `maxAccesses` (auditLimits) are refused
 * before anything is built, naming the limit and the count.
 */
export function evaluateAuditDeployment(
  built: AuditDeployment,
  owned: OwnedDeployment,
  catalog: Catalog,
  options: EvaluateOptions = {},
  maxAccesses: number = auditLimits.maxAccesses,
): EvaluationResult {
  const count = built.deployment.accesses.server.length;
  if (count > maxAccesses) {
    const limit = maxAccesses.toLocaleString("en-US");
    throw new CalwiseError(
      "INPUT_INVALID",
      `the evidence shows ${count.toLocaleString("en-US")} distinct accesses, more than an audit holds (${limit})`,
      [
        {
          code: "DEPLOYMENT_TOO_LARGE",
          path: "",
          file: "<evidence>",
          message:
            "an audit holds at most auditLimits.maxAccesses distinct accesses (docs/limits.md): audit fewer servers or a shorter window (--since) at a time",
          expected: `at most ${limit} distinct (user, device, server, service) accesses`,
          received: `${count.toLocaleString("en-US")} accesses`,
        },
      ],
    );
  }
  const resolved = buildResolvedFromColumns(built.deployment, catalog, maxAccesses);
  if (!resolved.success) {
    const file = owned.document?.name ?? "<evidence>";
    const n = resolved.problems.length;
    throw new CalwiseError(
      "INPUT_INVALID",
      `${file} has ${n} problem${n === 1 ? "" : "s"}`,
      resolved.problems.map((p) => ({ ...p, file, ...owned.document?.locate?.(p.path) })),
    );
  }
  return evaluateDeployment(resolved.value, catalog, options);
}
