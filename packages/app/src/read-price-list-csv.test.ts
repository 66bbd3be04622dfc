import assert from "node:assert/strict";
import { test } from "node:test";
import { readPriceListCsv } from "./read-price-list-csv.ts";

const header = "sku,family,product,version,type,packSize,price,currency,validFrom,validTo";

test("readPriceListCsv", async (t) => {
  await t.test("groups rows into one list per validity period, named after the file", () => {
    const { lists, problems } = readPriceListCsv(
      `${header}\nA,ws-cal,,2012,user,5,18500,EUR,2026-07-01,2026-12-31\nB,,ws2012-standard,,,1,79000,EUR,2026-07-01,2026-12-31\nA,ws-cal,,2012,user,5,19000,EUR,2027-01-01,\n`,
      "/lists/reseller-eu.csv",
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(
      lists.map((l) => [l.name, l.validFrom, l.validTo, l.items.map((i) => `${i.sku}:${i.price}`)]),
      [
        ["reseller-eu", "2026-07-01", "2026-12-31", ["A:18500", "B:79000"]],
        ["reseller-eu", "2027-01-01", undefined, ["A:19000"]],
      ],
    );
    assert.deepEqual(lists[0]?.items[0], {
      sku: "A",
      family: "ws-cal",
      version: "2012",
      type: "user",
      packSize: 5,
      price: 18500,
    });
  });

  await t.test(
    "names file positions, what it expected and what it found, for every bad cell",
    () => {
      const { problems } = readPriceListCsv(
        `${header},colour\nA,ws-cal,,2012,person,0,39.99,eur,2026-13-01,\nB,ws-cal,ws2012-standard,,,1,100,EUR,,\n`,
        "p.csv",
      );
      const seen = problems.map(
        (p) => `${p.line}:${p.column} ${p.message} | ${p.expected} | ${p.received}`,
      );
      assert.deepEqual(seen, [
        "1:75 unknown column 'colour' | one of sku, family, externalConnector, product, suite, version, type, packSize, price, currency, validFrom, validTo, list, listVersion, description | colour",
        "2:46 row has 10 cells, the header 11 | 11 cells | 10",
        "3:39 row has 10 cells, the header 11 | 11 cells | 10",
      ]);
      const fixed = readPriceListCsv(
        `${header}\nA,ws-cal,,2012,person,0,39.99,eur,2026-13-01,\nB,ws-cal,ws2012-standard,,,1,100,EUR,,\nC,,,,,1,100,EUR,,\n`,
        "p.csv",
      );
      assert.deepEqual(
        fixed.problems.map(
          (p) => `${p.line}:${p.column} ${p.message} | ${p.expected} | ${p.received}`,
        ),
        [
          '2:25 a price must be integer minor units | integer minor units (cents): 3999 for 39.99 | "39.99"',
          '2:31 not a currency code | an ISO 4217 currency code such as EUR | "eur"',
          '2:23 a pack size must be a whole number | a whole number of units, 1 or more | "0"',
          '2:16 not a CAL type | user | device | "person"',
          '2:35 not a date | a date as YYYY-MM-DD | "2026-13-01"',
          '3:10 the row prices two things | exactly one of family, externalConnector, product, suite | "ws2012-standard"',
          '4:1 the row prices nothing | exactly one of family, externalConnector, product, suite | "C"',
        ],
      );
      assert.equal(fixed.lists.length, 0);
    },
  );

  await t.test("requires the sku, price and currency columns", () => {
    const { problems } = readPriceListCsv("sku,product\nA,ws2012-standard\n", "p.csv");
    assert.deepEqual(
      problems.map((p) => p.message),
      ["the header has no 'price' column", "the header has no 'currency' column"],
    );
  });

  await t.test("maps an item's path back to its cell", () => {
    const read = readPriceListCsv(`${header}\nA,ws-cal,,2099,user,1,100,EUR,,\n`, "p.csv");
    const list = read.lists[0];
    assert.ok(list);
    assert.deepEqual(read.locate(list, "items[0].version"), { line: 2, column: 11 });
  });
});
