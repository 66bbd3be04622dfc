import type { z } from "zod";
import type { Frozen } from "../model/frozen.ts";
import type { Catalog } from "./catalog.ts";
import { catalogSchema } from "./catalog-schema.ts";

/**
 * What `calwise catalog --json` prints: the catalog's data as validated (products, CAL families, External
 * Connectors, suites, rules, assumptions and the sources they cite). Its version is `catalogVersion`; it has no
 * `schemaVersion` of its own because the listing is the catalog file's own format, printed unchanged.
 */
export const catalogListingSchema = catalogSchema.describe("calwise catalog --json");

/** The catalog listing (see `catalogListingSchema`). */
export type CatalogListing = Frozen<z.output<typeof catalogListingSchema>>;

/** Lists a validated catalog for a front end: its data, as every front end shows it. */
export function listCatalog(catalog: Catalog): CatalogListing {
  return catalog.data;
}
