import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { CalFamily } from "../catalog/catalog-schema.ts";
import { allocateOwned, type OwnedPool } from "../compliance/allocate-owned.ts";
import { createPriceBook } from "../price-list/price-book.ts";
import type { PriceList } from "../price-list/price-list-schema.ts";
import type { DemandItem } from "../rules/derive-cal-demand.ts";
import { planFamilyCover } from "./plan-family-cover.ts";

const family: CalFamily = {
  id: "ws-cal",
  name: "WS CAL",
  versions: ["2008", "2012"],
  types: ["user", "device"],
  sources: ["R1"],
};

function priceList(user: number, device: number, user08?: number): PriceList {
  const items: PriceList["items"] = [
    { sku: "U12", family: "ws-cal", version: "2012", type: "user", packSize: 1, price: user },
    { sku: "D12", family: "ws-cal", version: "2012", type: "device", packSize: 1, price: device },
  ];
  if (user08 !== undefined)
    items.push({
      sku: "U08",
      family: "ws-cal",
      version: "2008",
      type: "user",
      packSize: 1,
      price: user08,
    });
  return { name: "test", currency: "USD", items };
}

/** A Windows Server CAL demand item: `user` on `device` reaching `server`, whose CAL tier is `tier`. */
function demandItem(
  user: string,
  device: string,
  tier: number,
  server: string,
  access: number,
): DemandItem {
  return {
    family: "ws-cal",
    tier,
    user,
    device,
    server,
    deviceOnly: false,
    userOnly: false,
    external: false,
    access,
    rules: [],
  };
}

/**
 * What a cover's needs cost to buy after the owned CALs, each `either` CAL on the side where it saves most: every
 * split of every either pool between users and devices, the rest allocated by type (on nested tiers of one type the
 * greedy allocation covers the most, and a type's CALs all cost the same). allocateOwned alone gives an either CAL
 * to the device side first, which overcharged the cover {U0, D2} below by 1 (found at 10x the runs, seed 42, run 494).
 */
function cheapestShortfall(
  needs: { type: "user" | "device"; tier: number; count: number }[],
  pools: OwnedPool[],
  unit: (type: "user" | "device", tier: number) => number,
): number {
  const typed = pools.filter((p) => p.type !== "either");
  const either = pools.filter((p) => p.type === "either");
  let best = Number.POSITIVE_INFINITY;
  const split = (k: number, chosen: OwnedPool[]): void => {
    const pool = either[k];
    if (pool === undefined) {
      const a = allocateOwned(needs, [...typed, ...chosen]);
      best = Math.min(
        best,
        a.needs.reduce((s, n) => s + n.shortfall * unit(n.type, n.tier), 0),
      );
      return;
    }
    for (let users = 0; users <= pool.quantity; users++)
      split(k + 1, [
        ...chosen,
        { ...pool, type: "user", quantity: users },
        { ...pool, type: "device", quantity: pool.quantity - users },
      ]);
  };
  split(0, []);
  return best;
}

/** The true minimum purchase cost over every cover: each holder picks no CAL or a tier; owned CALs allocated first. */
function bruteForce(
  items: DemandItem[],
  pools: OwnedPool[],
  unit: (type: "user" | "device", tier: number) => number,
): number {
  const holders = new Map<string, { type: "user" | "device"; id: string; top: number }>();
  for (const i of items) {
    if (i.user !== undefined)
      holders.set(`user:${i.user}`, {
        type: "user",
        id: i.user,
        top: Math.max(holders.get(`user:${i.user}`)?.top ?? -1, i.tier),
      });
    if (i.device !== undefined)
      holders.set(`device:${i.device}`, {
        type: "device",
        id: i.device,
        top: Math.max(holders.get(`device:${i.device}`)?.top ?? -1, i.tier),
      });
  }
  const list = [...holders.values()];
  const tiers = list.map(() => -1);
  let best = Number.POSITIVE_INFINITY;
  const recurse = (k: number) => {
    if (k === list.length) {
      const tierOf = (type: string, id?: string) =>
        id === undefined
          ? -1
          : (tiers[list.findIndex((h) => h.type === type && h.id === id)] ?? -1);
      for (const i of items)
        if (tierOf("user", i.user) < i.tier && tierOf("device", i.device) < i.tier) return;
      const needs = list.flatMap((h, j) =>
        (tiers[j] as number) >= 0 ? [{ type: h.type, tier: tiers[j] as number, count: 1 }] : [],
      );
      best = Math.min(best, cheapestShortfall(needs, pools, unit));
      return;
    }
    for (let t = -1; t <= (list[k] as (typeof list)[number]).top; t++) {
      tiers[k] = t;
      recurse(k + 1);
    }
  };
  recurse(0);
  return best;
}

