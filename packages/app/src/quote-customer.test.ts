import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { CalwiseError } from "@calwise/core";
import { datedPriceList, deploymentData } from "./app-test-data.ts";
import { quoteCustomer } from "./quote-customer.ts";

const catalog = loadCatalog();

const request = {
  number: "Q-1",
  currency: "EUR",
  customer: { name: "Kiosk GmbH" },
  deployment: deploymentData,
};

test("quotes a request given as data, dated today when it names no date", () => {
  const { quote, priceList } = quoteCustomer({
    request: { name: "request body", data: request },
    priceLists: [datedPriceList],
    catalog,
    today: "2026-11-28",
  });
  assert.equal(quote.date, "2026-11-28");
  assert.equal(priceList.name, "test prices");
  const priced = quote.lines.filter((l) => !l.informational).map((l) => [l.sku, l.quantity]);
  assert.deepEqual(priced, [
    ["WS-STD", 1],
    ["CAL-D", 1],
  ]);
  assert.equal(quote.total, 70000 + 2500);
});

test("takes price lists inline in the request", () => {
  const { priceList } = quoteCustomer({
    request: { name: "request body", data: { ...request, priceLists: [datedPriceList] } },
    catalog,
    today: "2026-11-28",
  });
  assert.equal(priceList.validTo, "2026-12-31");
});

test("a quote given as data cannot name a deployment file or a price list file", () => {
  const named = { ...request, deployment: "../../etc/passwd", priceLists: ["/etc/shadow"] };
  assert.throws(
    () =>
      quoteCustomer({
        request: { name: "request body", data: named },
        catalog,
        today: "2026-11-28",
      }),
    (e: unknown) =>
      e instanceof CalwiseError &&
      e.code === "INPUT_INVALID" &&
      e.problems.some(
        (p) =>
          p.path === "deployment" &&
          p.message === "the deployment inline: a quote given as data cannot name a file",
      ) &&
      e.problems.some(
        (p) =>
          p.path === "priceLists[0]" &&
          p.message === "a price list inline: a quote given as data cannot name a file",
      ),
  );
});

test("problems in a deployment document of its own are located there", () => {
  const deployment = {
    name: "deployment.yaml",
    data: { ...deploymentData, users: ["alice"] },
    locate: () => ({ line: 9, column: 3 }),
  };
  assert.throws(
    () =>
      quoteCustomer({
        request: { name: "quote.yaml", data: { ...request, deployment: "ignored" } },
        deployment,
        priceLists: [datedPriceList],
        catalog,
        today: "2026-11-28",
      }),
    (e: unknown) =>
      e instanceof CalwiseError &&
      e.problems.some(
        (p) =>
          p.file === "deployment.yaml" &&
          p.path === "accesses[1].user" &&
          p.line === 9 &&
          p.column === 3,
      ),
  );
});

test("no price list valid on the date is a problem located in the request", () => {
  assert.throws(
    () =>
      quoteCustomer({
        request: { name: "quote.yaml", data: { ...request, date: "2027-03-01" } },
        priceLists: [datedPriceList],
        catalog,
        today: "2026-11-28",
      }),
    (e: unknown) =>
      e instanceof CalwiseError &&
      e.message === "quote.yaml has 1 problem" &&
      e.problems[0]?.file === "quote.yaml",
  );
});
