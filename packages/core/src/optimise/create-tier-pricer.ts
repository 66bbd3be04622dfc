import type { Need, OwnedPool } from "../compliance/allocate-owned.ts";
import { type CalMarket, priceCalNeedsCost } from "./price-cal-needs.ts";
import { listCorners, type Spend, type TierTable } from "./tier-table.ts";

/** The real price of (users, newer devices, devices) as needs at t0 and t1, cached; `inexact` when heuristic. */
export function createTierPricer(
  pools: readonly OwnedPool[],
  market: CalMarket,
  t0: number,
  t1: number,
) {
  let inexact = false;
  const memo = new Map<string, number>();
  const price = (users: number, newer: number, devices: number) => {
    const high = Math.min(newer, devices);
    const key = `${users},${high},${devices}`;
    const kept = memo.get(key);
    if (kept !== undefined) return kept;
    const needs: Need[] = [
      { type: "user" as const, tier: t0, count: users },
      { type: "device" as const, tier: t1, count: high },
      { type: "device" as const, tier: t0, count: devices - high },
    ].filter((x) => x.count > 0);
    const p = priceCalNeedsCost(needs, pools, market);
    if (!p.exact) inexact = true;
    memo.set(key, p.cost);
    return p.cost;
  };
  return Object.assign(price, {
    inexact: () => inexact,
    floor: createPriceFloor(pools, market, t0, t1),
  });
}

/** The real price of a cell of counts, with its cheap floor (`createTierPricer`). */
export type TierPricer = ReturnType<typeof createTierPricer>;

/**
 * A lower bound on the pricer's value that costs a few multiplications: every owned CAL counted on both sides
 * (an either pool serves users and devices at once, any pool any tier), every CAL bought at the least price per
 * unit of any pack of its tier or newer. Cells of a table whose floor is no better than the best price so far are
 * not priced (most of a ~1,300-pair table's staircase). Zero without prices (every CAL weighs 1 there).
 */
function createPriceFloor(pools: readonly OwnedPool[], market: CalMarket, t0: number, t1: number) {
  const unit = (type: "user" | "device", tier: number) => {
    let least = Number.POSITIVE_INFINITY;
    for (let t = tier; t < market.tiers; t++)
      for (const pack of market.packs(type, t)) least = Math.min(least, pack.price / pack.size);
    return Number.isFinite(least) ? least : Math.min(market.unpricedWeight(type, tier), 0);
  };
  if (!market.priced) return () => 0;
  const owned = { user: 0, device: 0, either: 0 };
  for (const pool of pools) owned[pool.type] += pool.quantity;
  const user = unit("user", t0);
  const older = unit("device", t0);
  const newer = unit("device", t1);
  return (users: number, high: number, devices: number) => {
    const boughtUsers = Math.max(0, users - owned.user - owned.either);
    const boughtDevices = Math.max(0, devices - owned.device - owned.either);
    const boughtNewer = Math.min(
      boughtDevices,
      Math.max(0, Math.min(high, devices) - owned.device - owned.either),
    );
    return boughtUsers * user + boughtNewer * newer + (boughtDevices - boughtNewer) * older;
  };
}

/** The least price over a branch's table plus its settled holders (only cells on the table's staircase). */
export function priceTierTable(
  t: TierTable,
  settled: { users: number; newer: number; devices: number },
  price: ((users: number, newer: number, devices: number) => number) & {
    floor: (users: number, newer: number, devices: number) => number;
  },
  best: number,
  spend: Spend,
): number {
  let least = best;
  const corners = listCorners(t);
  let priced = 0;
  for (let i = 0; i < corners.length; i += 3) {
    const users = settled.users + (corners[i] as number);
    const newer = settled.newer + (corners[i + 1] as number);
    const devices = settled.devices + (corners[i + 2] as number);
    // Pricing is most of this pass; a cell whose floor cannot beat the best so far needs none.
    if (price.floor(users, newer, devices) >= least) continue;
    priced++;
    const cost = price(users, newer, devices);
    if (cost < least) least = cost;
  }
  spend(corners.length / 3 + priced * 16, false);
  return least;
}
