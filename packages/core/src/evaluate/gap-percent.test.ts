import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { gapPercent } from "./gap-percent.ts";

test("a gap reads as two decimals of a percent, and below 0.01 % as two significant digits", () => {
  assert.equal(gapPercent(0, 0), 0);
  assert.equal(gapPercent(1_000, 1_000), 0);
  assert.equal(gapPercent(1_000, 900), 10);
  assert.equal(gapPercent(30_000, 29_000), 3.33);
  // The 100k and 200k estates' answers: 174.00 on 3.78 million, 190.00 on 7.55 million (minor units).
  assert.equal(gapPercent(377_559_600, 377_542_200), 0.0046);
  assert.equal(gapPercent(755_052_300, 755_033_300), 0.0025);
});

test("a positive gap never reads 0, and the reading is within a rounding of the exact percent", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 2 ** 40 }),
      fc.integer({ min: 0, max: 2 ** 40 }),
      (cost, gap) => {
        const bound = Math.max(0, cost - gap);
        const read = gapPercent(cost, bound);
        const exact = ((cost - bound) / cost) * 100;
        if (cost === bound) return read === 0;
        if (read <= 0) return false;
        return read >= 0.01
          ? Math.abs(read - exact) <= 0.005 + 1e-9
          : Math.abs(read - exact) <= exact * 0.05;
      },
    ),
  );
});
