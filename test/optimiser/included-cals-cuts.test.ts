// Issue 10: an audit with 60 servers of which some include CALs takes no more minimum cuts than without them,
// plus a constant. Included CALs of one type and version are one pool class to the Lagrangian search (one
// multiplier), so their number of servers does not multiply the cuts.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { resolveDeployment } from "@calwise/core";
import type { CalFamily } from "../../packages/core/src/catalog/catalog-schema.ts";
import { collectOwnedPools } from "../../packages/core/src/evaluate/collect-owned-pools.ts";
import { planFamilyCover } from "../../packages/core/src/optimise/plan-family-cover.ts";
import { createPriceBook } from "../../packages/core/src/price-list/price-book.ts";
import { deriveCalDemand } from "../../packages/core/src/rules/derive-cal-demand.ts";

const catalog = loadCatalog();

const priceList = {
  name: "cuts",
  currency: "EUR",
  items: ["2008", "2012", "2016"].flatMap((version, step) =>
    (["user", "device"] as const).flatMap((type) =>
      [1, 5].map((size) => ({
        sku: `${version}-${type}-${size}`,
        family: "ws-cal",
        version,
        type,
        packSize: size,
        price: Math.round(
          size * (type === "user" ? 4500 : 3800) * (1 + step / 10) * (size === 5 ? 0.95 : 1),
        ),
      })),
    ),
  ),
};

/** 60 servers, every `every`-th a 2008 R2 of `product`, 600 users with 3 accesses each (seeded). */
function plan(product: string, every: number) {
  let x = 7;
  const random = (n: number) => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x % n;
  };
  const servers = Array.from({ length: 60 }, (_, i) => ({
    name: `S${i}`,
    product: i % every === 0 ? product : i % 2 === 0 ? "ws2012-standard" : "ws2016-standard",
  }));
  const accesses = Array.from({ length: 1_800 }, (_, k) => ({
    user: `U${Math.floor(k / 3)}`,
    device: `D${random(500)}`,
    server: `S${random(60)}`,
  }));
  const resolved = resolveDeployment(
    { name: "cuts", servers, accesses, prices: priceList },
    catalog,
  );
  if (!resolved.success) throw new Error(JSON.stringify(resolved.problems.slice(0, 3)));
  const used = new Set<string>();
  const demand = deriveCalDemand(resolved.value, catalog, used);
  const owned = collectOwnedPools(resolved.value, catalog, demand.items, used);
  return {
    pools: owned.pools.get("ws-cal") ?? [],
    plan: planFamilyCover(
      catalog.families.get("ws-cal") as CalFamily,
      demand.items.get("ws-cal") ?? [],
      owned.pools.get("ws-cal") ?? [],
      new Map(),
      createPriceBook(resolved.value.prices, catalog),
      [],
    ),
  };
}

// One pool class costs at most: the cut at its cap, at 0, a binary search over the other CALs' weights below the
// cap (at most 4 cuts for the 12 weights of 6 versions and 2 types), 8 bisection steps (to 1/256 of its range),
// the fewest-holders cut and two cuts around the Lagrangian holders.
const PER_CLASS = 17;

test("60 servers, some 2008 R2 with 5 included CALs each: no more cuts than without them, plus a constant", () => {
  const without = plan("ws2008r2-datacenter", 3);
  const third = plan("ws2008r2-standard", 3);
  const most = plan("ws2008r2-standard", 1);
  assert.equal(without.pools.length, 0, "Datacenter includes no CALs");
  assert.equal(third.pools.length, 20, "20 servers include CALs");
  assert.equal(most.pools.length, 60, "60 servers include CALs");
  for (const [label, withPools] of [
    ["20 servers with included CALs", third],
    ["60 servers with included CALs", most],
  ] as const) {
    assert.ok(
      withPools.plan.stats.cuts <= without.plan.stats.cuts + PER_CLASS,
      `${label}: ${withPools.plan.stats.cuts} cuts, ${without.plan.stats.cuts} without included CALs`,
    );
    assert.ok(withPools.plan.lowerBound <= withPools.plan.trueCost);
  }
});
