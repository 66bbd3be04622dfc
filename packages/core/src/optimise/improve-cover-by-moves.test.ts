import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { OwnedPool } from "../compliance/allocate-owned.ts";
import type { Pack } from "../price-list/price-book.ts";
import { type CalMix, type CoverEdge, chooseCalMix } from "./choose-cal-mix.ts";
import { mixOf, needsOf } from "./cover-mix.test-helper.ts";
import { improveCoverByMoves } from "./improve-cover-by-moves.ts";
import { type CalMarket, priceCalNeedsCost } from "./price-cal-needs.ts";

/** A market over two tiers from packs keyed "type:tier". */
function market(packs: Record<string, Pack[]>): CalMarket {
  return {
    priced: true,
    tiers: 2,
    packs: (type, tier) => packs[`${type}:${tier}`] ?? [],
    unpricedWeight: () => 1,
  };
}

/** What a cover costs in real money (owned CALs by value, then packs). */
function priceCover(mix: CalMix, pools: readonly OwnedPool[], m: CalMarket): number {
  return priceCalNeedsCost(needsOf(mix, m.tiers), pools, m).cost;
}

/** Every pair is covered at its tier by a side allowed to cover it. */
function assertCovers(edges: readonly CoverEdge[], mix: CalMix): void {
  for (const e of edges) {
    const byUser =
      !e.deviceOnly && e.user !== undefined && (mix.userTier.get(e.user) ?? -1) >= e.tier;
    const byDevice =
      !e.userOnly && e.device !== undefined && (mix.deviceTier.get(e.device) ?? -1) >= e.tier;
    assert.ok(byUser || byDevice, `pair ${e.user}–${e.device} at tier ${e.tier} is not covered`);
  }
}

test("a user bought beyond the owned user CAL moves onto a cheaper device CAL", () => {
  // Issue 10: two users on their own devices, one owned 2012 user CAL, device 2012 223, user 2012 265.
  const edges: CoverEdge[] = [
    { user: "u1", device: "d1", tier: 1, deviceOnly: false, userOnly: false },
    { user: "u2", device: "d2", tier: 1, deviceOnly: false, userOnly: false },
  ];
  const pools: OwnedPool[] = [{ type: "user", tier: 1, quantity: 1, source: "owned" }];
  const m = market({
    "user:1": [{ id: "U12", size: 1, price: 265 }],
    "device:1": [{ id: "D12", size: 1, price: 223 }],
  });
  const start = mixOf(
    [
      ["u1", 1],
      ["u2", 1],
    ],
    [],
  );
  const { mix, stats } = improveCoverByMoves(edges, start, pools, m, 10_000);
  assert.ok(mix);
  assertCovers(edges, mix);
  assert.equal(priceCover(start, pools, m), 265);
  assert.equal(priceCover(mix, pools, m), 223);
  assert.equal(mix.userTier.size + mix.deviceTier.size, 2);
  assert.ok(stats.kept >= 1);
});

test("a ward device is released when its users' owned CALs are spare, and nothing moves with no work", () => {
  const edges: CoverEdge[] = ["a", "b", "c"].map((user) => ({
    user,
    device: "ward",
    tier: 0,
    deviceOnly: false,
    userOnly: false,
  }));
  const pools: OwnedPool[] = [{ type: "user", tier: 0, quantity: 3, source: "owned" }];
  const m = market({ "device:0": [{ id: "D", size: 1, price: 100 }] });
  const start = mixOf([], [["ward", 0]]);
  assert.equal(improveCoverByMoves(edges, start, pools, m, 0).mix, undefined);
  const { mix } = improveCoverByMoves(edges, start, pools, m, 10_000);
  assert.ok(mix);
  assertCovers(edges, mix);
  assert.equal(priceCover(mix, pools, m), 0);
});

const pairs = fc.uniqueArray(
  fc.record({
    user: fc.integer({ min: 0, max: 5 }),
    device: fc.integer({ min: 0, max: 5 }),
    tier: fc.integer({ min: 0, max: 1 }),
    only: fc.constantFrom("none", "none", "none", "device", "user"),
  }),
  { minLength: 1, maxLength: 14, selector: (p) => `${p.user}:${p.device}` },
);
const pack = (size: number) =>
  fc.option(fc.integer({ min: 1, max: 400 }).map((price) => ({ id: `p${size}`, size, price })));
const packs = fc.record({
  user0: fc.tuple(pack(1), pack(5)),
  user1: fc.tuple(pack(1), pack(5)),
  device0: fc.tuple(pack(1), pack(5)),
  device1: fc.tuple(pack(1), pack(5)),
});
const pool = fc.record({
  type: fc.constantFrom("user" as const, "device" as const, "either" as const),
  tier: fc.integer({ min: 0, max: 1 }),
  quantity: fc.integer({ min: 1, max: 4 }),
  source: fc.constant("owned"),
});

test("the moves never raise the money and always leave a cover (any start, any prices, any pools)", () => {
  fc.assert(
    fc.property(
      pairs,
      packs,
      fc.array(pool, { maxLength: 3 }),
      fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 4, maxLength: 4 }),
      fc.integer({ min: 0, max: 2_000 }),
      (list, offers, pools, weights, work) => {
        const edges: CoverEdge[] = list.map((p) => ({
          ...(p.only === "device" ? {} : { user: `u${p.user}` }),
          ...(p.only === "user" ? {} : { device: `d${p.device}` }),
          tier: p.tier,
          deviceOnly: p.only === "device",
          userOnly: p.only === "user",
        }));
        const sold = (o: readonly (Pack | null)[]) => o.filter((p): p is Pack => p !== null);
        const m = market({
          "user:0": sold(offers.user0),
          "user:1": sold(offers.user1),
          "device:0": sold(offers.device0),
          "device:1": sold(offers.device1),
        });
        // A start from a cut at arbitrary weights: any cover the planner could hand over.
        const [u0, u1, d0, d1] = weights as [number, number, number, number];
        const start = chooseCalMix({
          edges,
          userCost: [u0, u0 + u1],
          deviceCost: [d0, d0 + d1],
        });
        const before = priceCover(start, pools, m);
        const { mix } = improveCoverByMoves(edges, start, pools, m, work);
        if (mix === undefined) return;
        assertCovers(edges, mix);
        assert.ok(priceCover(mix, pools, m) < before, "a cover is returned only when cheaper");
      },
    ),
    { numRuns: 400 },
  );
});
