import type { Need, OwnedPool } from "../compliance/allocate-owned.ts";
import type { Pack } from "../price-list/price-book.ts";
import { attributeNeeds, type ServingPurchase } from "./attribute-needs.ts";
import { choosePackPurchase, type PackPurchase } from "./packs/choose-pack-purchase.ts";
import { chooseVersionedPurchase } from "./packs/choose-versioned-purchase.ts";

type CalType = "user" | "device";

/** What CALs of one family cost: packs per type and tier, and the weight of a CAL no pack sells. */
export interface CalMarket {
  /** False without a price list: every CAL weighs 1 and is bought at the version it needs. */
  readonly priced: boolean;
  readonly tiers: number;
  /** Packs of this type and exactly this version tier (empty when not sold). */
  packs(type: CalType, tier: number): readonly Pack[];
  /** Weight in the objective of one CAL of this type and tier that no pack at or above the tier sells. */
  unpricedWeight(type: CalType, tier: number): number;
}

/** Units bought of one type and version: how many needs they serve, and the packs (none when unpriced). */
export interface NeedsPurchase {
  readonly type: CalType;
  readonly tier: number;
  readonly units: number;
  readonly purchase?: PackPurchase;
  /** Money of the packs, or the weight of unpriced units. */
  readonly cost: number;
}

/** The cheapest service of a cover's needs: owned CALs allocated, the rest bought. */
export interface NeedsPricing {
  readonly cost: number;
  /**
   * False when a heuristic stood in for the exact search (multi-version purchases on price lists whose
   * windows run too long for `chooseVersionedPurchase`).
   */
  readonly exact: boolean;
  readonly needs: readonly (Need & { readonly covered: number; readonly shortfall: number })[];
  readonly used: readonly number[];
  readonly purchases: readonly ServingPurchase[];
}

const EITHER_SPLITS = 4_096;
const DP_UNITS = 600;

/**
 * Prices the needs of one cover in real money: owned CALs first (using every owned CAL that can serve never
 * costs more, since the CALs it leaves to buy are a subset), each type's remaining needs bought as the cheapest
 * packs of any version at or above the need, over-buying allowed. Which holders an owned "either" CAL serves
 * is decided by value: every split of the either pools between users and devices is priced (up to a bound, past
 * which a few splits are tried and the answer says it is not exact). Within one type, serving the newest needs
 * first from the oldest pool that covers them leaves the oldest (cheapest) needs to buy, for every tier at once.
 */
export function priceCalNeeds(
  needs: readonly Need[],
  pools: readonly OwnedPool[],
  market: CalMarket,
): NeedsPricing {
  const tiers = market.tiers;
  // The split of the either pools is chosen by cost alone; only the chosen one is served in full.
  const split = chooseEitherSplit(needs, pools, market);
  const { owned } = split;
  // The chosen split was served while it was costed; only its purchases are built here.
  const side = (t: CalType): Side => {
    const { supply, served } = split.sides[t];
    const purchases = attributeNeeds(
      served.leftover,
      buyNeedsOnce(t, served.leftover, market).purchases,
    );
    return {
      covered: served.covered,
      poolUse: supply.map((q, k) => q - (served.remaining[k] as number)),
      purchases,
    };
  };
  const chosen = {
    cost: split.cost,
    exact: split.exact,
    sides: { user: side("user"), device: side("device") },
  };

  // Per need: how many owned CALs served it. Per pool: how many of its CALs were used (pools of one class
  // share their class's use in order).
  const coveredOf = (type: CalType, tier: number) => chosen.sides[type].covered[tier] as number;
  const left = new Map<string, number>();
  for (const t of ["user", "device"] as const)
    for (let k = 0; k < tiers; k++) left.set(`${t}:${k}`, coveredOf(t, k));
  const outNeeds = needs.map((n) => {
    const key = `${n.type}:${n.tier}`;
    const available = left.get(key) as number;
    const covered = Math.min(n.count, available);
    left.set(key, available - covered);
    return { ...n, covered, shortfall: n.count - covered };
  });
  const classUse = new Map<string, number>();
  for (const t of ["user", "device"] as const)
    chosen.sides[t].poolUse.forEach((used, k) => {
      const ownPart = Math.min(used, owned[t][k] as number);
      classUse.set(`${t}:${k}`, (classUse.get(`${t}:${k}`) ?? 0) + ownPart);
      classUse.set(`either:${k}`, (classUse.get(`either:${k}`) ?? 0) + used - ownPart);
    });
  const used = pools.map((p) => {
    const key = `${p.type}:${p.tier}`;
    const available = classUse.get(key) ?? 0;
    const take = Math.min(p.quantity, available);
    classUse.set(key, available - take);
    return take;
  });
  return {
    cost: chosen.cost,
    exact: chosen.exact,
    needs: outNeeds,
    used,
    // Oldest version first, devices before users at a version (the order purchase lines are read in).
    purchases: [...chosen.sides.user.purchases, ...chosen.sides.device.purchases].sort(
      (a, b) => a.tier - b.tier || (a.type < b.type ? -1 : 1),
    ),
  };
}

