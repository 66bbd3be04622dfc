import type { Catalog } from "../catalog/catalog.ts";
import type { InputProblem } from "../errors/input-problem.ts";
import { unknownReference } from "../errors/unknown-reference.ts";
import type { PriceList } from "./price-list-schema.ts";

/**
 * Checks every item of a price list against the catalog: the family, External Connector, product or suite it
 * prices exists, CAL and connector prices name a version the catalog knows, CAL prices name a type, and no SKU
 * appears twice. Problems carry the item's path after `at` (`prices.` + `items[3].version`) for the reader to
 * locate. The one check for a price list, whether it came inline in a deployment or from a reseller's file.
 */
export function checkPriceList(list: PriceList, catalog: Catalog, at = ""): InputProblem[] {
  const problems: InputProblem[] = [];
  const versionProblem = (path: string, what: string, versions: readonly string[], got?: string) =>
    problems.push({
      code: "SCHEMA",
      path,
      message: `a ${what} price needs a version the catalog knows`,
      expected: versions.join(" | "),
      received: got ?? "nothing",
    });
  const skus = new Map<string, number>();
  list.items.forEach((item, i) => {
    const path = `${at}items[${i}]`;
    const first = skus.get(item.sku);
    if (first !== undefined)
      problems.push({
        code: "DUPLICATE_ID",
        path: `${path}.sku`,
        message: `SKU '${item.sku}' is priced twice in ${list.name}`,
        expected: "each SKU once per list",
        received: `${item.sku} (also item ${first + 1})`,
      });
    else skus.set(item.sku, i);
    if (item.family !== undefined) {
      const family = catalog.families.get(item.family);
      if (!family)
        problems.push(
          unknownReference(`${path}.family`, "CAL family", item.family, catalog.families.keys()),
        );
      else if (item.version === undefined || !family.versions.includes(item.version))
        versionProblem(`${path}.version`, item.family, family.versions, item.version);
      if (item.type === undefined)
        problems.push({
          code: "SCHEMA",
          path: `${path}.type`,
          message: "a CAL price needs its type",
          expected: "user | device",
          received: "nothing",
        });
    }
    if (item.externalConnector !== undefined) {
      const ec = catalog.externalConnectors.get(item.externalConnector);
      if (!ec)
        problems.push(
          unknownReference(
            `${path}.externalConnector`,
            "External Connector",
            item.externalConnector,
            catalog.externalConnectors.keys(),
          ),
        );
      else if (item.version === undefined || !ec.versions.includes(item.version))
        versionProblem(`${path}.version`, ec.id, ec.versions, item.version);
    }
    if (item.product !== undefined && !catalog.products.has(item.product))
      problems.push(
        unknownReference(`${path}.product`, "product", item.product, catalog.products.keys()),
      );
    if (item.suite !== undefined && !catalog.suites.has(item.suite))
      problems.push(unknownReference(`${path}.suite`, "suite", item.suite, catalog.suites.keys()));
  });
  return problems;
}
