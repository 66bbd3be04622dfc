import type { CalFamily } from "../catalog/catalog-schema.ts";
import {
  type Allocation,
  allocateOwned,
  type Need,
  type OwnedPool,
} from "../compliance/allocate-owned.ts";
import type { PriceBook } from "../price-list/price-book.ts";
import { unitPrice } from "../price-list/price-book.ts";
import type { DemandItem } from "../rules/derive-cal-demand.ts";
import { type CalMix, type CoverEdge, chooseCalMix } from "./choose-cal-mix.ts";
import { repairCoverWithOwned } from "./repair-cover-with-owned.ts";

/** An External Connector option for one server in this family: owned (free) or priced. */
export interface ConnectorOption {
  readonly server: string;
  readonly connector: string;
  readonly version: string;
  readonly owned: boolean;
  /** Unit price, or 0 when owned or unpriced. */
  readonly price: number;
}

/** The family's cover, how owned CALs meet it, and what is short. */
export interface FamilyPlan {
  readonly family: CalFamily;
  readonly mix: CalMix;
  readonly allocation: Allocation;
  readonly pools: readonly OwnedPool[];
  /** Shortfall in purchase terms: units to buy per version and type (bought at the cheapest version that covers). */
  readonly toBuy: readonly {
    readonly version: string;
    readonly type: "user" | "device";
    readonly units: number;
    readonly unitPrice?: number;
  }[];
  /** Purchase cost at unit prices (or CAL count when unpriced), plus External Connectors bought. */
  readonly trueCost: number;
  /** A proven lower bound on trueCost over every cover; equal to trueCost when the plan is optimal. */
  readonly lowerBound: number;
  readonly exactness: "optimal" | "best-found";
  readonly method: string;
  readonly connectors: readonly (ConnectorOption & {
    readonly chosen: boolean;
    readonly externalUsers: number;
  })[];
  /** Items left to CALs (after External Connectors), for traces. */
  readonly items: readonly DemandItem[];
  readonly unpricedTiers: readonly string[];
}

const MAX_CONNECTOR_ENUMERATION = 10;

/**
 * Plans one CAL family exactly: the cheapest user/device mix given prices and owned CALs, and External
 * Connectors per server where cheaper. Owned CALs enter as a relaxation (free at their tiers), which bounds the
 * cost from below; when the relaxation's cover also fits the owned quantities the plan is proven optimal.
 */
export function planFamilyCover(
  family: CalFamily,
  items: readonly DemandItem[],
  pools: readonly OwnedPool[],
  held: ReadonlyMap<string, number>,
  prices: PriceBook,
  connectorOptions: readonly ConnectorOption[],
): FamilyPlan {
  const unpriced = new Set<string>();
  const topTier = items.reduce((t, i) => Math.max(t, i.tier), -1);
  const costs = (type: "user" | "device") =>
    family.versions.map((_, k) => {
      if (!prices.priced || k > topTier) return 1;
      const p =
        cheapestFrom(family, k, type, prices) ??
        cheapestFrom(family, k, type === "user" ? "device" : "user", prices);
      if (p === undefined) {
        unpriced.add(`${family.versions[k]} ${type}`);
        return 1;
      }
      return p.price;
    });
  // A tier's cost never falls below an older tier's: an unpriced (or unused) newer tier is weighed like the
  // newest priced one before it, so the chain of price steps stays non-negative.
  const monotone = (values: number[]) => values.map((_, k) => Math.max(...values.slice(0, k + 1)));
  const userCost = monotone(costs("user"));
  const deviceCost = monotone(costs("device"));

  const externalServers = new Set(items.filter((i) => i.external).map((i) => i.server));
  const options = connectorOptions.filter((o) => externalServers.has(o.server));
  const subsets =
    options.length <= MAX_CONNECTOR_ENUMERATION
      ? enumerate(options.length)
      : greedySubsets(options.length);

  let best: FamilyPlan | undefined;
  for (const subset of subsets) {
    const covered = new Set(subset.map((i) => (options[i] as ConnectorOption).server));
    const left = items.filter((i) => !(i.external && covered.has(i.server)));
    const connectorCost = subset.reduce((s, i) => s + (options[i] as ConnectorOption).price, 0);
    const plan = planWithOwned(
      family,
      left,
      pools,
      held,
      prices,
      userCost,
      deviceCost,
      connectorCost,
    );
    const connectors = options.map((o, i) => ({
      ...o,
      chosen: subset.includes(i),
      externalUsers: new Set(
        items
          .filter((it) => it.external && it.server === o.server)
          .map((it) => it.user ?? it.device),
      ).size,
    }));
    const candidate: FamilyPlan = {
      ...plan,
      family,
      connectors,
      items: left,
      unpricedTiers: [...unpriced],
      method:
        options.length > MAX_CONNECTOR_ENUMERATION
          ? `${plan.method}; External Connectors chosen server by server (more than ${MAX_CONNECTOR_ENUMERATION} servers)`
          : plan.method,
      ...(options.length > MAX_CONNECTOR_ENUMERATION ? { exactness: "best-found" as const } : {}),
    };
    if (
      !best ||
      candidate.trueCost < best.trueCost ||
      (candidate.trueCost === best.trueCost &&
        subset.length < best.connectors.filter((c) => c.chosen).length)
    )
      best = candidate;
  }
  if (options.length > 0 && best)
    best = { ...best, lowerBound: Math.min(best.lowerBound, best.trueCost) };
  return best as FamilyPlan;
}