/**
 * What `priceCalNeeds` would charge for the needs, and whether exactly, without building the allocation or the
 * purchase: the bound over counts prices thousands of count vectors and reads only this. Same splits of the
 * either pools, same service of each side; a single tier's purchase comes from a cost table per type and tier
 * (the exact cheapest cover of n units by the packs at or above it, as `choosePackPurchase` finds).
 */
export function priceCalNeedsCost(
  needs: readonly Need[],
  pools: readonly OwnedPool[],
  market: CalMarket,
): { readonly cost: number; readonly exact: boolean } {
  const { cost, exact } = chooseEitherSplit(needs, pools, market);
  return { cost, exact };
}

/**
 * A quick upper estimate of `priceCalNeedsCost` for searches that try thousands of count vectors on large
 * families: the same owned CALs and either split, but each tier's units bought apart (the cheapest packs at or
 * above it, from a cost table), with no units of one version shared between tiers. Never below the real price
 * (sharing only saves), and equal to it when each type needs one tier. O(tiers) per call after the tables.
 */
export function estimateCalNeedsCost(
  needs: readonly Need[],
  pools: readonly OwnedPool[],
  market: CalMarket,
): number {
  return chooseEitherSplit(needs, pools, market, true).cost;
}

/**
 * The needs and owned CALs per type and tier, and the cheapest split of the either pools between users and
 * devices (the first of equally cheap ones, in the order of users' share per tier, last tier fastest).
 * `apart`: each tier's leftover priced on its own (`estimateCalNeedsCost`).
 */
