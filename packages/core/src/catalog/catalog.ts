import type {
  Assumption,
  CalFamily,
  CatalogData,
  ExternalConnectorProduct,
  Product,
  Rule,
  Suite,
} from "./catalog-schema.ts";

/** A validated catalog with lookups by id. Built only by `validateCatalog`. */
export interface Catalog {
  readonly data: CatalogData;
  readonly version: string;
  readonly products: ReadonlyMap<string, Product>;
  readonly families: ReadonlyMap<string, CalFamily>;
  readonly externalConnectors: ReadonlyMap<string, ExternalConnectorProduct>;
  readonly suites: ReadonlyMap<string, Suite>;
  readonly rules: ReadonlyMap<string, Rule>;
  readonly assumptions: ReadonlyMap<string, Assumption>;
}

/** The tier index of `version` in `family` (0 = oldest), or -1 when the family has no such version. */
export function tierOf(family: CalFamily, version: string): number {
  return family.versions.indexOf(version);
}

/** The sources a rule cites; an unknown rule id is a bug in the engine, so it throws. */
export function ruleSources(catalog: Catalog, ruleId: string): readonly string[] {
  const rule = catalog.rules.get(ruleId);
  if (!rule) throw new Error(`engine refers to rule '${ruleId}', which the catalog lacks`);
  return rule.sources;
}

/** Merges source lists into one, without repeats, in reference order (R1, R2, …, R10). */
export function mergeSources(...lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}
