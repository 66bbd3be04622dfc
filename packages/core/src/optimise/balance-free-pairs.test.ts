import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { Need } from "../compliance/allocate-owned.ts";
import type { Pack } from "../price-list/price-book.ts";
import { balanceFreePairs } from "./balance-free-pairs.ts";
import { type CalMix, type CoverEdge, chooseCalMix } from "./choose-cal-mix.ts";
import { needsOf, pair } from "./cover-mix.test-helper.ts";
import { type CalMarket, priceCalNeedsCost } from "./price-cal-needs.ts";

/** A market of `tiers` tiers where users and devices are sold in the same packs at every tier. */
function market(tiers: number, packs: readonly Pack[]): CalMarket {
  return { priced: true, tiers, packs: () => packs, unpricedWeight: () => 1 };
}

function covers(mix: CalMix, edges: readonly CoverEdge[]): boolean {
  return edges.every(
    (e) =>
      (e.user !== undefined && (mix.userTier.get(e.user) ?? -1) >= e.tier) ||
      (e.device !== undefined && (mix.deviceTier.get(e.device) ?? -1) >= e.tier),
  );
}

test("free pairs move to devices when that fills a pack: 8 users and 2 devices become 5 and 5", () => {
  // Three users on two devices each (a user CAL covers both), two devices shared by two users each, five
  // users alone on their own device. The cut weighs users and devices alike and takes the users of the free
  // pairs: 8 users (a 5-pack and three singles, 700) and 2 devices (200). Five and five: two 5-packs, 800.
  const edges: CoverEdge[] = [];
  for (const u of ["A", "B", "C"]) edges.push(pair(u, `${u}1`), pair(u, `${u}2`));
  for (const d of ["X", "Y"]) edges.push(pair(`${d}a`, d), pair(`${d}b`, d));
  for (let i = 0; i < 5; i++) edges.push(pair(`F${i}`, `P${i}`));
  const m = market(1, [
    { id: "1", size: 1, price: 100 },
    { id: "5", size: 5, price: 400 },
  ]);
  const mix = chooseCalMix({ edges, userCost: [1], deviceCost: [1] });
  assert.equal(priceCalNeedsCost(needsOf(mix, 1), [], m).cost, 900);
  const balanced = balanceFreePairs(edges, mix, needsOf(mix, 1), [], m);
  assert.ok(balanced);
  assert.ok(covers(balanced, edges));
  assert.equal(priceCalNeedsCost(needsOf(balanced, 1), [], m).cost, 800);
  assert.equal(balanced.userTier.size, 5);
  assert.equal(balanced.deviceTier.size, 5);
  // The overlaid maps read like maps: entries, keys, values and lookups agree.
  assert.equal([...balanced.userTier.keys()].length, balanced.userTier.size);
  assert.deepEqual(new Map(balanced.deviceTier.entries()).size, balanced.deviceTier.size);
  for (const [k, v] of balanced.deviceTier) assert.equal(balanced.deviceTier.get(k), v);
});

test("no free pair, or no cheaper split: nothing to return", () => {
  const m = market(1, [{ id: "1", size: 1, price: 100 }]);
  const shared = [pair("A", "X"), pair("B", "X")];
  const mix = chooseCalMix({ edges: shared, userCost: [1], deviceCost: [1] });
  assert.equal(balanceFreePairs(shared, mix, needsOf(mix, 1), [], m), undefined);
  const alone = [pair("A", "X"), pair("B", "Y")];
  const single = chooseCalMix({ edges: alone, userCost: [1], deviceCost: [1] });
  assert.equal(balanceFreePairs(alone, single, needsOf(single, 1), [], m), undefined);
});

test("property: a balanced cover covers every pair, and at one tier it is the best split of the free pairs", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 })), {
        minLength: 1,
        maxLength: 14,
      }),
      fc.integer({ min: 0, max: 9 }),
      fc.integer({ min: 60, max: 100 }),
      fc.integer({ min: 2, max: 6 }),
      fc.integer({ min: 150, max: 500 }),
      (links, freeCount, single, size, packPrice) => {
        const edges = links.map(([u, d]) => pair(`U${u}`, `D${d}`));
        for (let i = 0; i < freeCount; i++) edges.push(pair(`F${i}`, `P${i}`));
        const m = market(1, [
          { id: "1", size: 1, price: single },
          { id: "n", size, price: packPrice },
        ]);
        const mix = chooseCalMix({ edges, userCost: [1], deviceCost: [1] });
        const before = priceCalNeedsCost(needsOf(mix, 1), [], m).cost;
        const balanced = balanceFreePairs(edges, mix, needsOf(mix, 1), [], m);
        const after = balanced ? priceCalNeedsCost(needsOf(balanced, 1), [], m).cost : before;
        if (balanced) {
          assert.ok(covers(balanced, edges));
          assert.ok(after < before);
        }
        // Exhaustive: the free pairs are the pairs whose user and device have no other pair.
        const degree = new Map<string, number>();
        for (const e of edges)
          for (const h of [`u:${e.user}`, `d:${e.device}`]) degree.set(h, (degree.get(h) ?? 0) + 1);
        const free = edges.filter(
          (e) => degree.get(`u:${e.user}`) === 1 && degree.get(`d:${e.device}`) === 1,
        );
        const freeUsers = free.filter((e) => mix.userTier.has(e.user as string)).length;
        const restUsers = mix.userTier.size - freeUsers;
        const restDevices = mix.deviceTier.size - (free.length - freeUsers);
        let best = Number.POSITIVE_INFINITY;
        for (let a = 0; a <= free.length; a++) {
          const needs: Need[] = [
            { type: "user", tier: 0, count: restUsers + a },
            { type: "device", tier: 0, count: restDevices + free.length - a },
          ].filter((n) => n.count > 0) as Need[];
          best = Math.min(best, priceCalNeedsCost(needs, [], m).cost);
        }
        assert.equal(after, best);
      },
    ),
  );
});