function chooseEitherSplit(
  needs: readonly Need[],
  pools: readonly OwnedPool[],
  market: CalMarket,
  apart = false,
) {
  const tiers = market.tiers;
  const demand: Record<CalType, number[]> = {
    user: new Array<number>(tiers).fill(0),
    device: new Array<number>(tiers).fill(0),
  };
  let users = 0;
  let devices = 0;
  for (const n of needs) {
    demand[n.type][n.tier] = (demand[n.type][n.tier] as number) + n.count;
    if (n.type === "user") users += n.count;
    else devices += n.count;
  }
  const owned: Record<CalType | "either", number[]> = {
    user: new Array<number>(tiers).fill(0),
    device: new Array<number>(tiers).fill(0),
    either: new Array<number>(tiers).fill(0),
  };
  for (const p of pools) owned[p.type][p.tier] = (owned[p.type][p.tier] as number) + p.quantity;
  // Either units given to users per tier: each tier ranges over what users and devices could use at all.
  const lo = owned.either.map((q) => Math.max(0, q - devices));
  const hi = owned.either.map((q, k) => Math.max(lo[k] as number, Math.min(q, users)));
  const combinations = lo.reduce((s, l, k) => s * ((hi[k] as number) - l + 1), 1);
  const enumerated = combinations <= EITHER_SPLITS;
  const userSupply = [...owned.user];
  const deviceSupply = [...owned.device];
  let best:
    | { cost: number; exact: boolean; sides: Record<CalType, { supply: number[]; served: Served }> }
    | undefined;
  const priceSplit = (split: readonly number[]) => {
    for (let k = 0; k < tiers; k++) {
      userSupply[k] = (owned.user[k] as number) + (split[k] as number);
      deviceSupply[k] =
        (owned.device[k] as number) + (owned.either[k] as number) - (split[k] as number);
    }
    const user = sideCost("user", demand.user, userSupply, market, apart);
    const device = sideCost("device", demand.device, deviceSupply, market, apart);
    const cost = user.cost + device.cost;
    if (!best || cost < best.cost)
      best = {
        cost,
        exact: user.exact && device.exact && enumerated,
        sides: {
          user: { supply: [...userSupply], served: user.served },
          device: { supply: [...deviceSupply], served: device.served },
        },
      };
  };
  if (enumerated) {
    const split = [...lo];
    for (;;) {
      priceSplit(split);
      let k = tiers - 1;
      while (k >= 0 && split[k] === hi[k]) {
        split[k] = lo[k] as number;
        k--;
      }
      if (k < 0) break;
      split[k] = (split[k] as number) + 1;
    }
  } else {
    // Past the bound: all to users, then all to devices (not exact).
    priceSplit(hi);
    priceSplit(lo);
  }
  return { ...(best as NonNullable<typeof best>), owned };
}

/**
 * One side's cost: the owned supply serves the newest needs first, the rest is bought (`apart`: each tier's
 * leftover bought on its own, an upper estimate).
 */
function sideCost(
  type: CalType,
  demand: readonly number[],
  supply: readonly number[],
  market: CalMarket,
  apart = false,
): { cost: number; exact: boolean; served: Served } {
  const served = serveNewestFirst(demand, supply);
  const { leftover } = served;
  if (apart && market.priced) {
    let cost = 0;
    for (let k = 0; k < leftover.length; k++) {
      const units = leftover[k] as number;
      if (units === 0) continue;
      cost +=
        (offeredFrom(type, k, market) ? coverCost(type, k, units, market) : undefined) ??
        buyNeedsOnce(
          type,
          leftover.map((_, j) => (j === k ? units : 0)),
          market,
        ).cost;
    }
    return { cost, exact: false, served };
  }
  let active = -1;
  let actives = 0;
  for (let k = leftover.length - 1; k >= 0; k--)
    if ((leftover[k] as number) > 0) {
      active = k;
      actives++;
    }
  if (actives === 0) return { cost: 0, exact: true, served };
  const units = leftover[active] as number;
  const single =
    actives === 1 && market.priced && offeredFrom(type, active, market)
      ? coverCost(type, active, units, market)
      : undefined;
  if (single !== undefined) return { cost: single, exact: true, served };
  const { cost, exact } = buyNeedsOnce(type, leftover, market);
  return { cost, exact, served };
}

const COST_TABLE_UNITS = 100_000;

/** The cheapest cost of n units of the packs at or above one tier, for n up to the table's length. */
interface CoverCosts {
  table: Float64Array;
  /** The pack with the lowest price per unit (the largest on a tie): its size and price. */
  readonly size: number;
  readonly price: number;
  /** Past this many units, every `size` more units cost one more of that pack. */
  readonly from: number;
  readonly packs: readonly Pack[];
}

// Per market, type and tier.
const coverCosts = new WeakMap<CalMarket, Map<string, CoverCosts>>();

/**
 * The exact cheapest cost of `units` CALs of a tier from packs of any version at or above it, or undefined
 * when its table would pass COST_TABLE_UNITS. Past (a - 1) × the largest size, where a is the size of the pack
 * with the lowest price per unit, best(n) = best(n - a) + its price: some best purchase holds fewer than a other
 * packs (`choosePackPurchase`), so fewer units than n, and so at least one of that pack. The table stops there.
 */