const scenario = fc.record({
  pairs: fc.array(
    fc.tuple(
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 1 }),
    ),
    { minLength: 1, maxLength: 8 },
  ),
  pools: fc.array(
    fc.record({
      type: fc.constantFrom("user" as const, "device" as const, "either" as const),
      tier: fc.integer({ min: 0, max: 1 }),
      quantity: fc.integer({ min: 1, max: 3 }),
    }),
    { maxLength: 3 },
  ),
  user: fc.integer({ min: 1, max: 60 }),
  device: fc.integer({ min: 1, max: 60 }),
});

test("planFamilyCover", async (t) => {
  await t.test(
    "never claims optimal unless it equals the brute-force minimum, and its bounds bracket it",
    () => {
      let proven = 0;
      fc.assert(
        fc.property(scenario, ({ pairs, pools: rawPools, user, device }) => {
          const items = pairs.map(([u, d, tier], access) =>
            demandItem(`U${u}`, `D${d}`, tier, "S", access),
          );
          const pools: OwnedPool[] = rawPools.map((p, i) => ({ ...p, source: `pool ${i}` }));
          const prices = createPriceBook(priceList(user, device), undefined as never);
          const plan = planFamilyCover(family, items, pools, new Map(), prices, []);
          const brute = bruteForce(items, pools, (type) => (type === "user" ? user : device));
          assert.ok(
            plan.lowerBound <= brute,
            `lower bound ${plan.lowerBound} above the optimum ${brute}`,
          );
          assert.ok(
            plan.trueCost >= brute,
            `cost ${plan.trueCost} below the optimum ${brute}: the cost is wrong`,
          );
          if (plan.exactness === "optimal") {
            proven++;
            assert.equal(plan.trueCost, brute);
          }
        }),
        { numRuns: 300 },
      );
      assert.ok(proven > 250, `only ${proven} of 300 plans were proven optimal`);
    },
  );

  await t.test(
    "an owned either CAL on the user U0 and one device CAL for D2 (cost 1) is optimal: the brute force must see it too",
    () => {
      // The property's shrunk counterexample at 10x the runs (seed 42, run 494): the engine was right, the brute
      // force gave the either CAL to a device and called 2 the minimum.
      const items = [
        demandItem("U0", "D0", 0, "S", 0),
        demandItem("U0", "D1", 0, "S", 1),
        demandItem("U1", "D2", 0, "S", 2),
      ];
      const pools: OwnedPool[] = [{ type: "either", tier: 0, quantity: 1, source: "pool 0" }];
      const plan = planFamilyCover(
        family,
        items,
        pools,
        new Map(),
        createPriceBook(priceList(2, 1), undefined as never),
        [],
      );
      assert.equal(
        bruteForce(items, pools, (type) => (type === "user" ? 2 : 1)),
        1,
      );
      assert.equal(plan.exactness, "optimal");
      assert.equal(plan.trueCost, 1);
    },
  );

  await t.test(
    "buys the newer version for the users that reach a newer server and keeps the owned older CALs for the rest (T8)",
    () => {
      const items: DemandItem[] = [];
      for (let u = 1; u <= 20; u++) items.push(demandItem(`U${u}`, `PC${u}`, 0, "S1", 0));
      for (let u = 1; u <= 4; u++) items.push(demandItem(`U${u}`, `PC${u}`, 1, "S2", 1));
      const plan = planFamilyCover(
        family,
        items,
        [{ type: "user", tier: 0, quantity: 20, source: "owned" }],
        new Map(),
        createPriceBook(priceList(4000, 4000), undefined as never),
        [],
      );
      assert.equal(plan.exactness, "optimal");
      assert.deepEqual(
        plan.toBuy.map((b) => [b.version, b.type, b.units, b.purchase?.cost]),
        [["2012", "user", 4, 16_000]],
      );
      assert.equal(plan.allocation.used[0], 16);
    },
  );
});
