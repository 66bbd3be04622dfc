import { z } from "zod";
import type { Frozen } from "../model/frozen.ts";
import type { Catalog } from "./catalog.ts";
import { catalogSchema } from "./catalog-schema.ts";

/** The version of the listing's format (the catalog's own data is versioned by `catalogVersion`). */
export const CATALOG_LISTING_SCHEMA_VERSION = 1;

/**
 * What `calwise catalog --json` prints: a `schemaVersion`, then the catalog's data as validated (products, CAL
 * families, External Connectors, suites, rules, assumptions and the sources they cite), whose own version is
 * `catalogVersion`.
 */
export const catalogListingSchema = catalogSchema()
  .extend({ schemaVersion: z.literal(CATALOG_LISTING_SCHEMA_VERSION) })
  .describe("calwise catalog --json");

/** The catalog listing (see `catalogListingSchema`). */
export type CatalogListing = Frozen<z.output<typeof catalogListingSchema>>;

/** Lists a validated catalog for a front end: its data, as every front end shows it. */
export function listCatalog(catalog: Catalog): CatalogListing {
  return { schemaVersion: CATALOG_LISTING_SCHEMA_VERSION, ...catalog.data };
}