function coverCost(
  type: CalType,
  tier: number,
  units: number,
  market: CalMarket,
): number | undefined {
  let memo = coverCosts.get(market);
  if (!memo) {
    memo = new Map();
    coverCosts.set(market, memo);
  }
  const key = `${type}:${tier}`;
  let costs = memo.get(key);
  if (!costs) {
    const packs: Pack[] = [];
    for (let v = tier; v < market.tiers; v++) packs.push(...market.packs(type, v));
    let anchor = packs[0] as Pack;
    let largest = 0;
    for (const p of packs) {
      largest = Math.max(largest, p.size);
      // Cross-multiplied in BigInt: two safe integers' product may pass float64's exact range.
      const left = BigInt(p.price) * BigInt(anchor.size);
      const right = BigInt(anchor.price) * BigInt(p.size);
      if (left < right || (left === right && p.size > anchor.size)) anchor = p;
    }
    costs = {
      table: coverTable(packs, 32),
      size: anchor.size,
      price: anchor.price,
      from: (anchor.size - 1) * largest,
      packs,
    };
    memo.set(key, costs);
  }
  let n = units;
  let extra = 0;
  if (n > costs.from) {
    const q = Math.ceil((n - costs.from) / costs.size);
    n -= q * costs.size;
    extra = q * costs.price;
  }
  if (n > COST_TABLE_UNITS) return undefined;
  if (costs.table.length <= n)
    // Doubling: a table grown n times costs at most twice the last one.
    costs.table = coverTable(
      costs.packs,
      Math.max(n, Math.min(2 * (costs.table.length - 1), Math.max(costs.from, n))),
    );
  return extra + (costs.table[n] as number);
}

/** One type's service: needs per tier served by owned CALs, owned CALs used per pool tier, the purchases. */
interface Side {
  readonly covered: readonly number[];
  readonly poolUse: readonly number[];
  readonly purchases: readonly ServingPurchase[];
}

type Served = ReturnType<typeof serveNewestFirst>;

/** Owned supply per tier serves the newest needs first, each from the oldest tier that covers it. */
function serveNewestFirst(demand: readonly number[], supply: readonly number[]) {
  const tiers = demand.length;
  const remaining = [...supply];
  const covered = new Array<number>(tiers).fill(0);
  const leftover = new Array<number>(tiers).fill(0);
  for (let k = tiers - 1; k >= 0; k--) {
    let want = demand[k] as number;
    for (let p = k; p < tiers && want > 0; p++) {
      const take = Math.min(want, remaining[p] as number);
      remaining[p] = (remaining[p] as number) - take;
      want -= take;
    }
    covered[k] = (demand[k] as number) - want;
    leftover[k] = want;
  }
  return { remaining, covered, leftover };
}

// The searches price the same leftovers again and again: remember each market's answers.
const bought = new WeakMap<CalMarket, Map<string, ReturnType<typeof buyNeeds>>>();

function buyNeedsOnce(type: CalType, leftover: readonly number[], market: CalMarket) {
  let memo = bought.get(market);
  if (!memo) {
    memo = new Map();
    bought.set(market, memo);
  }
  const key = `${type}:${leftover.join(",")}`;
  let answer = memo.get(key);
  if (!answer) {
    answer = buyNeeds(type, leftover, market);
    memo.set(key, answer);
  }
  return answer;
}

/**
 * The cheapest packs for needs per tier of one type: a unit of version v serves any need at tier ≤ v.
 * Needs at a single tier: one exact knapsack over the packs of every version at or above it. Several tiers:
 * an exact dynamic programme over the units bought at each version from the newest down, while the units are
 * few; beyond that the exact programme over the excess carried down with each version's periodic cost
 * (`chooseVersionedPurchase`), or, where a price list makes that too long, the best of three assignments of
 * tiers to versions (not claimed exact).
 */
