import assert from "node:assert/strict";
import { test } from "node:test";
import { smallTestCatalog } from "../catalog/small-test-catalog.ts";
import { checkPriceList } from "./check-price-list.ts";
import { priceListSchema } from "./price-list-schema.ts";

const catalog = smallTestCatalog();

test("checkPriceList accepts items that price what the catalog sells", () => {
  const list = priceListSchema.parse({
    currency: "EUR",
    items: [
      { sku: "U", family: "ws-cal", version: "2012", type: "user", price: 3000 },
      { sku: "EC", externalConnector: "ws-ec", version: "2012", price: 150000 },
      { sku: "STD", product: "ws2012-standard", price: 80000 },
      { sku: "CORE", suite: "core-cal-suite", price: 9000 },
    ],
  });
  assert.deepEqual(checkPriceList(list, catalog), []);
});

test("checkPriceList names every item the catalog cannot price, with its path after the prefix", () => {
  const list = priceListSchema.parse({
    name: "reseller",
    currency: "EUR",
    items: [
      { sku: "U", family: "ws-cal", version: "2012", type: "user", price: 3000 },
      { sku: "U", family: "ws-cal", version: "2012", type: "device", price: 3000 },
      { sku: "X", family: "exchange-cal", version: "2013", type: "user", price: 1 },
      { sku: "V", family: "rds-cal", version: "2099", price: 1 },
      { sku: "EC", externalConnector: "ws-ec", price: 1 },
      { sku: "P", product: "ws2099-standard", price: 1 },
      { sku: "S", suite: "enterprise-cal-suite", price: 1 },
    ],
  });
  assert.deepEqual(
    checkPriceList(list, catalog, "priceList.").map((p) => `${p.code} ${p.path}: ${p.message}`),
    [
      "DUPLICATE_ID priceList.items[1].sku: SKU 'U' is priced twice in reseller",
      "UNKNOWN_REFERENCE priceList.items[2].family: unknown CAL family 'exchange-cal'",
      "SCHEMA priceList.items[3].version: a rds-cal price needs a version the catalog knows",
      "SCHEMA priceList.items[3].type: a CAL price needs its type",
      "SCHEMA priceList.items[4].version: a ws-ec price needs a version the catalog knows",
      "UNKNOWN_REFERENCE priceList.items[5].product: unknown product 'ws2099-standard'",
      "UNKNOWN_REFERENCE priceList.items[6].suite: unknown suite 'enterprise-cal-suite'",
    ],
  );
});
