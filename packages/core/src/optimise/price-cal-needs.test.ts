import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { Pack } from "../price-list/price-book.ts";
import { cheapestBySplits } from "./packs/cheapest-by-splits.test-helper.ts";
import { choosePackPurchase } from "./packs/choose-pack-purchase.ts";
import {
  type CalMarket,
  estimateCalNeedsCost,
  priceCalNeeds,
  priceCalNeedsCost,
} from "./price-cal-needs.ts";

/** A market over three tiers from packs keyed "type:tier". */
function market(packs: Record<string, Pack[]>): CalMarket {
  return {
    priced: true,
    tiers: 3,
    packs: (type, tier) => packs[`${type}:${tier}`] ?? [],
    unpricedWeight: () => 1,
  };
}

test("needs at one tier are bought from the packs of every version at or above it together", () => {
  // Three 2008 needs: a 2012 5-pack (100) beats three 2008 1-packs (3 × 40 = 120).
  const p = priceCalNeeds(
    [{ type: "user", tier: 0, count: 3 }],
    [],
    market({
      "user:0": [{ id: "U08", size: 1, price: 40 }],
      "user:1": [{ id: "U12-5", size: 5, price: 100 }],
    }),
  );
  assert.equal(p.cost, 100);
  assert.deepEqual(
    p.purchases.map((b) => [b.tier, b.units, b.purchase?.units]),
    [[1, 3, 5]],
  );
  assert.ok(p.exact);
});

test("an owned either CAL serves the side whose CALs cost more", () => {
  const p = priceCalNeeds(
    [
      { type: "user", tier: 1, count: 1 },
      { type: "device", tier: 1, count: 1 },
    ],
    [{ type: "either", tier: 1, quantity: 1, source: "owned" }],
    market({
      "user:1": [{ id: "U", size: 1, price: 80 }],
      "device:1": [{ id: "D", size: 1, price: 50 }],
    }),
  );
  assert.equal(p.cost, 50);
  assert.deepEqual(
    p.needs.map((n) => [n.type, n.covered]),
    [
      ["user", 1],
      ["device", 0],
    ],
  );
  assert.deepEqual(p.used, [1]);
});

test("needs at two tiers: newer packs may serve older needs when that costs less (exact DP)", () => {
  // Two 2016 needs and four 2008 needs: one 2016 10-pack (300) beats 2 × 2016 (2 × 100) + 4 × 2008 (4 × 40).
  const p = priceCalNeeds(
    [
      { type: "device", tier: 2, count: 2 },
      { type: "device", tier: 0, count: 4 },
    ],
    [],
    market({
      "device:0": [{ id: "D08", size: 1, price: 40 }],
      "device:2": [
        { id: "D16", size: 1, price: 100 },
        { id: "D16-10", size: 10, price: 300 },
      ],
    }),
  );
  assert.equal(p.cost, 300);
  assert.ok(p.exact);
});

test("without a price list every CAL weighs 1 and is bought at the version it needs", () => {
  const p = priceCalNeeds(
    [{ type: "user", tier: 1, count: 2 }],
    [{ type: "user", tier: 0, quantity: 5, source: "owned" }],
    { priced: false, tiers: 3, packs: () => [], unpricedWeight: () => 1 },
  );
  assert.equal(p.cost, 2);
  assert.deepEqual(
    p.purchases.map((b) => [b.tier, b.units]),
    [[1, 2]],
  );
});

test("priceCalNeedsCost charges what priceCalNeeds charges, as exactly", () => {
  const pack = fc.record({
    id: fc.constant("p"),
    size: fc.constantFrom(1, 2, 5, 10, 20),
    price: fc.integer({ min: 1, max: 2_000 }),
  });
  const type = fc.constantFrom("user" as const, "device" as const);
  const tier = fc.integer({ min: 0, max: 2 });
  fc.assert(
    fc.property(
      fc.dictionary(
        fc.constantFrom("user:0", "user:1", "user:2", "device:0", "device:1", "device:2"),
        fc.array(pack, { minLength: 1, maxLength: 3 }),
      ),
      fc.array(fc.record({ type, tier, count: fc.integer({ min: 1, max: 60 }) }), { maxLength: 4 }),
      fc.array(
        fc.record({
          type: fc.constantFrom("user" as const, "device" as const, "either" as const),
          tier,
          quantity: fc.integer({ min: 0, max: 30 }),
          source: fc.constant("owned"),
        }),
        { maxLength: 3 },
      ),
      fc.boolean(),
      (packs, needs, pools, priced) => {
        const m = { ...market(packs), priced };
        const full = priceCalNeeds(needs, pools, m);
        const cost = priceCalNeedsCost(needs, pools, { ...market(packs), priced });
        assert.deepEqual(cost, { cost: full.cost, exact: full.exact });
      },
    ),
  );
});

