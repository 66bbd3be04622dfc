import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatMoney } from "./format-money.ts";

describe("formatMoney", () => {
  it("writes minor units in the locale's way with the currency sign", () => {
    assert.equal(formatMoney(123_450, "EUR"), "€1,234.50");
    assert.equal(formatMoney(123_450, "EUR", "pl-PL"), "1234,50\u00a0€");
    assert.equal(formatMoney(5, "EUR", "de-DE"), "0,05\u00a0€");
    assert.equal(formatMoney(-199, "USD", "en-US"), "-$1.99");
    assert.equal(formatMoney(1234, "JPY", "en-GB"), "JP¥1,234");
  });

  it("stays exact at the top of the safe range", () => {
    assert.equal(formatMoney(Number.MAX_SAFE_INTEGER, "EUR"), "€90,071,992,547,409.91");
  });
});
