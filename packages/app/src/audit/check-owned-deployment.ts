import { CalwiseError, type DeploymentInput } from "@calwise/core";
import type { NamedDocument } from "../named-document.ts";

/** The owned deployment as the audit uses it: its data without accesses, and its servers by name. */
export interface OwnedDeployment {
  /** Servers, users, devices, owned CALs, prices, assumptions: checked when the deployment is resolved. */
  readonly data: Partial<DeploymentInput>;
  /** The servers it names (with their products), which the evidence's computers are matched against. */
  readonly servers: readonly { readonly name: string; readonly product?: string }[];
  readonly document?: NamedDocument;
}

/**
 * Takes the owned deployment (servers, owned CALs, prices, assumptions; no accesses needed): it must be
 * a mapping, else bad input located at its first line. Its accesses are dropped (the evidence
 * supplies them); the rest is validated later, with the accesses, by the deployment schema.
 */
export function checkOwnedDeployment(document: NamedDocument | undefined): OwnedDeployment {
  if (document === undefined) return { data: {}, servers: [] };
  const data = document.data;
  if (data === null || typeof data !== "object" || Array.isArray(data))
    throw new CalwiseError("INPUT_INVALID", `${document.name} is not a deployment file`, [
      {
        code: "SCHEMA",
        path: "",
        file: document.name,
        line: 1,
        column: 1,
        message: "expected a mapping with servers and owned",
      },
    ]);
  const { accesses: _, ...rest } = data as Record<string, unknown>;
  const servers = Array.isArray(rest.servers)
    ? (rest.servers as { name?: unknown; product?: unknown }[])
        .filter((s) => typeof s?.name === "string")
        .map((s) => ({
          name: s.name as string,
          ...(typeof s.product === "string" ? { product: s.product } : {}),
        }))
    : [];
  // Unchecked here: resolveDeployment validates every field and locates each problem in the document.
  return { data: rest as Partial<DeploymentInput>, servers, document };
}
