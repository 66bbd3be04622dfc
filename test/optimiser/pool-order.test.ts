// The answer must not depend on the order in which a customer's owned CALs are listed: the same estate with
// the same licences gets the same cover, cost and bound. The multiplier search settles pool classes one after
// another, so before its order was made canonical one 1,313-pair estate cost 77,748 or 105,963 by the order of
// three pools in the input. Medium estates (above the exhaustive search's 40 holders), where heuristics decide.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { OwnedPool } from "../../packages/core/src/compliance/allocate-owned.ts";
import { planFamilyCover } from "../../packages/core/src/optimise/plan-family-cover.ts";
import type { DemandItem } from "../../packages/core/src/rules/derive-cal-demand.ts";
import { realMoneyBench } from "../../scripts/bench-real-money.ts";

// The real-money bench's family, price list (packs of 1/5/10/50 at every version, newer versions 10 % dearer)
// and generated estates.
const { family, prices, itemsFor: estate, poolsFor } = realMoneyBench;

/** What a reader of the result sees of a plan: the money, the bound, the claim and what is bought. */
function outcome(items: readonly DemandItem[], pools: readonly OwnedPool[]) {
  const plan = planFamilyCover(family, items, pools, new Map(), prices, []);
  return {
    trueCost: plan.trueCost,
    lowerBound: plan.lowerBound,
    exactness: plan.exactness,
    toBuy: plan.toBuy,
  };
}

test("the 1,313-pair binding estate costs the same whatever order its three owned pools are listed in", () => {
  const items = estate(1000, 1);
  // A user 2012 pool, the 5 CALs included with a 2008 R2 server, a device 2008 pool.
  const pools = poolsFor("binding", 1000);
  const first = outcome(items, pools);
  // The two orders that cost 105,963 against 77,748 before the search's order was made canonical.
  for (const order of [
    [0, 2, 1],
    [1, 0, 2],
  ])
    assert.deepEqual(
      outcome(
        items,
        order.map((i) => pools[i] as OwnedPool),
      ),
      first,
      `order ${order.join("")}`,
    );
});

test("permuting the owned pools changes nothing in the plan (medium estates, pools of every type)", () => {
  const pool = fc.record({
    type: fc.constantFrom("user" as const, "device" as const, "either" as const),
    tier: fc.integer({ min: 0, max: 2 }),
    quantity: fc.integer({ min: 1, max: 40 }),
  });
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 1_000 }),
      fc.integer({ min: 80, max: 200 }),
      fc.array(pool, { minLength: 2, maxLength: 4 }),
      fc.func(fc.integer()),
      (seed, pairs, drawn, key) => {
        const items = estate(pairs, seed);
        const pools: OwnedPool[] = drawn.map((p, i) => ({ ...p, source: `pool ${i}` }));
        // A permutation drawn by fast-check: sort by a random key per position.
        const shuffled = pools
          .map((p, i) => ({ p, k: key(i) }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.p);
        assert.deepEqual(outcome(items, shuffled), outcome(items, pools));
      },
    ),
    { numRuns: 15 },
  );
});
