import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { CalwiseError } from "@calwise/core";

import { readPriceListText } from "./read-price-list-text.ts";

const catalog = loadCatalog();

test("reads a CSV price list from text, named after the file it came from", () => {
  const csv =
    "sku,family,version,type,price,currency\nCAL-U,ws-cal,2012,user,3000,EUR\nCAL-D,ws-cal,2012,device,2500,EUR\n";
  const [list, ...rest] = readPriceListText("uploads/reseller-2026.csv", csv, catalog);
  assert.deepEqual(rest, []);
  assert.equal(list?.name, "reseller-2026");
  assert.equal(list?.source, "uploads/reseller-2026.csv");
  assert.deepEqual(
    list?.items.map((i) => [i.sku, i.price]),
    [
      ["CAL-U", 3000],
      ["CAL-D", 2500],
    ],
  );
});

test("reads YAML and locates an unknown CAL family by line and column", () => {
  const yaml =
    "name: r\ncurrency: EUR\nitems:\n  - { sku: X, family: ws-call, version: '2012', type: user, price: 1 }\n";
  assert.throws(
    () => readPriceListText("r.yaml", yaml, catalog),
    (e: unknown) =>
      e instanceof CalwiseError &&
      e.code === "INPUT_INVALID" &&
      e.problems.some(
        (p) => p.file === "r.yaml" && p.line === 4 && /ws-call/.test(p.received ?? p.message),
      ),
  );
});