function buyNeeds(
  type: CalType,
  leftover: readonly number[],
  market: CalMarket,
): { cost: number; exact: boolean; purchases: NeedsPurchase[] } {
  const tiers = leftover.length;
  const purchases: NeedsPurchase[] = [];
  if (!market.priced) {
    leftover.forEach((units, tier) => {
      if (units > 0) purchases.push({ type, tier, units, cost: units });
    });
    return { cost: purchases.reduce((s, p) => s + p.cost, 0), exact: true, purchases };
  }
  // Tiers at or above `sold` have no pack at or above them: those needs stay unpriced, weighed.
  let sold = 0;
  while (sold < tiers && offeredFrom(type, sold, market)) sold++;
  let cost = 0;
  for (let k = sold; k < tiers; k++) {
    const units = leftover[k] as number;
    if (units === 0) continue;
    const weight = market.unpricedWeight(type, k) * units;
    purchases.push({ type, tier: k, units, cost: weight });
    cost += weight;
  }
  const needed = leftover.slice(0, sold);
  const active = needed.flatMap((u, k) => (u > 0 ? [k] : []));
  if (active.length === 0) return { cost, exact: true, purchases };
  if (active.length === 1) {
    const k = active[0] as number;
    const p = buyAtOrAbove(type, k, needed[k] as number, market);
    return { cost: cost + p.cost, exact: true, purchases: [...purchases, ...p.purchases] };
  }
  const totalUnits = needed.reduce((s, u) => s + u, 0);
  if (totalUnits <= DP_UNITS) {
    const p = buyByVersions(type, needed, market);
    return { cost: cost + p.cost, exact: true, purchases: [...purchases, ...p.purchases] };
  }
  // Past the small programme: the exact one over remainders, unless a price list makes its window too long.
  const versioned = chooseVersionedPurchase(
    needed,
    needed.map((_, v) => market.packs(type, v)),
  );
  const p = versioned
    ? priceUnitsByVersion(type, versioned.units, needed, market)
    : buyByRules(type, needed, market);
  return {
    cost: cost + p.cost,
    exact: versioned !== undefined,
    purchases: [...purchases, ...p.purchases],
  };
}

/** Whether the market sells packs of `type` at tier `tier` or any newer one. */
export function offeredFrom(type: CalType, tier: number, market: CalMarket): boolean {
  for (let v = tier; v < market.tiers; v++) if (market.packs(type, v).length > 0) return true;
  return false;
}

/** `units` needs at tier k: the cheapest packs of any version ≥ k together (one knapsack, exact). */
function buyAtOrAbove(type: CalType, k: number, units: number, market: CalMarket) {
  const offers: { id: string; size: number; price: number; tier: number }[] = [];
  for (let v = k; v < market.tiers; v++)
    for (const [i, p] of market.packs(type, v).entries())
      offers.push({ id: `${v}:${i}`, size: p.size, price: p.price, tier: v });
  const choice = choosePackPurchase(units, offers);
  // Group the chosen packs by version; the needs served go to the newest versions first.
  const byTier = new Map<
    number,
    { lines: PackPurchase["packs"][number][]; units: number; cost: number }
  >();
  for (const line of choice.packs) {
    const [tierText, indexText] = line.id.split(":") as [string, string];
    const tier = Number(tierText);
    const pack = market.packs(type, tier)[Number(indexText)] as Pack;
    const group = byTier.get(tier) ?? { lines: [], units: 0, cost: 0 };
    group.lines.push({ ...pack, count: line.count });
    group.units += line.count * line.size;
    group.cost += line.count * line.price;
    byTier.set(tier, group);
  }
  let toServe = units;
  const purchases: NeedsPurchase[] = [...byTier.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([tier, g]) => {
      const served = Math.min(g.units, toServe);
      toServe -= served;
      return {
        type,
        tier,
        units: served,
        purchase: { packs: g.lines, units: g.units, cost: g.cost },
        cost: g.cost,
      };
    });
  return { cost: choice.cost, purchases };
}

/** Cheapest cost of at least n units of one version's packs, for every n up to `max` (Infinity when unsold). */
function coverTable(packs: readonly Pack[], max: number): Float64Array {
  const cost = new Float64Array(max + 1).fill(Number.POSITIVE_INFINITY);
  cost[0] = 0;
  for (let n = 1; n <= max; n++)
    for (const p of packs) {
      const c = p.price + (cost[Math.max(0, n - p.size)] as number);
      if (c < (cost[n] as number)) cost[n] = c;
    }
  return cost;
}

