import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { allocateProportionally } from "./allocate-proportionally.ts";

test("allocateProportionally", async (t) => {
  await t.test(
    "gives the left-over cent to the largest remainder, the earlier line on a tie",
    () => {
      assert.deepEqual(allocateProportionally(100, [1, 1, 1]), [34, 33, 33]);
      assert.deepEqual(allocateProportionally(10, [3, 3, 4]), [3, 3, 4]);
      assert.deepEqual(allocateProportionally(7, [10, 0, 20]), [2, 0, 5]);
      assert.deepEqual(allocateProportionally(0, [0, 0]), [0, 0]);
    },
  );

  await t.test(
    "always adds up to the total, and each share is its exact value rounded down or up",
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.nat({ max: 10_000_000 }), { minLength: 1, maxLength: 30 }),
          fc.nat({ max: 2_000_000_000 }),
          (weights, total) => {
            fc.pre(weights.some((w) => w > 0));
            const shares = allocateProportionally(total, weights);
            assert.equal(
              shares.reduce((s, x) => s + x, 0),
              total,
            );
            const sum = BigInt(weights.reduce((s, w) => s + w, 0));
            shares.forEach((share, i) => {
              const exact = BigInt(total) * BigInt(weights[i] as number); // share × sum
              const scaled = BigInt(share) * sum;
              assert.ok(scaled - exact < sum && exact - scaled < sum, `share ${i} within one unit`);
              if (weights[i] === 0) assert.equal(share, 0);
            });
          },
        ),
      );
    },
  );

  await t.test(
    "never gives a line more than its weight when the total does not exceed the weights",
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 20 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (weights, fraction) => {
            const sum = weights.reduce((s, w) => s + w, 0);
            fc.pre(sum > 0);
            const total = Math.floor(sum * fraction);
            for (const [i, share] of allocateProportionally(total, weights).entries())
              assert.ok(share <= (weights[i] as number));
          },
        ),
      );
    },
  );

  await t.test("refuses to spread money over nothing", () => {
    assert.throws(() => allocateProportionally(5, [0, 0]), RangeError);
  });
});
