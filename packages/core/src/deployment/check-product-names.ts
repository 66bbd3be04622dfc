import type { Catalog } from "../catalog/catalog.ts";
import type { InputProblem } from "../errors/input-problem.ts";
import { unknownProduct } from "./unknown-product.ts";

/**
 * The unknown product and application names of a document the schema refused, read from the raw data: the
 * schema's problems stop the resolution, yet a misspelt product is reported with them, so one run shows every
 * mistake of the document. Paths the schema already reported are left to it.
 */
export function checkProductNames(
  input: unknown,
  catalog: Catalog,
  reported: readonly InputProblem[],
): InputProblem[] {
  const servers = (input as { servers?: unknown } | null)?.servers;
  if (!Array.isArray(servers)) return [];
  const taken = new Set(reported.map((p) => p.path));
  const products = [...catalog.products.values()];
  const applications = products.filter((p) => p.kind === "application");
  const problems: InputProblem[] = [];
  const check = (path: string, what: string, value: unknown, known: typeof products) => {
    if (typeof value === "string" && !catalog.products.has(value) && !taken.has(path))
      problems.push(unknownProduct(path, what, value, known));
  };
  servers.forEach((server: unknown, i) => {
    if (server === null || typeof server !== "object") return;
    const { product, applications: apps } = server as { product?: unknown; applications?: unknown };
    check(`servers[${i}].product`, "product", product, products);
    if (Array.isArray(apps))
      apps.forEach((a: unknown, j) => {
        check(`servers[${i}].applications[${j}]`, "application", a, applications);
      });
  });
  return problems;
}
