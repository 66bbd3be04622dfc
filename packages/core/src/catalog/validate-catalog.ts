import type { InputProblem, Validated } from "../errors/input-problem.ts";
import { valueAt, zodProblems } from "../errors/zod-problems.ts";
import type { Catalog } from "./catalog.ts";
import { type CatalogData, catalogSchema } from "./catalog-schema.ts";
import { indexValidatedCatalog } from "./index-validated-catalog.ts";

/** Rule ids the engine applies by name; the catalog must define each of them. */
export const ENGINE_RULE_IDS = [
  "cal-per-user-or-device",
  "anonymous-internet",
  "admin-only",
  "virtualisation-host",
  "server-to-server",
  "multiplexing",
  "unattended-device",
  "version-or-later",
  "additive-cal",
  "external-connector",
  "included-cals",
  "edition-limit",
  "server-licence-count",
  "pack-purchase",
  "suite-single-licence",
  "reassignment-90-days",
] as const;

/** Validates catalog data: schema, duplicate ids, unknown references (families, versions, sources, assumptions). */
export function validateCatalog(input: unknown): Validated<Catalog> {
  const parsed = catalogSchema().safeParse(input);
  if (!parsed.success) {
    return { success: false, problems: zodProblems(parsed.error, (p) => valueAt(input, p)) };
  }
  const data = parsed.data;
  const problems: InputProblem[] = [];
  const unknown = (path: string, what: string, value: string, known: Iterable<string>): void => {
    problems.push({
      code: "UNKNOWN_REFERENCE",
      path,
      message: `unknown ${what} '${value}'`,
      expected: `one of ${[...known].join(", ")}`,
      received: value,
    });
  };
  const families = indexById(data.calFamilies, "calFamilies", problems);
  const products = indexById(data.products, "products", problems);
  // Connectors and suites are checked for duplicate ids only: nothing in the catalog refers to one.
  indexById(data.externalConnectors, "externalConnectors", problems);
  indexById(data.suites, "suites", problems);
  const rules = indexById(data.rules, "rules", problems);
  const assumptions = indexById(data.assumptions, "assumptions", problems);

  const checkSources = (path: string, refs: readonly string[]) => {
    refs.forEach((ref, i) => {
      if (!(ref in data.sources))
        unknown(`${path}.sources[${i}]`, "source", ref, Object.keys(data.sources));
    });
  };
  const checkCal = (path: string, family: string, version: string, assumption?: string) => {
    const f = families.get(family);
    if (!f) return unknown(`${path}.family`, "CAL family", family, families.keys());
    if (!f.versions.includes(version))
      unknown(`${path}.version`, `version of ${family}`, version, f.versions);
    if (assumption !== undefined && !assumptions.has(assumption))
      unknown(`${path}.assumption`, "assumption", assumption, assumptions.keys());
  };

  data.calFamilies.forEach((f, i) => {
    checkSources(`calFamilies[${i}]`, f.sources);
    if (f.additiveTo !== undefined && !families.has(f.additiveTo))
      unknown(`calFamilies[${i}].additiveTo`, "CAL family", f.additiveTo, families.keys());
  });
  data.externalConnectors.forEach((c, i) => {
    checkSources(`externalConnectors[${i}]`, c.sources);
    const f = families.get(c.family);
    if (!f) unknown(`externalConnectors[${i}].family`, "CAL family", c.family, families.keys());
    else
      c.versions.forEach((v, j) => {
        if (!f.versions.includes(v))
          unknown(`externalConnectors[${i}].versions[${j}]`, "version", v, f.versions);
      });
  });
  data.suites.forEach((s, i) => {
    checkSources(`suites[${i}]`, s.sources);
    s.covers.forEach((c, j) => {
      if (!families.has(c)) unknown(`suites[${i}].covers[${j}]`, "CAL family", c, families.keys());
    });
  });
  data.products.forEach((p, i) => {
    const at = `products[${i}]`;
    checkSources(at, p.sources);
    for (const [j, c] of p.cals.entries())
      checkCal(`${at}.cals[${j}]`, c.family, c.version, c.assumption);
    for (const [j, c] of (p.includedCals ?? []).entries())
      checkCal(`${at}.includedCals[${j}]`, c.family, c.version);
    for (const [service, cals] of Object.entries(p.services ?? {}))
      for (const [j, c] of cals.entries())
        checkCal(`${at}.services.${service}[${j}]`, c.family, c.version, c.assumption);
    for (const [name, limit] of Object.entries(p.limits ?? {}))
      if (typeof limit === "object" && !assumptions.has(limit.assumption))
        unknown(
          `${at}.limits.${name}.assumption`,
          "assumption",
          limit.assumption,
          assumptions.keys(),
        );
    if (p.outgrowsTo !== undefined && !products.has(p.outgrowsTo))
      unknown(`${at}.outgrowsTo`, "product", p.outgrowsTo, products.keys());
  });
  for (const [i, r] of data.rules.entries()) checkSources(`rules[${i}]`, r.sources);
  data.assumptions.forEach((a, i) => {
    checkSources(`assumptions[${i}]`, a.sources);
    if (!a.options.includes(a.default))
      problems.push({
        code: "SCHEMA",
        path: `assumptions[${i}].default`,
        message: "the default must be one of the options",
        expected: a.options.join(" | "),
        received: String(a.default),
      });
  });
  for (const ruleId of ENGINE_RULE_IDS)
    if (!rules.has(ruleId))
      problems.push({
        code: "MISSING_RULE",
        path: "rules",
        message: `the engine needs rule '${ruleId}'`,
      });

  if (problems.length > 0) return { success: false, problems };
  return { success: true, value: indexValidatedCatalog(data) };
}

function indexById<T extends { readonly id: string }>(
  items: readonly T[],
  path: string,
  problems: InputProblem[],
): Map<string, T> {
  const map = new Map<string, T>();
  items.forEach((item, i) => {
    if (map.has(item.id))
      problems.push({
        code: "DUPLICATE_ID",
        path: `${path}[${i}].id`,
        message: `duplicate id '${item.id}'`,
        expected: "an id used once",
        received: item.id,
      });
    else map.set(item.id, item);
  });
  return map;
}

export type { CatalogData };
