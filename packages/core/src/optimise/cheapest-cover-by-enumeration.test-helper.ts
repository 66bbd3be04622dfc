// Shared by the bound tests: a small two-tier market and the cheapest real price over every cover, by enumeration
// (3^holders), with fast-check arbitraries for small families.
import fc from "fast-check";
import type { Need, OwnedPool } from "../compliance/allocate-owned.ts";
import type { CoverEdge } from "./choose-cal-mix.ts";
import { type CalMarket, priceCalNeedsCost } from "./price-cal-needs.ts";

/** Two tiers; user and device CALs in 1- and 5-packs, the newer tier dearer. */
export const market: CalMarket = {
  priced: true,
  tiers: 2,
  packs: (type, tier) => {
    const unit = (type === "user" ? 50 : 42) + tier * 6;
    return [
      { id: `${type}-${tier}-1`, size: 1, price: unit },
      { id: `${type}-${tier}-5`, size: 5, price: unit * 4 },
    ];
  },
  unpricedWeight: () => 1,
};

/** The cheapest real price over every cover: each holder at no CAL or one of the two tiers (3^holders). */
export function cheapestCover(edges: readonly CoverEdge[], pools: readonly OwnedPool[]): number {
  const users = [...new Set(edges.flatMap((e) => (e.user ? [e.user] : [])))];
  const devices = [...new Set(edges.flatMap((e) => (e.device ? [e.device] : [])))];
  const holders = [...users.map((u) => `u:${u}`), ...devices.map((d) => `d:${d}`)];
  const level = new Map<string, number>();
  let best = Number.POSITIVE_INFINITY;
  const walk = (i: number): void => {
    if (i === holders.length) {
      if (!coversEveryEdge(edges, level)) return;
      const needs: Need[] = [];
      for (const [h, l] of level) {
        if (l < 0) continue;
        const type = h.startsWith("u:") ? "user" : "device";
        const same = needs.find((n) => n.type === type && n.tier === l);
        if (same) (same as { count: number }).count++;
        else needs.push({ type, tier: l, count: 1 });
      }
      best = Math.min(best, priceCalNeedsCost(needs, pools, market).cost);
      return;
    }
    for (const l of [-1, 0, 1]) {
      level.set(holders[i] as string, l);
      walk(i + 1);
    }
  };
  walk(0);
  return best;
}

/** Whether holders at these levels (`u:`/`d:` + name → tier, -1 or absent: none) cover every edge. */
export function coversEveryEdge(
  edges: readonly CoverEdge[],
  level: ReadonlyMap<string, number>,
): boolean {
  return edges.every(
    (e) =>
      (!e.deviceOnly && e.user !== undefined && (level.get(`u:${e.user}`) ?? -1) >= e.tier) ||
      (!e.userOnly && e.device !== undefined && (level.get(`d:${e.device}`) ?? -1) >= e.tier),
  );
}

export const edgeArbitrary = fc.record({
  user: fc.integer({ min: 0, max: 4 }),
  device: fc.integer({ min: 0, max: 4 }),
  tier: fc.integer({ min: 0, max: 1 }),
  side: fc.constantFrom("both", "both", "both", "deviceOnly", "userOnly"),
});
export const poolArbitrary = fc.record({
  type: fc.constantFrom("user", "device", "either"),
  tier: fc.integer({ min: 0, max: 1 }),
  quantity: fc.integer({ min: 1, max: 4 }),
});

/** Distinct pairs, as the planner's collapse gives them. */
export function toEdges(
  raw: readonly { user: number; device: number; tier: number; side: string }[],
) {
  const seen = new Map<string, CoverEdge>();
  for (const r of raw) {
    const key = `${r.user}:${r.device}`;
    const previous = seen.get(key);
    if (previous && previous.tier >= r.tier) continue;
    seen.set(key, {
      user: `U${r.user}`,
      device: `D${r.device}`,
      tier: r.tier,
      deviceOnly: r.side === "deviceOnly",
      userOnly: r.side === "userOnly",
    });
  }
  return [...seen.values()];
}
