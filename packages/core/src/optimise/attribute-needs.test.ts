import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { Pack } from "../price-list/price-book.ts";
import { attributeNeeds } from "./attribute-needs.ts";
import { type CalMarket, priceCalNeeds } from "./price-cal-needs.ts";

test("2019 needs bought as 2022 CALs are said to serve 2019 needs, not 2022 ones", () => {
  // Tiers 0, 1, 2 = 2016, 2019, 2022; the list sells only 2022 user CALs.
  const market: CalMarket = {
    priced: true,
    tiers: 3,
    packs: (type, tier) =>
      type === "user" && tier === 2 ? [{ id: "U22", size: 1, price: 40 }] : [],
    unpricedWeight: () => 1,
  };
  const p = priceCalNeeds([{ type: "user", tier: 1, count: 5 }], [], market);
  assert.deepEqual(
    p.purchases.map((b) => [b.tier, b.units, b.serves]),
    [[2, 5, [{ tier: 1, units: 5 }]]],
  );
});

test("a purchase that would have to serve a newer need than its version is a broken invariant", () => {
  assert.throws(() => attributeNeeds([0, 2], [{ type: "user", tier: 0, units: 2, cost: 2 }]));
  assert.throws(() => attributeNeeds([3], [{ type: "user", tier: 0, units: 2, cost: 2 }]));
});

test("every priced or unpriced purchase serves needs of its version or older, and the shortfall exactly", () => {
  const packs = fc.array(
    fc.record({
      id: fc.constant("p"),
      size: fc.constantFrom(1, 5, 10, 50),
      price: fc.integer({ min: 1, max: 500 }),
    }),
    { maxLength: 2 },
  );
  const type = fc.constantFrom("user" as const, "device" as const);
  fc.assert(
    fc.property(
      fc.dictionary(
        fc.constantFrom("user:0", "user:1", "user:2", "device:0", "device:1", "device:2"),
        packs,
      ),
      fc.array(
        fc.record({
          type,
          tier: fc.integer({ min: 0, max: 2 }),
          count: fc.integer({ min: 1, max: 400 }),
        }),
        {
          maxLength: 5,
        },
      ),
      fc.array(
        fc.record({
          type: fc.constantFrom("user" as const, "device" as const, "either" as const),
          tier: fc.integer({ min: 0, max: 2 }),
          quantity: fc.integer({ min: 1, max: 60 }),
          source: fc.constant("owned"),
        }),
        { maxLength: 3 },
      ),
      fc.boolean(),
      (byKey, needs, pools, priced) => {
        const market: CalMarket = {
          priced,
          tiers: 3,
          packs: (t, tier) => (byKey[`${t}:${tier}`] ?? []) as Pack[],
          unpricedWeight: () => 1_000,
        };
        const p = priceCalNeeds(needs, pools, market);
        // The shortfall per type and tier, as the allocation of owned CALs left it (read from the needs).
        const short = new Map<string, number>();
        for (const n of p.needs)
          short.set(`${n.type}:${n.tier}`, (short.get(`${n.type}:${n.tier}`) ?? 0) + n.shortfall);
        const served = new Map<string, number>();
        for (const b of p.purchases) {
          assert.equal(
            b.serves.reduce((s, x) => s + x.units, 0),
            b.units,
          );
          for (const s of b.serves) {
            assert.ok(s.tier <= b.tier, `a tier-${b.tier} purchase serves a tier-${s.tier} need`);
            assert.ok(s.units > 0);
            served.set(`${b.type}:${s.tier}`, (served.get(`${b.type}:${s.tier}`) ?? 0) + s.units);
          }
        }
        for (const [key, units] of short) assert.equal(served.get(key) ?? 0, units, key);
        for (const [key, units] of served) assert.equal(short.get(key), units, key);
      },
    ),
    { numRuns: 200 },
  );
});
