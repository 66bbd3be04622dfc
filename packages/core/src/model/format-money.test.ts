import assert from "node:assert/strict";
import { test } from "node:test";
import { formatMoney } from "./format-money.ts";

test("formatMoney writes minor units in the locale's way with the currency sign", () => {
  assert.equal(formatMoney(123_450, "EUR"), "€1,234.50");
  assert.equal(formatMoney(123_450, "EUR", "pl-PL"), "1234,50\u00a0€");
  assert.equal(formatMoney(5, "EUR", "de-DE"), "0,05\u00a0€");
  assert.equal(formatMoney(-199, "USD", "en-US"), "-$1.99");
  assert.equal(formatMoney(1234, "JPY", "en-GB"), "JP¥1,234");
});

test("formatMoney with the code display writes the locale's number and the ISO code after it", () => {
  assert.equal(formatMoney(258_000, "USD", "en", "code"), "2,580.00 USD");
  assert.equal(formatMoney(5, "EUR", "en", "code"), "0.05 EUR");
  assert.equal(formatMoney(-123_456_789, "EUR", "en", "code"), "-1,234,567.89 EUR");
  assert.equal(formatMoney(1234, "JPY", "en", "code"), "1,234 JPY");
  assert.equal(formatMoney(123_450, "EUR", "de-DE", "code"), "1.234,50 EUR");
});

test("formatMoney stays exact at the top of the safe range", () => {
  assert.equal(formatMoney(Number.MAX_SAFE_INTEGER, "EUR"), "€90,071,992,547,409.91");
  assert.equal(
    formatMoney(Number.MAX_SAFE_INTEGER, "USD", "en", "code"),
    "90,071,992,547,409.91 USD",
  );
  assert.throws(() => formatMoney(1.5, "EUR"), RangeError);
});