/**
 * Cheapest cover when owned CALs are limited in number. Lagrangian relaxation of the pool quantities: with a
 * multiplier μ per pool, a holder at tier k costs min(price(k), μ of any free pool that covers k) and
 * L(μ) = mincut − Σ μ·free quantity is a lower bound on the true purchase cost (LP duality of assigning holders
 * to pool units). Every cut's cover is also priced truly (owned CALs allocated, the rest bought), and repaired
 * greedily where owned CALs are left unused (`repairCoverWithOwned`), giving an upper bound. Each pool's μ is
 * found by bisection on its subgradient (holders priced at μ against its free quantity); the search stops as
 * soon as the bounds meet, which proves the plan optimal. Otherwise the plan is `best-found` with its bound:
 * the problem with bounded quantities is NP-hard in general.
 */
function planWithOwned(
  family: CalFamily,
  items: readonly DemandItem[],
  pools: readonly OwnedPool[],
  held: ReadonlyMap<string, number>,
  prices: PriceBook,
  userCost: readonly number[],
  deviceCost: readonly number[],
  connectorCost: number,
) {
  const edges = collapse(items);
  const free = pools
    .map((p) => ({ pool: p, free: p.quantity - (p.assigned ?? 0) }))
    .filter((p) => p.free > 0);
  const maxPrice = Math.max(1, ...userCost, ...deviceCost);
  // For a type and tier: the cost under μ, and which pool (if any) sets it.
  const priced = (type: "user" | "device", base: readonly number[], mu: readonly number[]) =>
    base.map((c, k) => {
      let cost = c;
      let by = -1;
      free.forEach((p, i) => {
        const m = mu[i] as number;
        if (p.pool.tier >= k && (p.pool.type === type || p.pool.type === "either") && m < cost) {
          cost = m;
          by = i;
        }
      });
      return { cost, by };
    });

  let best: ReturnType<typeof evaluate> | undefined;
  let lowerBound = 0;
  let cuts = 0;
  let repaired = false;
  const consider = (mix: CalMix, isRepair: boolean) => {
    const e = evaluate(family, mix, pools, prices, userCost, deviceCost);
    if (!best || e.trueCost < best.trueCost) {
      best = e;
      repaired = isRepair;
    }
    return e;
  };
  // The cheapest covers the cuts gave while the bounds had not met: repaired at the end (each repair is O(edges)).
  const candidates: { mix: CalMix; cost: number }[] = [];
  /** Solves the cut at μ; returns, per pool, holders priced at its μ minus its free quantity (a subgradient). */
  const solve = (mu: readonly number[]): number[] => {
    cuts++;
    const user = priced("user", userCost, mu);
    const device = priced("device", deviceCost, mu);
    const mix = chooseCalMix({
      edges,
      userCost: user.map((x) => x.cost),
      deviceCost: device.map((x) => x.cost),
      heldTier: held,
    });
    const bound = mix.cost - free.reduce((s, p, i) => s + (mu[i] as number) * p.free, 0);
    lowerBound = Math.max(lowerBound, Math.ceil(bound));
    const e = consider(mix, false);
    if (!proven()) {
      candidates.push({ mix, cost: e.trueCost });
      candidates.sort((a, b) => a.cost - b.cost);
      candidates.length = Math.min(candidates.length, 3);
    }
    const usage = free.map((p) => -p.free);
    for (const t of mix.userTier.values()) {
      const by = user[t]?.by ?? -1;
      if (by >= 0) usage[by] = (usage[by] as number) + 1;
    }
    for (const t of mix.deviceTier.values()) {
      const by = device[t]?.by ?? -1;
      if (by >= 0) usage[by] = (usage[by] as number) + 1;
    }
    return usage;
  };
  const proven = () => best !== undefined && best.trueCost <= lowerBound;

  // Start where an owned CAL is worth its own tier's price; then with owned CALs free (μ = 0).
  const natural = free.map((p) =>
    Math.min(maxPrice, (p.pool.type === "device" ? deviceCost : userCost)[p.pool.tier] ?? maxPrice),
  );
  const mu = [...natural];
  solve(mu);
  if (free.length > 0 && !proven()) solve(free.map(() => 0));
  // One pass settles a single pool; a second lets several pools' multipliers adjust to each other.
  for (let round = 0; round < (free.length > 1 ? 2 : 1) && !proven(); round++) {
    for (let i = 0; i < free.length && !proven(); i++) {
      // More holders priced at μ_i than the pool holds means μ_i is too low: bisect on that sign.
      let lo = 0;
      let hi = natural[i] as number;
      while (hi - lo > 1 && !proven()) {
        const mid = Math.floor((lo + hi) / 2);
        const trial = [...mu];
        trial[i] = mid;
        if ((solve(trial)[i] as number) > 0) lo = mid;
        else hi = mid;
      }
      mu[i] = hi;
    }
  }

  for (const c of proven() ? [] : candidates) {
    const fixed = repairCoverWithOwned(edges, c.mix, pools, held);
    if (fixed) consider(fixed, true);
  }
  const chosen = best as unknown as ReturnType<typeof evaluate>;
  const trueCost = chosen.trueCost + connectorCost;
  const bound = Math.min(lowerBound, chosen.trueCost) + connectorCost;
  const exact = chosen.trueCost <= lowerBound;
  const how = `${cuts} cut${cuts === 1 ? "" : "s"}${repaired ? ", cover repaired to use owned CALs" : ""}`;
  return {
    ...chosen,
    trueCost,
    lowerBound: bound,
    exactness: exact ? ("optimal" as const) : ("best-found" as const),
    method:
      free.length === 0
        ? "minimum cut (exact)"
        : exact
          ? `minimum cut with Lagrangian prices for owned CALs; the cover meets the lower bound, so it is optimal (${how})`
          : `minimum cut with Lagrangian prices for owned CALs; owned quantities bind and the best cover found is ${chosen.trueCost - lowerBound} above the proven lower bound (${how})`,
  };
}

