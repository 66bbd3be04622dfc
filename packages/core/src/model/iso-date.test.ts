import assert from "node:assert/strict";
import { test } from "node:test";
import { deploymentSchema } from "../deployment/deployment-schema.ts";
import { datedPriceListSchema } from "../price-list/dated-price-list.ts";
import { quoteRequestSchema } from "../quote/quote-request-schema.ts";
import { addDays, isIsoDate, isoDateSchema } from "./iso-date.ts";

test("a date that does not exist is refused; a leap day only in a leap year", () => {
  assert.equal(isoDateSchema.safeParse("2026-02-30").success, false);
  assert.equal(isoDateSchema.safeParse("2025-02-29").success, false);
  assert.equal(isoDateSchema.safeParse("2024-02-29").success, true);
  assert.equal(isoDateSchema.safeParse("2024-2-29").success, false);
  assert.equal(isIsoDate("2026-04-31"), false);
  assert.equal(isIsoDate("2026-12-31"), true);
  assert.equal(addDays("2024-02-28", 1), "2024-02-29");
  assert.equal(addDays("2025-02-28", 1), "2025-03-01");
});

const deployment = (date: string) => ({
  servers: [{ name: "S1", product: "ws2022-standard" }],
  assignments: [
    { licence: "L1", family: "windows-server", type: "user", history: [{ date, to: "U1" }] },
  ],
  asOf: date,
});

test("every schema that reads a date uses the calendar check", () => {
  for (const bad of ["2026-02-30", "2025-02-29"]) {
    const d = deploymentSchema.safeParse(deployment(bad));
    assert.equal(d.success, false);
    assert.deepEqual(d.error?.issues.map((i) => i.path.join(".")).sort(), [
      "asOf",
      "assignments.0.history.0.date",
    ]);
    const list = datedPriceListSchema.safeParse({
      currency: "EUR",
      items: [],
      validFrom: bad,
      validTo: bad,
    });
    assert.deepEqual(list.error?.issues.map((i) => i.path.join(".")).sort(), [
      "validFrom",
      "validTo",
    ]);
    const quote = quoteRequestSchema.safeParse({ date: bad });
    assert.ok(
      quote.error?.issues.some((i) => i.path.join(".") === "date"),
      `quote date ${bad}`,
    );
  }
  assert.equal(deploymentSchema.safeParse(deployment("2024-02-29")).success, true);
  assert.equal(
    datedPriceListSchema.safeParse({ currency: "EUR", items: [], validFrom: "2024-02-29" }).success,
    true,
  );
});
