import {
  buildResolvedFromColumns,
  CalwiseError,
  type Catalog,
  type EvaluateOptions,
  type EvaluationResult,
  evaluateDeployment,
} from "@calwise/core";
import type { AuditDeployment } from "./build-audit-deployment.ts";
import type { OwnedDeployment } from "./check-owned-deployment.ts";

/**
 * The evaluate step: resolves the built deployment against the catalog from its columns (the result
 * `resolveDeployment` gives the document it stands for, without building that document) and runs
 * the engine unchanged.
 * A problem (in the owned deployment: an unknown product, a bad owned entry) is bad input, located in
 * the owned document when it can be.
 */
export function evaluateAuditDeployment(
  built: AuditDeployment,
  owned: OwnedDeployment,
  catalog: Catalog,
  options: EvaluateOptions = {},
): EvaluationResult {
  const resolved = buildResolvedFromColumns(built.deployment, catalog);
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
