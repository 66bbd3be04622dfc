import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { divideRounded } from "./divide-rounded.ts";
import { roundingModes } from "./rounding-mode.ts";

test("divideRounded", async (t) => {
  await t.test("rounds ties by the named rule", () => {
    const cases: [bigint, Record<string, bigint>][] = [
      [25n, { "half-even": 2n, "half-up": 3n, "half-down": 2n, up: 3n, down: 2n }],
      [35n, { "half-even": 4n, "half-up": 4n, "half-down": 3n, up: 4n, down: 3n }],
      [-25n, { "half-even": -2n, "half-up": -3n, "half-down": -2n, up: -3n, down: -2n }],
      [26n, { "half-even": 3n, "half-up": 3n, "half-down": 3n, up: 3n, down: 2n }],
      [24n, { "half-even": 2n, "half-up": 2n, "half-down": 2n, up: 3n, down: 2n }],
    ];
    for (const [n, expected] of cases)
      for (const mode of roundingModes)
        assert.equal(divideRounded(n, 10n, mode), expected[mode], `${n}/10 ${mode}`);
  });

  await t.test("is exact beyond 2^53", () => {
    const big = 2n ** 80n + 5n;
    assert.equal(divideRounded(big * 10n + 5n, 10n, "half-even"), big + 1n);
    assert.equal(divideRounded(big * 10n + 5n, 10n, "half-down"), big);
  });

  await t.test(
    "never lands more than one unit from the exact quotient, and exactly on it when it divides",
    () => {
      fc.assert(
        fc.property(
          fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
          fc.bigInt({ min: 1n, max: 10n ** 12n }),
          fc.constantFrom(...roundingModes),
          (n, d, mode) => {
            const q = divideRounded(n, d, mode);
            const error = q * d - n; // rounded minus exact, scaled by d
            assert.ok(error > -d && error < d);
            if (n % d === 0n) assert.equal(q * d, n);
            if (mode.startsWith("half"))
              assert.ok(2n * (error < 0n ? -error : error) <= d, "half modes round to nearest");
          },
        ),
      );
    },
  );

  await t.test("rounds half-even with no bias: ties go to the even neighbour", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (k) => {
        const q = divideRounded(2n * k + 1n, 2n, "half-even");
        assert.equal(q % 2n, 0n);
      }),
    );
  });

  await t.test("refuses a non-positive denominator", () => {
    assert.throws(() => divideRounded(1n, 0n, "half-even"), RangeError);
  });
});
