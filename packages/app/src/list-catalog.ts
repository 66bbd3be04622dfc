import { type Catalog, type CatalogListing, listCatalog as listCatalogData } from "@calwise/core";

export type { CatalogListing };

/** The catalog use case: what calwise knows, with its sources, as data (renderers write it as text or JSON). */
export function listCatalog(catalog: Catalog): CatalogListing {
  return listCatalogData(catalog);
}
