import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { percentOf } from "./percent-of.ts";

test("percentOf", async (t) => {
  await t.test("rounds half a cent by the named rule", () => {
    // 7.5 % of 1.00 EUR is 7.5 cents
    assert.equal(percentOf(100, 750, "half-even"), 8);
    assert.equal(percentOf(100, 750, "half-down"), 7);
    // 2.5 % of 1.00 is 2.5 cents: half-even goes to the even 2
    assert.equal(percentOf(100, 250, "half-even"), 2);
    assert.equal(percentOf(100, 250, "half-up"), 3);
  });

  await t.test("is exact where float64 is not: 10 % of 2^53 − 1 minor units", () => {
    assert.equal(percentOf(Number.MAX_SAFE_INTEGER, 1000, "down"), 900719925474099);
  });

  await t.test("never exceeds the amount and 100 % gives it back", () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 40 }), fc.integer({ min: 0, max: 10_000 }), (amount, bp) => {
        const part = percentOf(amount, bp, "half-even");
        assert.ok(part >= 0 && part <= amount);
        assert.equal(percentOf(amount, 10_000, "half-even"), amount);
      }),
    );
  });
});
