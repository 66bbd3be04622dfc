import type { Catalog } from "@calwise/core";

/** The catalog listing: the products, CAL families, suites, rules, assumptions and sources calwise knows. */
export type CatalogListing = Catalog["data"];

/** The catalog use case: what calwise knows, with its sources, as data (renderers write it as text or JSON). */
export function listCatalog(catalog: Catalog): CatalogListing {
  return catalog.data;
}
