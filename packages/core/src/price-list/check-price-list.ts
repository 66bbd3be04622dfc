import type { Catalog } from "../catalog/catalog.ts";
import type { Deployment } from "../deployment/deployment-schema.ts";
import type { ProblemCollector } from "../deployment/problem-collector.ts";
import type { PriceList } from "./price-list-schema.ts";

/** The deployment's price list with every item's reference checked; a path left unloaded is a problem. */
export function checkPriceList(
  d: Deployment,
  catalog: Catalog,
  out: ProblemCollector,
): PriceList | undefined {
  let prices: PriceList | undefined;
  if (typeof d.prices === "string") {
    out.push({
      code: "SCHEMA",
      path: "prices",
      message: "the price list file was not loaded",
      expected: "a price list",
      received: d.prices,
    });
  } else if (d.prices) {
    prices = d.prices;
    d.prices.items.forEach((p, i) => {
      const at = `prices.items[${i}]`;
      if (p.family !== undefined) {
        const family = catalog.families.get(p.family);
        if (!family) out.unknown(`${at}.family`, "CAL family", p.family, catalog.families.keys());
        else if (p.version === undefined || !family.versions.includes(p.version))
          out.push({
            code: "SCHEMA",
            path: `${at}.version`,
            message: `a ${p.family} price needs its version`,
            expected: family.versions.join(" | "),
            received: p.version ?? "nothing",
          });
        if (p.type === undefined)
          out.push({
            code: "SCHEMA",
            path: `${at}.type`,
            message: "a CAL price needs its type",
            expected: "user | device",
            received: "nothing",
          });
      }
      if (p.externalConnector !== undefined) {
        const ec = catalog.externalConnectors.get(p.externalConnector);
        if (!ec)
          out.unknown(
            `${at}.externalConnector`,
            "External Connector",
            p.externalConnector,
            catalog.externalConnectors.keys(),
          );
        else if (p.version === undefined || !ec.versions.includes(p.version))
          out.push({
            code: "SCHEMA",
            path: `${at}.version`,
            message: "an External Connector price needs its version",
            expected: ec.versions.join(" | "),
            received: p.version ?? "nothing",
          });
      }
      if (p.product !== undefined && !catalog.products.has(p.product))
        out.unknown(`${at}.product`, "product", p.product, catalog.products.keys());
      if (p.suite !== undefined && !catalog.suites.has(p.suite))
        out.unknown(`${at}.suite`, "suite", p.suite, catalog.suites.keys());
    });
  }
  return prices;
}
