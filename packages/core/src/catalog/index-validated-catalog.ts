import type { Catalog } from "./catalog.ts";
import type { CatalogData } from "./catalog-schema.ts";

/**
 * The catalog's lookups over data `validateCatalog` has already accepted (its `value.data`), without checking
 * it again: the CLI bundle carries the shipped catalog validated at build time (scripts/build-cli.mjs), so a run
 * does not re-validate it. Anything else (a user's catalog file) goes through `validateCatalog`, which builds
 * its result here too.
 */
export function indexValidatedCatalog(data: CatalogData): Catalog {
  return {
    data,
    version: data.catalogVersion,
    products: byId(data.products),
    families: byId(data.calFamilies),
    externalConnectors: byId(data.externalConnectors),
    suites: byId(data.suites),
    rules: byId(data.rules),
    assumptions: byId(data.assumptions),
  };
}

function byId<T extends { readonly id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}
