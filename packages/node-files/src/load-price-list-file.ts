import { readPriceListText } from "@calwise/app";
import type { Catalog, DatedPriceList } from "@calwise/core";
import { readTextFile } from "./read-text-file.ts";

/**
 * Reads a reseller price list file (CSV by its `.csv` extension, else YAML or JSON) into the lists it holds,
 * checked against the catalog; problems name the file, line and column (`readPriceListText`).
 */
export function loadPriceListFile(path: string, catalog: Catalog): DatedPriceList[] {
  return readPriceListText(path, readTextFile(path), catalog);
}
