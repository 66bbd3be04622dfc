import {
  CalwiseError,
  type Catalog,
  type PriceList,
  type ResolvedDeployment,
  resolveCleanColumns,
  resolveDeployment,
} from "@calwise/core";
import { locateProblems } from "./locate-problems.ts";
import type { NamedDocument } from "./named-document.ts";

/**
 * Resolves deployment data against the catalog, with `prices` (when given) in place of the data's own price
 * list. Every problem is located in the document, as one CalwiseError INPUT_INVALID; the data carries its
 * price list inline (the core schema refuses a path, so data never makes calwise read a file).
 */
export function resolveDeploymentDocument(
  deployment: NamedDocument,
  catalog: Catalog,
  prices?: PriceList,
): ResolvedDeployment {
  // A scanned document's columns, when nothing is wrong with them; else its data reports every problem.
  const { columns } = deployment;
  if (columns !== undefined) {
    const base = prices === undefined ? columns.base : { ...columns.base, prices };
    const resolved = resolveCleanColumns({ ...columns, base }, catalog);
    if (resolved !== undefined) return resolved;
  }
  const { name, data } = deployment;
  if (data === null || typeof data !== "object" || Array.isArray(data))
    throw new CalwiseError("INPUT_INVALID", `${name} is not a deployment`, [
      {
        code: "SCHEMA",
        path: "",
        file: name,
        line: 1,
        column: 1,
        message: "expected a mapping with servers, users, devices and accesses",
        received: Array.isArray(data) ? "a list" : String(data),
      },
    ]);
  const input = prices === undefined ? data : { ...data, prices };
  const result = resolveDeployment(input, catalog);
  if (!result.success)
    throw new CalwiseError(
      "INPUT_INVALID",
      `${name} has ${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}`,
      locateProblems(result.problems, deployment),
    );
  return result.value;
}
