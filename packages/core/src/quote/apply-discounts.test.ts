import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { applyDiscounts, type DiscountableLine, type DiscountRequest } from "./apply-discounts.ts";
import { roundingModes } from "./rounding-mode.ts";

test("applyDiscounts", async (t) => {
  await t.test(
    "takes 7.5 % of the CAL lines only, rounds once half-even and spreads the cents",
    () => {
      const lines: DiscountableLine[] = [
        { amount: 80_000, scope: "server-licences" },
        { amount: 19_001, scope: "cals" },
        { amount: 4_000, scope: "cals" },
      ];
      const { value, problems } = applyDiscounts(
        lines,
        [{ label: "partner", appliesTo: "cals", basisPoints: 750 }],
        "half-even",
      );
      assert.deepEqual(problems, []);
      // 7.5 % of 230.01 = 17.25075 → 17.25
      assert.equal(value.discounts[0]?.amount, 1725);
      assert.deepEqual(value.discounts[0]?.allocation, [0, 1425, 300]);
      assert.equal(value.subtotal, 103_001);
      assert.equal(value.total, 103_001 - 1725);
    },
  );

  await t.test("applies discounts in order, each to what is left", () => {
    const { value } = applyDiscounts(
      [{ amount: 10_000, scope: "cals" }],
      [
        { label: "ten", appliesTo: "all", basisPoints: 1000 },
        { label: "fixed", appliesTo: "all", amount: 1000 },
        { label: "ten again", appliesTo: "all", basisPoints: 1000 },
      ],
      "half-even",
    );
    assert.deepEqual(
      value.discounts.map((d) => [d.base, d.amount]),
      [
        [10_000, 1000],
        [9000, 1000],
        [8000, 800],
      ],
    );
    assert.equal(value.total, 7200);
  });

  await t.test("refuses a fixed discount larger than its lines", () => {
    const { problems } = applyDiscounts(
      [{ amount: 500, scope: "server-licences" }],
      [{ label: "too much", appliesTo: "server-licences", amount: 501 }],
      "half-even",
    );
    assert.equal(problems[0]?.code, "DISCOUNT_TOO_LARGE");
    assert.equal(problems[0]?.path, "discounts[0].amount");
  });

  await t.test(
    "keeps total = subtotal − discounts = sum of line nets, with no line below zero",
    () => {
      const line = fc.record({
        amount: fc.nat({ max: 50_000_000 }),
        scope: fc.constantFrom("server-licences" as const, "cals" as const),
      });
      const discount: fc.Arbitrary<DiscountRequest> = fc.oneof(
        fc.record({
          label: fc.constant("p"),
          appliesTo: fc.constantFrom("all" as const, "server-licences" as const, "cals" as const),
          basisPoints: fc.integer({ min: 0, max: 10_000 }),
        }),
        fc.record({
          label: fc.constant("a"),
          appliesTo: fc.constant("all" as const),
          amount: fc.nat({ max: 1_000 }),
        }),
      );
      fc.assert(
        fc.property(
          fc.array(line, { maxLength: 25 }),
          fc.array(discount, { maxLength: 4 }),
          fc.constantFrom(...roundingModes),
          (lines, discounts, mode) => {
            const { value, problems } = applyDiscounts(lines, discounts, mode);
            const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
            assert.equal(value.subtotal, sum(lines.map((l) => l.amount)));
            assert.equal(value.total, value.subtotal - sum(value.discounts.map((d) => d.amount)));
            assert.equal(value.total, sum(value.lineNets));
            for (const d of value.discounts) assert.equal(sum(d.allocation), d.amount);
            value.lineNets.forEach((n, i) => {
              assert.ok(n >= 0);
              assert.equal(
                n,
                (lines[i] as DiscountableLine).amount - (value.lineDiscounts[i] as number),
              );
            });
            if (problems.length === 0) assert.ok(value.total >= 0);
          },
        ),
      );
    },
  );
});
