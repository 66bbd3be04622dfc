import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { OwnedPool } from "../compliance/allocate-owned.ts";
import type { ComponentBoundMemo } from "./bound-by-components.ts";
import { boundByTiers, boundByTiersOnce } from "./bound-by-tiers.ts";
import {
  cheapestCover,
  edgeArbitrary,
  market,
  poolArbitrary,
  toEdges,
} from "./cheapest-cover-by-enumeration.test-helper.ts";
import type { CoverEdge } from "./choose-cal-mix.ts";

test("the bound by tiers never exceeds the cheapest cover's real price, enumerated or bounded", () => {
  fc.assert(
    fc.property(
      fc.array(edgeArbitrary, { minLength: 1, maxLength: 12 }),
      fc.array(poolArbitrary, { maxLength: 3 }),
      fc.integer({ min: 0, max: 20_000 }),
      fc.boolean(),
      fc.nat({ max: 300 }),
      (raw, rawPools, work, enumerate, slack) => {
        const edges = toEdges(raw);
        const pools = rawPools.map((p) => ({ ...p, source: "owned" })) as OwnedPool[];
        const optimum = cheapestCover(edges, pools);
        // The planner's upper bound is a real cover's price, at or above the optimum: the ward's refinement
        // aims at it, so a refinement that rules out a real cell shows here as a bound above the optimum.
        const b = boundByTiers(edges, pools, market, optimum + slack, -1, work, enumerate);
        if (b.kind === "bound") assert.ok(b.bound <= optimum, `${b.bound} > ${optimum}`);
      },
    ),
    { numRuns: 300 },
  );
});

/**
 * A ward of six users on three devices: each device's newer pair has one user of its own, the rest older. Two
 * owned 2008 device CALs, two owned 2012 user CALs: the cheapest cover lowers two devices to the owned 2008
 * CALs while their newer users take the owned user CALs, and buys one 2012 device CAL (48); the cuts' bound
 * prices the third device at 2008 with half a user.
 */
function smallWard(): { edges: CoverEdge[]; pools: OwnedPool[] } {
  const edges: CoverEdge[] = [];
  for (let d = 0; d < 3; d++)
    for (let u = 0; u < 6; u++)
      edges.push({
        user: `W${u}`,
        device: `D${d}`,
        tier: u === d ? 1 : 0,
        deviceOnly: false,
        userOnly: false,
      });
  return {
    edges,
    pools: [
      { type: "device", tier: 0, quantity: 2, source: "owned" },
      { type: "user", tier: 1, quantity: 2, source: "owned" },
    ],
  };
}

test("a small ward: the enumerated bound sees that only devices whose newer users hold CALs may stay at 2008", () => {
  const { edges, pools } = smallWard();
  const optimum = cheapestCover(edges, pools);
  assert.equal(optimum, 48);
  const b = boundByTiers(edges, pools, market, Number.POSITIVE_INFINITY, -1, 100_000);
  assert.deepEqual(b.kind === "bound" ? b.bound : b.reason, 48);
  // The bounded tables (least unions and the closure's cuts) prove the same here.
  const c = boundByTiers(edges, pools, market, Number.POSITIVE_INFINITY, -1, 100_000, false);
  assert.deepEqual(c.kind === "bound" ? c.bound : c.reason, 48);
});

test("the bound by tiers is skipped when it cannot beat the bound known, and kept once per key", () => {
  const { edges, pools } = smallWard();
  const b = boundByTiers(edges, pools, market, Number.POSITIVE_INFINITY, 48, 100_000);
  assert.deepEqual(b, { kind: "skipped", reason: "no better than the bound known" });
  const memo: ComponentBoundMemo = new Map();
  const first = boundByTiersOnce(memo, "", edges, pools, market, 1_000, -1, 100_000);
  const again = boundByTiersOnce(memo, "", edges, pools, market, 1_000, -1, 100_000);
  assert.deepEqual(again, first);
  assert.equal(memo.size, 1);
});