function evaluate(
  family: CalFamily,
  mix: CalMix,
  pools: readonly OwnedPool[],
  prices: PriceBook,
  userCost: readonly number[],
  deviceCost: readonly number[],
) {
  const counts = new Map<string, Need>();
  const add = (type: "user" | "device", tier: number) => {
    const key = `${type}:${tier}`;
    const n = counts.get(key);
    counts.set(key, { type, tier, count: (n?.count ?? 0) + 1 });
  };
  for (const t of mix.userTier.values()) add("user", t);
  for (const t of mix.deviceTier.values()) add("device", t);
  const needs = [...counts.values()].sort((a, b) => a.tier - b.tier || (a.type < b.type ? -1 : 1));
  const allocation = allocateOwned(needs, pools);
  const buy = new Map<
    string,
    { version: string; type: "user" | "device"; units: number; unitPrice?: number }
  >();
  let trueCost = 0;
  for (const n of allocation.needs) {
    if (n.shortfall === 0) continue;
    const sku = prices.priced ? cheapestFrom(family, n.tier, n.type, prices) : undefined;
    // Unpriced, buy the tier needed: a newer version in the catalog must not change the advice (issue 9).
    const version = sku?.version ?? (family.versions[n.tier] as string);
    const tierIndex = family.versions.indexOf(version);
    const price =
      sku?.price ?? (n.type === "user" ? userCost : deviceCost)[Math.max(n.tier, tierIndex)] ?? 1;
    trueCost += price * n.shortfall;
    const key = `${version}:${n.type}`;
    const line = buy.get(key) ?? {
      version,
      type: n.type,
      units: 0,
      ...(sku ? { unitPrice: sku.price } : {}),
    };
    line.units += n.shortfall;
    buy.set(key, line);
  }
  return { mix, allocation, pools, toBuy: [...buy.values()], trueCost };
}

/** The cheapest SKU version at tier k or later for a type, by unit price (the oldest on a tie). */
function cheapestFrom(family: CalFamily, k: number, type: "user" | "device", prices: PriceBook) {
  let best: { version: string; price: number } | undefined;
  for (let v = k; v < family.versions.length; v++) {
    const version = family.versions[v] as string;
    const price = unitPrice(prices.calPacks(family.id, version, type));
    if (price !== undefined && (!best || price < best.price)) best = { version, price };
  }
  return best;
}

/** Collapses demand items into one cover edge per (user, device) pair at the highest tier it needs. */
function collapse(items: readonly DemandItem[]): CoverEdge[] {
  const edges = new Map<string, CoverEdge>();
  for (const i of items) {
    const key = `${i.deviceOnly ? "" : (i.user ?? "")}\u0000${i.userOnly ? "" : (i.device ?? "")}`;
    const prev = edges.get(key);
    if (!prev || prev.tier < i.tier)
      edges.set(key, {
        ...(i.user !== undefined && !i.deviceOnly ? { user: i.user } : {}),
        ...(i.device !== undefined && !i.userOnly ? { device: i.device } : {}),
        tier: i.tier,
        deviceOnly: i.deviceOnly,
        userOnly: i.userOnly,
      });
  }
  return [...edges.values()];
}

function enumerate(n: number): number[][] {
  const out: number[][] = [];
  for (let mask = 0; mask < 1 << n; mask++) {
    const s: number[] = [];
    for (let i = 0; i < n; i++) if (mask & (1 << i)) s.push(i);
    out.push(s);
  }
  return out;
}

/** Too many servers to enumerate: try none, all, and each single server. */
function greedySubsets(n: number): number[][] {
  const all = Array.from({ length: n }, (_, i) => i);
  return [[], all, ...all.map((i) => [i]), ...all.map((i) => all.filter((j) => j !== i))];
}