test("one tier's units, however many: the cost table's periodic tail equals the exact knapsack", () => {
  // Past (a - 1) × the largest size (a: the size of the best pack per unit) the table adds that pack per a
  // units instead of growing: 120,000 units read a table of at most a few thousand.
  const pack = fc.record({
    id: fc.constant("p"),
    size: fc.constantFrom(1, 3, 5, 10, 50),
    price: fc.integer({ min: 1, max: 5_000 }),
  });
  fc.assert(
    fc.property(
      fc.array(pack, { minLength: 1, maxLength: 3 }),
      fc.array(pack, { minLength: 0, maxLength: 3 }),
      fc.integer({ min: 1, max: 120_000 }),
      (older, newer, units) => {
        const m = market({ "user:0": older, "user:2": newer });
        const offers = [...older, ...newer].map((p, i) => ({ ...p, id: `${i}` }));
        const needs = [{ type: "user" as const, tier: 0, count: units }];
        assert.deepEqual(priceCalNeedsCost(needs, [], m), {
          cost: choosePackPurchase(units, offers).cost,
          exact: true,
        });
      },
    ),
  );
});

test("needs at several tiers past 600 units: exact, the cheapest split between versions, and bought so", () => {
  // Each version sells a few of 1/5/10/50-packs at its own rate; older needs may be bought at newer versions.
  const versionPacks = fc
    .tuple(
      fc.integer({ min: 50, max: 120 }),
      fc.subarray([1, 5, 10, 50], { minLength: 1 }),
      fc.integer({ min: 75, max: 100 }),
    )
    .map(([unit, sizes, discount]) =>
      sizes.map((size) => ({
        id: `${size}`,
        size,
        price: size === 1 ? unit : Math.round((unit * size * discount) / 100),
      })),
    );
  fc.assert(
    fc.property(
      fc.array(versionPacks, { minLength: 3, maxLength: 3 }),
      fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 3, maxLength: 3 }),
      (packs, counts) => {
        fc.pre(counts.reduce((s, n) => s + n, 0) > 600 && counts.filter((n) => n > 0).length > 1);
        const m = market({ "user:0": packs[0], "user:1": packs[1], "user:2": packs[2] } as Record<
          string,
          Pack[]
        >);
        const needs = counts.flatMap((count, tier) =>
          count > 0 ? [{ type: "user" as const, tier, count }] : [],
        );
        const p = priceCalNeeds(needs, [], m);
        assert.ok(p.exact);
        assert.equal(p.cost, cheapestBySplits(counts, packs));
        assert.equal(
          p.purchases.reduce((s, b) => s + b.cost, 0),
          p.cost,
        );
        // The units bought at each version or later reach the needs at that tier or later.
        for (let k = 0; k < 3; k++) {
          const bought = p.purchases
            .filter((b) => b.tier >= k)
            .reduce((s, b) => s + (b.purchase?.units ?? 0), 0);
          assert.ok(bought >= counts.slice(k).reduce((s, n) => s + n, 0));
        }
      },
    ),
    { numRuns: 60 },
  );
});

test("estimateCalNeedsCost: never below the real price, equal when each type needs one tier", () => {
  const pack = fc.record({
    id: fc.constant("p"),
    size: fc.constantFrom(1, 2, 5, 10),
    price: fc.integer({ min: 1, max: 2_000 }),
  });
  fc.assert(
    fc.property(
      fc.dictionary(
        fc.constantFrom("user:0", "user:1", "user:2", "device:0", "device:1", "device:2"),
        fc.array(pack, { minLength: 1, maxLength: 3 }),
      ),
      fc.array(
        fc.record({
          type: fc.constantFrom("user" as const, "device" as const),
          tier: fc.integer({ min: 0, max: 2 }),
          count: fc.integer({ min: 1, max: 80 }),
        }),
        { maxLength: 4 },
      ),
      (packs, needs) => {
        const m = market(packs);
        const real = priceCalNeedsCost(needs, [], m);
        const estimate = estimateCalNeedsCost(needs, [], m);
        if (real.exact) assert.ok(estimate >= real.cost, `${estimate} < ${real.cost}`);
        const tiersOf = (t: string) =>
          new Set(needs.filter((n) => n.type === t).map((n) => n.tier));
        if (tiersOf("user").size <= 1 && tiersOf("device").size <= 1)
          assert.equal(estimate, real.cost);
      },
    ),
  );
});
