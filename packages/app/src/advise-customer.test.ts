import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { CalwiseError } from "@calwise/core";
import { adviseCustomer } from "./advise-customer.ts";
import { datedPriceList } from "./app-test-data.ts";

const catalog = loadCatalog();

test("advises from a profile given as data, ranked by total with a price list valid on the date", () => {
  const advice = adviseCustomer({
    profile: { users: 10 },
    priceLists: [datedPriceList],
    date: "2026-11-28",
    catalog,
  });
  assert.equal(advice.rankedBy, "total");
  assert.equal(advice.priceList?.name, "test prices");
  assert.ok(advice.ranked.length > 0);
});

test("without a price list valid on the date, says so by the caller's names for its inputs", () => {
  assert.throws(
    () =>
      adviseCustomer({
        profile: { users: 10 },
        priceLists: [datedPriceList],
        date: "2027-03-01",
        catalog,
        fieldNames: { priceLists: "--price-list" },
      }),
    (e: unknown) =>
      e instanceof CalwiseError &&
      e.message === "cannot choose a price list for 2027-03-01" &&
      e.problems.every((p) => p.path === "--price-list"),
  );
});

test("lists in two currencies need a currency", () => {
  const usd = { ...datedPriceList, currency: "USD" };
  assert.throws(
    () =>
      adviseCustomer({
        profile: { users: 10 },
        priceLists: [datedPriceList, usd],
        date: "2026-11-28",
        catalog,
      }),
    (e: unknown) =>
      e instanceof CalwiseError &&
      e.problems[0]?.code === "AMBIGUOUS_PRICE_LIST" &&
      e.problems[0]?.expected === "currency EUR | USD",
  );
  const advice = adviseCustomer({
    profile: { users: 10 },
    priceLists: [datedPriceList, usd],
    currency: "USD",
    date: "2026-11-28",
    catalog,
  });
  assert.equal(advice.currency, "USD");
});

test("an invalid profile names the field as the caller calls it", () => {
  assert.throws(
    () =>
      adviseCustomer({
        profile: { users: -1 },
        date: "2026-11-28",
        catalog,
        fieldNames: { users: "--users" },
      }),
    (e: unknown) =>
      e instanceof CalwiseError &&
      e.message === "the customer profile is not valid" &&
      e.problems.some((p) => p.path === "--users"),
  );
});
