import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { readEntitlementCsv } from "./read-entitlement-csv.ts";

const catalog = loadCatalog();

test("readEntitlementCsv", async (t) => {
  await t.test("a column the rows need but the header lacks is said once, at the header", () => {
    const { rows, problems } = readEntitlementCsv(
      "date,kind,family,version,quantity\n" +
        "2024-02-12,purchase,ws-cal,2012,25\n" +
        "2025-03-11,purchase,ws-cal,2016,10\n" +
        "2024-02-12,included,ws-cal,2012,5\n",
      "e.csv",
      catalog,
    );
    assert.deepEqual(rows, []);
    assert.deepEqual(
      problems.map((p) => [p.code, p.line, p.column, p.message]),
      [
        [
          "CSV_MISSING_COLUMN",
          1,
          1,
          "the header has no type column: a CAL row needs its type (user, device or either)",
        ],
        [
          "CSV_MISSING_COLUMN",
          1,
          1,
          "the header has no invoice column: a purchase row needs its invoice reference (or kind included)",
        ],
      ],
    );
  });

  await t.test("reads purchases and included licences in any column order", () => {
    const { rows, problems } = readEntitlementCsv(
      "quantity,type,family,suite,externalConnector,version,invoice,kind,amount,currency\n" +
        "25,user,ws-cal,,,2012,INV-1,,100000,USD\n" +
        "5,device,ws-cal,,,2012,,included,,\n" +
        "1,,,,ws-external-connector,2012,INV-2,purchase,,\n",
      "e.csv",
      catalog,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(
      rows.map((r) => [r.line, r.kind, r.licence, r.id, r.version, r.type, r.quantity, r.invoice]),
      [
        [2, "purchase", "family", "ws-cal", "2012", "user", 25, "INV-1"],
        [3, "included", "family", "ws-cal", "2012", "device", 5, undefined],
        [
          4,
          "purchase",
          "externalConnector",
          "ws-external-connector",
          "2012",
          undefined,
          1,
          "INV-2",
        ],
      ],
    );
    assert.deepEqual([rows[0]?.amountMinor, rows[0]?.currency], [100000, "USD"]);
  });

  await t.test("locates every problem: unknown id, version, type, quantity, invoice, money", () => {
    const { rows, problems } = readEntitlementCsv(
      "invoice,family,version,type,quantity,amount,currency\n" +
        "INV-1,no-such,2012,user,1,,\n" +
        "INV-2,ws-cal,1999,user,1,,\n" +
        "INV-3,ws-cal,2012,person,1,,\n" +
        ",ws-cal,2012,user,1.5,39.99,\n",
      "e.csv",
      catalog,
    );
    assert.deepEqual(rows, []);
    assert.deepEqual(
      problems.map((p) => [p.code, p.line, p.column, p.message]),
      [
        ["CSV_VALUE", 2, 7, "not a family of the catalog"],
        ["CSV_VALUE", 3, 14, "not a version of this licence"],
        ["CSV_VALUE", 4, 19, "not a CAL type"],
        ["CSV_VALUE", 5, 19, "not a quantity"],
        ["CSV_VALUE", 5, 1, "a purchase without an invoice reference"],
        ["CSV_VALUE", 5, 23, "an amount must be integer minor units"],
        ["CSV_VALUE", 5, 23, "an amount needs its currency"],
      ],
    );
  });

  await t.test("refuses a header without quantity or a licence column, and unknown columns", () => {
    const { problems } = readEntitlementCsv("invoice,colour\nINV-1,red\n", "e.csv", catalog);
    assert.deepEqual(
      problems.map((p) => p.code),
      ["CSV_COLUMN", "CSV_MISSING_COLUMN", "CSV_MISSING_COLUMN"],
    );
    assert.equal(readEntitlementCsv("", "e.csv", catalog).problems[0]?.code, "CSV_EMPTY");
  });
});