/**
 * Exact: versions from the newest down, the state is the units bought so far (at versions ≥ v); at each tier
 * the units bought at or above it must reach the needs at or above it. O(tiers · units²).
 */
function buyByVersions(type: CalType, needed: readonly number[], market: CalMarket) {
  const tiers = needed.length;
  const total = needed.reduce((s, u) => s + u, 0);
  const atOrAbove = needed.map((_, k) => needed.slice(k).reduce((s, u) => s + u, 0));
  let best = new Float64Array(total + 1).fill(Number.POSITIVE_INFINITY);
  best[0] = 0;
  const choices: Int32Array[] = [];
  for (let v = tiers - 1; v >= 0; v--) {
    const table = coverTable(market.packs(type, v), total);
    const next = new Float64Array(total + 1).fill(Number.POSITIVE_INFINITY);
    const from = new Int32Array(total + 1).fill(-1);
    for (let s = atOrAbove[v] as number; s <= total; s++)
      for (let prev = 0; prev <= s; prev++) {
        const c = (best[prev] as number) + (table[s - prev] as number);
        if (c < (next[s] as number)) {
          next[s] = c;
          from[s] = prev;
        }
      }
    choices[v] = from;
    best = next;
  }
  let s = total;
  const units = new Array<number>(tiers).fill(0);
  for (let v = 0; v < tiers; v++) {
    const prev = (choices[v] as Int32Array)[s] as number;
    units[v] = s - prev;
    s = prev;
  }
  return priceUnitsByVersion(type, units, needed, market);
}

/** Large multi-tier needs: the cheapest of (each tier at its own version's knapsack, all at one version). */
function buyByRules(type: CalType, needed: readonly number[], market: CalMarket) {
  const tiers = needed.length;
  const candidates: number[][] = [];
  // Each tier's needs at the version with the lowest price per unit at or above it.
  candidates.push(
    (() => {
      const units = new Array<number>(tiers).fill(0);
      needed.forEach((u, k) => {
        let bestV = -1;
        let bestRate = Number.POSITIVE_INFINITY;
        for (let v = k; v < tiers; v++)
          for (const p of market.packs(type, v))
            if (p.price / p.size < bestRate) {
              bestRate = p.price / p.size;
              bestV = v;
            }
        if (bestV >= 0) units[bestV] = (units[bestV] as number) + u;
      });
      return units;
    })(),
  );
  for (let v = 0; v < tiers; v++) {
    if (market.packs(type, v).length === 0 || needed.slice(v + 1).some((u) => u > 0)) continue;
    const units = new Array<number>(tiers).fill(0);
    units[v] = needed.slice(0, v + 1).reduce((s, u) => s + u, 0);
    candidates.push(units);
  }
  let best: ReturnType<typeof priceUnitsByVersion> | undefined;
  for (const c of candidates) {
    const p = priceUnitsByVersion(type, c, needed, market);
    if (!best || p.cost < best.cost) best = p;
  }
  return best as NonNullable<typeof best>;
}

/** Packs for a given number of units per version; the needs served go to the newest versions first. */
function priceUnitsByVersion(
  type: CalType,
  units: readonly number[],
  needed: readonly number[],
  market: CalMarket,
) {
  let toServe = needed.reduce((s, u) => s + u, 0);
  const purchases: NeedsPurchase[] = [];
  let cost = 0;
  for (let v = units.length - 1; v >= 0; v--) {
    const n = units[v] as number;
    if (n === 0) continue;
    const purchase = choosePackPurchase(n, market.packs(type, v));
    const served = Math.min(n, toServe);
    toServe -= served;
    purchases.push({ type, tier: v, units: served, purchase, cost: purchase.cost });
    cost += purchase.cost;
  }
  return { cost, purchases };
}
