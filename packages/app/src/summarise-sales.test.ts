import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import type { Quote, QuoteLine } from "@calwise/core";
import { listMonths, type SalesQuote, summariseSales } from "./summarise-sales.ts";

const catalog = loadCatalog();

function line(kind: QuoteLine["kind"], net: number, product?: string): QuoteLine {
  return {
    position: 1,
    kind,
    sku: "x",
    description: kind,
    detail: "",
    quantity: 1,
    packSize: 1,
    unitPrice: net,
    amount: net,
    discount: 0,
    net,
    informational: false,
    subject: product === undefined ? {} : { product },
    rule: "r",
    sources: [],
  };
}

function stored(
  status: SalesQuote["status"],
  createdAt: string,
  issuedAt: string | null,
  currency: string,
  lines: QuoteLine[],
  omitted = false,
): SalesQuote {
  const quote = {
    currency,
    lines,
    omittedCals: omitted
      ? [{ reason: "already-owned", server: null, statement: "", rule: "r", sources: [] }]
      : [],
  } as unknown as Quote;
  return { status, createdAt, issuedAt, quote };
}

test("months run across a year end, both ends included", () => {
  assert.deepEqual(listMonths("2025-11", "2026-02"), ["2025-11", "2025-12", "2026-01", "2026-02"]);
  assert.deepEqual(listMonths("2026-03", "2026-02"), []);
});

test("the dashboard's figures for a known set of quotes", () => {
  const server = line("server-licence", 100_000, "ws2022-standard");
  const noCalServer = line("server-licence", 50_000, "ws2022-essentials");
  const quotes = [
    // January: three created, two selling a CAL server, one of them with CALs; one issued, then accepted.
    stored("accepted", "2026-01-05T10:00:00.000Z", "2026-01-06T10:00:00.000Z", "EUR", [
      server,
      line("cal", 18_500),
      line("cal", 4_000),
    ]),
    stored("draft", "2026-01-07T10:00:00.000Z", null, "EUR", [server], true),
    stored("draft", "2026-01-08T10:00:00.000Z", null, "EUR", [noCalServer]),
    // Created in January, issued in February, in dollars; declined quotes earn nothing.
    stored("issued", "2026-01-30T10:00:00.000Z", "2026-02-02T10:00:00.000Z", "USD", [
      server,
      line("external-connector", 200_000),
      line("application-licence", 7_000),
    ]),
    stored("declined", "2026-02-03T10:00:00.000Z", "2026-02-04T10:00:00.000Z", "EUR", [
      server,
      line("cal", 4_000),
    ]),
    // Outside the period.
    stored("issued", "2025-12-31T23:59:59.999Z", "2026-03-01T00:00:00.000Z", "EUR", [server]),
  ];
  const summary = summariseSales({ quotes, catalog, from: "2026-01", to: "2026-02" });
  const [january, february] = summary.months;
  assert.equal(january?.month, "2026-01");
  assert.equal(january?.created, 4);
  assert.deepEqual(january?.byStatus, {
    draft: 2,
    issued: 1,
    accepted: 1,
    declined: 0,
    withdrawn: 0,
  });
  assert.equal(january?.issued, 1);
  assert.equal(january?.calServerQuotes, 3, "the Essentials quote needs no CALs");
  assert.equal(january?.calsAttached, 2, "a reason recorded for leaving CALs out is not attached");
  assert.equal(january?.attachRateBasisPoints, 6667, "2 of 3, half up");
  assert.deepEqual(january?.revenue, [
    { currency: "EUR", calsMinor: 22_500, serversMinor: 100_000, otherMinor: 0 },
  ]);
  assert.equal(february?.created, 1);
  assert.equal(february?.issued, 2);
  assert.deepEqual(february?.revenue, [
    { currency: "USD", calsMinor: 200_000, serversMinor: 100_000, otherMinor: 7_000 },
  ]);
  assert.equal(summary.totals.created, 5);
  assert.equal(summary.totals.calServerQuotes, 4);
  assert.equal(summary.totals.calsAttached, 3);
  assert.equal(summary.totals.attachRateBasisPoints, 7500);
  assert.deepEqual(
    summary.totals.revenue.map((r) => [r.currency, r.calsMinor, r.serversMinor]),
    [
      ["EUR", 22_500, 100_000],
      ["USD", 200_000, 100_000],
    ],
  );
});

test("a month without quotes has no attach rate rather than 0 %", () => {
  const summary = summariseSales({ quotes: [], catalog, from: "2026-05", to: "2026-05" });
  assert.equal(summary.months[0]?.attachRateBasisPoints, null);
  assert.deepEqual(summary.months[0]?.revenue, []);
});
