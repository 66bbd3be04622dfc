import type { Need, OwnedPool } from "../compliance/allocate-owned.ts";
import type { CoverEdge } from "./choose-cal-mix.ts";
import {
  type CalMarket,
  type NeedsPricing,
  priceCalNeeds,
  priceCalNeedsCost,
} from "./price-cal-needs.ts";

/** A cover and its real price. */
export interface PricedCover {
  readonly userTier: ReadonlyMap<string, number>;
  readonly deviceTier: ReadonlyMap<string, number>;
  readonly pricing: NeedsPricing;
}

/** What the exhaustive search found below the upper bound, and whether it finished. */
export interface ExactSearch {
  /** The cheapest cover below the upper bound, if any. */
  readonly found?: PricedCover;
  /** True when every cover was accounted for: none costs less than `found` (or the upper bound). */
  readonly complete: boolean;
  readonly nodes: number;
}

/**
 * Branch and bound over covers in real money, for small families. Take the first pair not yet covered: either
 * its user takes a CAL of at least the pair's tier, or the user never does and the device takes one; each cover
 * is reached once. A branch is cut when the needs it has already fixed cost at least the best cover found:
 * the real price of needs only grows as needs are added or raised (whatever serves more needs serves fewer).
 * Nodes are priced by cost alone (`priceCalNeedsCost`); a leaf that beats the best is priced in full (`priceCalNeeds`). Stops after `maxNodes` branches (then not complete).
 */
export function searchCoverExactly(
  edges: readonly CoverEdge[],
  pools: readonly OwnedPool[],
  market: CalMarket,
  upperBound: number,
  maxNodes: number,
): ExactSearch {
  const userIndex = new Map<string, number>();
  const deviceIndex = new Map<string, number>();
  const index = (m: Map<string, number>, id: string | undefined, allowed: boolean) => {
    if (id === undefined || !allowed) return -1;
    let i = m.get(id);
    if (i === undefined) {
      i = m.size;
      m.set(id, i);
    }
    return i;
  };
  const eu = edges.map((e) => index(userIndex, e.user, !e.deviceOnly));
  const ed = edges.map((e) => index(deviceIndex, e.device, !e.userOnly));
  const top = market.tiers - 1;
  const userLevel = new Int32Array(userIndex.size).fill(-1);
  const deviceLevel = new Int32Array(deviceIndex.size).fill(-1);
  const userCap = new Int32Array(userIndex.size).fill(top);
  const counts = {
    user: new Array<number>(market.tiers).fill(0),
    device: new Array(market.tiers).fill(0),
  };
  const currentNeeds = (): Need[] => {
    const needs: Need[] = [];
    for (const type of ["user", "device"] as const)
      counts[type].forEach((count, tier) => {
        if (count > 0) needs.push({ type, tier, count });
      });
    return needs;
  };
  // Inner nodes need only the cost (to cut a branch); the allocation and packs are built at a better leaf.
  const cache = new Map<string, { readonly cost: number; readonly exact: boolean }>();
  const price = () => {
    const key = `${counts.user.join(",")}|${counts.device.join(",")}`;
    let p = cache.get(key);
    if (!p) {
      p = priceCalNeedsCost(currentNeeds(), pools, market);
      cache.set(key, p);
    }
    return p;
  };
  let best: PricedCover | undefined;
  let bound = upperBound;
  let nodes = 0;
  let exact = true;
  const raise = (levels: Int32Array, side: "user" | "device", i: number, tier: number) => {
    const before = levels[i] as number;
    if (before >= tier) return before;
    if (before >= 0) counts[side][before]--;
    counts[side][tier]++;
    levels[i] = tier;
    return before;
  };
  const restore = (levels: Int32Array, side: "user" | "device", i: number, before: number) => {
    const now = levels[i] as number;
    if (now === before) return;
    counts[side][now]--;
    if (before >= 0) counts[side][before]++;
    levels[i] = before;
  };
  const search = (from: number): void => {
    if (nodes >= maxNodes) {
      exact = false;
      return;
    }
    nodes++;
    const p = price();
    if (!p.exact) exact = false;
    if (p.cost >= bound) return;
    let e = from;
    while (e < edges.length) {
      const u = eu[e] as number;
      const d = ed[e] as number;
      const tier = (edges[e] as CoverEdge).tier;
      if (
        (u >= 0 && (userLevel[u] as number) >= tier) ||
        (d >= 0 && (deviceLevel[d] as number) >= tier)
      )
        e++;
      else break;
    }
    if (e === edges.length) {
      bound = p.cost;
      best = {
        userTier: holders(userIndex, userLevel),
        deviceTier: holders(deviceIndex, deviceLevel),
        pricing: priceCalNeeds(currentNeeds(), pools, market),
      };
      return;
    }
    const u = eu[e] as number;
    const d = ed[e] as number;
    const tier = (edges[e] as CoverEdge).tier;
    if (u >= 0 && (userCap[u] as number) >= tier) {
      const before = raise(userLevel, "user", u, tier);
      search(e + 1);
      restore(userLevel, "user", u, before);
    }
    if (d >= 0) {
      // The user never reaches this tier in this branch, so every cover is reached once.
      const cap = u >= 0 ? (userCap[u] as number) : -1;
      if (u >= 0) userCap[u] = Math.min(cap, tier - 1);
      if (u < 0 || (userLevel[u] as number) <= (userCap[u] as number)) {
        const before = raise(deviceLevel, "device", d, tier);
        search(e + 1);
        restore(deviceLevel, "device", d, before);
      }
      if (u >= 0) userCap[u] = cap;
    }
  };
  search(0);
  return { ...(best ? { found: best } : {}), complete: exact, nodes };
}

function holders(index: ReadonlyMap<string, number>, levels: Int32Array): Map<string, number> {
  const out = new Map<string, number>();
  for (const [id, i] of index) if ((levels[i] as number) >= 0) out.set(id, levels[i] as number);
  return out;
}
