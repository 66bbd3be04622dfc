import type { Catalog } from "../catalog/catalog.ts";
import type { AssumptionValue } from "../catalog/catalog-schema.ts";
import type { Deployment } from "./deployment-schema.ts";
import type { ProblemCollector } from "./problem-collector.ts";

/** Every catalog assumption with the value in force: the file's override (checked) or the default. */
export function resolveAssumptions(
  d: Deployment,
  catalog: Catalog,
  out: ProblemCollector,
): { assumptions: Map<string, AssumptionValue>; overridden: Set<string> } {
  const assumptions = new Map<string, AssumptionValue>();
  for (const a of catalog.assumptions.values()) assumptions.set(a.id, a.default);
  const overridden = new Set<string>();
  for (const [key, value] of Object.entries(d.assumptions)) {
    const a = catalog.assumptions.get(key);
    if (!a) out.unknown(`assumptions.${key}`, "assumption", key, catalog.assumptions.keys());
    else if (!a.options.includes(value))
      out.push({
        code: "SCHEMA",
        path: `assumptions.${key}`,
        message: `not an option of ${key}`,
        expected: a.options.join(" | "),
        received: String(value),
      });
    else {
      assumptions.set(key, value);
      overridden.add(key);
    }
  }
  return { assumptions, overridden };
}
