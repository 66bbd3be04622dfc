import type { CalFamily } from "../catalog/catalog-schema.ts";
import type { Allocation, Need, OwnedPool } from "../compliance/allocate-owned.ts";
import type { Pack, PriceBook } from "../price-list/price-book.ts";
import { type DemandList, filterDemand } from "../rules/demand-columns.ts";
import { type DemandItem, demandHolderNumbers } from "../rules/derive-cal-demand.ts";
import { balanceFreePairs } from "./balance-free-pairs.ts";
import { boundByComponentsOnce, type ComponentBoundMemo } from "./bound-by-components.ts";
import { boundByCounts, type CoverInequality, countCountVectors } from "./bound-by-counts.ts";
import { boundByCutFlow } from "./bound-by-cut-flow.ts";
import { boundByTiersOnce } from "./bound-by-tiers.ts";
import { buildCoverMip } from "./build-cover-mip.ts";
import { type CalMix, type CoverEdge, chooseCalMix } from "./choose-cal-mix.ts";
import { countHoldersPerTier } from "./count-holders-per-tier.ts";
import { coverFromLowering } from "./cover-from-lowering.ts";
import { cutFlowOf } from "./cut-flow.ts";
import { HolderTiers } from "./holder-tiers.ts";
import { improveCoverByMoves } from "./improve-cover-by-moves.ts";
import {
  createHolderNumbering,
  internCoverEdges,
  rememberInternedEdges,
} from "./intern-cover-edges.ts";
import type { MipSolver } from "./mip-solver.ts";
import type { PackPurchase } from "./packs/choose-pack-purchase.ts";
import { type CalMarket, type NeedsPricing, priceCalNeeds } from "./price-cal-needs.ts";
import { repairCoverWithOwned } from "./repair-cover-with-owned.ts";
import { searchCoverExactly } from "./search-cover-exactly.ts";

/** An External Connector option for one server in this family: owned (free) or priced. */
export interface ConnectorOption {
  readonly server: string;
  readonly connector: string;
  readonly version: string;
  readonly owned: boolean;
  /** Unit price, or 0 when owned or unpriced. */
  readonly price: number;
}

/** One purchase of the plan: units of a type and version that serve needs, and the packs bought. */
export interface PlannedPurchase {
  readonly version: string;
  readonly type: "user" | "device";
  /** Needs these units serve (the packs may hold more: `purchase.units`). */
  readonly units: number;
  /** The versions those needs are of, oldest first: the same or earlier than `version` (down-level use) [R13]. */
  readonly serves: readonly { readonly version: string; readonly units: number }[];
  /** The packs, or undefined when no pack sells this type at or above the version needed. */
  readonly purchase?: PackPurchase;
}

/** The family's cover, how owned CALs meet it, and what is bought. */
export interface FamilyPlan {
  readonly family: CalFamily;
  readonly mix: CalMix;
  readonly allocation: Allocation;
  readonly pools: readonly OwnedPool[];
  readonly toBuy: readonly PlannedPurchase[];
  /** Money paid for CAL packs and External Connectors (CALs to buy when unpriced): the objective. */
  readonly trueCost: number;
  /** A proven lower bound on trueCost over every cover and purchase; equal to trueCost when optimal. */
  readonly lowerBound: number;
  readonly exactness: "optimal" | "best-found";
  readonly method: string;
  readonly connectors: readonly (ConnectorOption & {
    readonly chosen: boolean;
    readonly externalUsers: number;
  })[];
  /** Items left to CALs (after External Connectors), for traces. */
  readonly items: DemandList;
  readonly unpricedTiers: readonly string[];
  /** Catalog assumptions that shaped the answer (ids). */
  readonly assumptions: readonly string[];
  /** The work it took: minimum cuts solved, and the MIP's branch-and-bound nodes (when a solver ran). */
  readonly stats: PlanStats;
  /**
   * True when a MIP solver, had one been passed, would have been given this family (it is open and within the
   * MIP's gate): planning again with one can prove it or find a cheaper answer. False when one ran or cannot.
   */
  readonly solverCanHelp: boolean;
}

/** Work counters of one family's plan, summed over the External Connector choices tried. */
export interface PlanStats {
  readonly cuts: number;
  readonly mipNodes: number;
}

/** How hard the planner may try beyond the cuts. */
export interface PlanOptions {
  /** Families of at most this many holders get the exhaustive search (default 40; tests set 0). */
  readonly exhaustiveSearchHolders?: number;
  /**
   * An exact MIP solver (the core's port; HiGHS in `@calwise/node-files`). When given, a family the bounds
   * and the search leave open is solved as one MIP over holders, versions, owned CALs and packs.
   */
  readonly solver?: MipSolver;
  /**
   * Bounds by components kept from an earlier plan of the same inputs (`planFamilyCoverOnce` passes one per
   * family): the solver pass plans the family again and takes the bound from here instead of searching again.
   */
  readonly componentBounds?: ComponentBoundMemo;
  /** False skips the bound by tiers (`bound-by-tiers.ts`; the benchmark's before and after). Default true. */
  readonly tierBound?: boolean;
}

const MAX_CONNECTOR_ENUMERATION = 10;
/** Families this small get the exhaustive search when the bounds do not meet (holders). */
const EXACT_SEARCH_HOLDERS = 40;
const EXACT_SEARCH_NODES = 20_000;
/** Families with more holders than this are not given to the MIP solver (the model would be too large). */
export const MIP_MAX_HOLDERS = 20_000;
/** Count vectors the real-money bound may enumerate. */
const COUNT_POINTS = 20_000;
/**
 * The multiplier search stops once the best answer is within this share of the bound (0.1 %): at 100k users a
 * cut costs about half a second and the last ones move the bound by less. The answer still says best-found and
 * states its gap; the exhaustive search and the MIP, where they apply, go on to a proof.
 */
const CLOSE_ENOUGH = 0.001;
/** Families with more holders than this skip the bound by components; work it may count (`boundByComponents`). */
const COMPONENT_HOLDERS = 5_000;
const COMPONENT_WORK = 100_000;
/** Work the bound by tiers may count (`boundByTiers`; at most four times this, then it is skipped). */
const TIER_WORK = 3_000_000;
/** Pair visits the local search may count over all its starts (`improveCoverByMoves`; ~2,700 pairs: 1–3.5M a start). */
const MOVES_WORK = 8_000_000;
/** Factors each settled multiplier is moved by for one more cut each (the improving step's starts). */
const NUDGES = [0.9, 0.95, 0.98, 1.02, 1.05, 1.1];
/** Distinct covers, cheapest first, the local search starts from. */
const MOVE_STARTS = 3;

/**
 * Plans one CAL family in real money: the cover, owned CALs and packs chosen together to minimise what is paid,
 * and External Connectors per server where cheaper. The minimum cut at each CAL's lowest price per unit, with
 * Lagrangian prices for owned CALs, bounds the money from below; each cut's cover is priced truly
 * (`priceCalNeeds`) for an upper bound; small families close any gap by an exhaustive search.
 */
export function planFamilyCover(
  family: CalFamily,
  items: DemandList,
  pools: readonly OwnedPool[],
  held: ReadonlyMap<string, number>,
  prices: PriceBook,
  connectorOptions: readonly ConnectorOption[],
  planOptions: PlanOptions = {},
): FamilyPlan {
  const exhaustiveSearchHolders = planOptions.exhaustiveSearchHolders ?? EXACT_SEARCH_HOLDERS;
  // The items are read in one pass (`DemandColumns` make each one as it is read).
  let topTier = -1;
  const externalServers = new Set<string>();
  for (const i of items) {
    topTier = Math.max(topTier, i.tier);
    if (i.external) externalServers.add(i.server);
  }
  const market = createCalMarket(family, prices, topTier);

  const options = connectorOptions.filter((o) => externalServers.has(o.server));
  const subsets =
    options.length <= MAX_CONNECTOR_ENUMERATION
      ? enumerate(options.length)
      : greedySubsets(options.length);

  let best: FamilyPlan | undefined;
  let lowest = Number.POSITIVE_INFINITY;
  let cuts = 0;
  let mipNodes = 0;
  let solverCanHelp = false;
  for (const subset of subsets) {
    const covered = new Set(subset.map((i) => (options[i] as ConnectorOption).server));
    // The list itself when no connector covers anything: it keeps its holder numbers (`collapse`).
    const left =
      covered.size === 0
        ? items
        : filterDemand(items, (i) => !(i.external && covered.has(i.server)));
    const connectorCost = subset.reduce((s, i) => s + (options[i] as ConnectorOption).price, 0);
    const plan = planWithOwned(
      family,
      left,
      pools,
      held,
      market,
      connectorCost,
      exhaustiveSearchHolders,
      planOptions.solver,
      { memo: planOptions.componentBounds, key: subset.join(",") },
      planOptions.tierBound !== false,
    );
    lowest = Math.min(lowest, plan.lowerBound);
    cuts += plan.stats.cuts;
    mipNodes += plan.stats.mipNodes;
    solverCanHelp ||= plan.solverCanHelp;
    const connectors = options.map((o, i) => ({
      ...o,
      chosen: subset.includes(i),
      externalUsers: countExternalUsers(items, o.server),
    }));
    const candidate: FamilyPlan = {
      ...plan,
      family,
      connectors,
      items: left,
      unpricedTiers: [...market.unpriced],
      assumptions: market.packsInMix ? ["pack-price-in-mix"] : [],
      method:
        options.length > MAX_CONNECTOR_ENUMERATION
          ? `${plan.method}; External Connectors chosen server by server (more than ${MAX_CONNECTOR_ENUMERATION} servers)`
          : plan.method,
    };
    if (
      !best ||
      candidate.trueCost < best.trueCost ||
      (candidate.trueCost === best.trueCost &&
        subset.length < best.connectors.filter((c) => c.chosen).length)
    )
      best = candidate;
  }
  const chosen = best as FamilyPlan;
  // Over every connector choice tried: the bound is the least of their bounds. Choices not tried (too many
  // servers) leave no proof.
  const bound = Math.min(lowest, chosen.trueCost);
  const proven = options.length <= MAX_CONNECTOR_ENUMERATION && chosen.trueCost <= bound;
  return {
    ...chosen,
    lowerBound: bound,
    exactness: proven ? "optimal" : "best-found",
    stats: { cuts, mipNodes },
    solverCanHelp: !proven && solverCanHelp,
  };
}

/** The market of one family plus the integer weights the cuts use: lowest price per unit, scaled. */
interface FamilyMarket extends CalMarket {
  /** Per tier, the weight of a user (device) CAL of that tier or later in the cut: `scale` × price per unit. */
  readonly userCost: readonly number[];
  readonly deviceCost: readonly number[];
  /** Weights are money × scale (a common multiple of the pack sizes, so prices per unit are whole). */
  readonly scale: number;
  readonly unpriced: ReadonlySet<string>;
  /** A pack of more than one CAL is on sale for this family: the answer depends on buying whole packs. */
  readonly packsInMix: boolean;
}

const MAX_SCALE = 1_000;
/** The multiplier search's order of pool classes by type (see `planWithOwned`). */
const TYPE_RANK = { user: 0, either: 1, device: 2 } as const;

/**
 * Prices per tier for the cut: a CAL of tier k costs at least the lowest price per unit of any pack of version k
 * or later (whole packs can only cost more), so the cut at these weights bounds the money from below.
 */
function createCalMarket(family: CalFamily, prices: PriceBook, topTier: number): FamilyMarket {
  const tiers = family.versions.length;
  // Looked up once per type and tier: the pricing asks for the same packs thousands of times per evaluation,
  // and the price book filters its whole list on every call.
  const table = (type: "user" | "device") =>
    family.versions.map((version) =>
      prices.priced ? prices.calPacks(family.id, version, type) : [],
    );
  const userPacks = table("user");
  const devicePacks = table("device");
  const packs = (type: "user" | "device", tier: number): readonly Pack[] =>
    (type === "user" ? userPacks : devicePacks)[tier] ?? [];
  const sizes = new Set<number>();
  for (let k = 0; k < tiers; k++)
    for (const type of ["user", "device"] as const)
      for (const p of packs(type, k)) sizes.add(p.size);
  let scale = 1;
  for (const size of sizes) scale = lcm(scale, size);
  if (scale > MAX_SCALE) scale = 1;
  const lowestRate = (type: "user" | "device", k: number) => {
    let best: number | undefined;
    for (let v = k; v < tiers; v++)
      for (const p of packs(type, v)) {
        const rate = Math.floor((p.price * scale) / p.size);
        if (best === undefined || rate < best) best = rate;
      }
    return best;
  };
  const unpriced = new Set<string>();
  const costs = (type: "user" | "device") =>
    family.versions.map((_, k) => {
      if (!prices.priced || k > topTier) return scale;
      const rate = lowestRate(type, k) ?? lowestRate(type === "user" ? "device" : "user", k);
      if (lowestRate(type, k) === undefined) unpriced.add(`${family.versions[k]} ${type}`);
      return rate ?? scale;
    });
  // A tier's cost never falls below an older tier's: an unpriced (or unused) newer tier is weighed like the
  // newest priced one before it, so the chain of price steps stays non-negative.
  const monotone = (values: number[]) => values.map((_, k) => Math.max(...values.slice(0, k + 1)));
  const userCost = monotone(costs("user"));
  const deviceCost = monotone(costs("device"));
  return {
    priced: prices.priced,
    tiers,
    packs,
    unpricedWeight: (type, tier) =>
      Math.ceil(((type === "user" ? userCost : deviceCost)[tier] as number) / scale),
    userCost,
    deviceCost,
    scale,
    unpriced,
    packsInMix: [...sizes].some((s) => s > 1),
  };
}

function lcm(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return (a / x) * b;
}

/**
 * The cheapest cover and purchase when owned CALs are limited in number. Lagrangian relaxation of the pool
 * quantities: with a multiplier μ per pool, a holder at tier k costs min(price per unit(k), μ of any free pool
 * that covers k), and L(μ) = mincut − Σ μ·free quantity is a lower bound on the money paid (LP duality of
 * assigning holders to pool units; packs only cost more than their price per unit). Each cut's cover is priced
 * truly (`priceCalNeeds`: owned CALs by value, then packs), giving an upper bound. The search starts with every
 * μ at its cap (an owned CAL worth the most it could save); when every pool is then used to the full, that μ
 * maximises L over the box (the subgradient points out of it), so no other multiplier can raise the bound and
 * the search skips straight on (the common case: CALs included with a server). Otherwise each μ is bisected on
 * its subgradient. Small families whose bounds still differ get the exhaustive search (`searchCoverExactly`).
 */
function planWithOwned(
  family: CalFamily,
  items: DemandList,
  pools: readonly OwnedPool[],
  held: ReadonlyMap<string, number>,
  market: FamilyMarket,
  connectorCost: number,
  exhaustiveSearchHolders: number,
  solver: MipSolver | undefined,
  componentBounds: { readonly memo: ComponentBoundMemo | undefined; readonly key: string },
  tierBound: boolean,
) {
  const edges = collapse(items);
  const { userCost, deviceCost, scale } = market;
  // Pools of one type and tier are one pool to the relaxation: by symmetry (and concavity of the dual) their
  // multipliers are equal at an optimum, so 60 servers' included CALs cost one multiplier, not 60.
  const classes = new Map<
    string,
    { pool: { type: OwnedPool["type"]; tier: number }; free: number }
  >();
  for (const p of pools) {
    const left = p.quantity - (p.assigned ?? 0);
    if (left <= 0) continue;
    const key = `${p.type}:${p.tier}`;
    const c = classes.get(key) ?? { pool: { type: p.type, tier: p.tier }, free: 0 };
    c.free += left;
    classes.set(key, c);
  }
  // The search settles the classes one after another, so their order shapes the covers it meets: a canonical
  // order (users, then either, then devices; newer tiers first) gives the same answer whatever order the
  // owned CALs were listed in (measured: 77,748 or 105,963 on one 1,313-pair estate by the input's order).
  const free = [...classes.values()].sort(
    (a, b) => TYPE_RANK[a.pool.type] - TYPE_RANK[b.pool.type] || b.pool.tier - a.pool.tier,
  );
  const tops = countHoldersPerTier(edges, market.tiers);
  // A pool with at least as many CALs as holders that could ever use it never binds: its multiplier is 0.
  const slack = free.map((p) => {
    let holders = 0;
    for (const type of ["user", "device"] as const)
      if (p.pool.type === type || p.pool.type === "either")
        for (let k = 0; k <= p.pool.tier; k++) holders += tops[type][k] as number;
    return holders <= p.free;
  });
  // For a type and tier: the cost under μ, and which pool (if any) sets it (on a tie with the price, the pool).
  const priced = (type: "user" | "device", base: readonly number[], mu: readonly number[]) =>
    base.map((c, k) => {
      let cost = c;
      let by = -1;
      free.forEach((p, i) => {
        const m = mu[i] as number;
        if (
          p.pool.tier >= k &&
          (p.pool.type === type || p.pool.type === "either") &&
          (m < cost || (m === cost && by < 0))
        ) {
          cost = m;
          by = i;
        }
      });
      return { cost, by };
    });

  let best: Priced | undefined;
  let lowerBound = 0;
  let cuts = 0;
  let how = "";
  const consider = (mix: CalMix, source: string) => {
    const e = priceMix(mix, pools, market);
    if (!best || e.pricing.cost < best.pricing.cost) {
      best = e;
      how = source;
    }
    return e;
  };
  // What each cut proves about the counts of every cover (only when no holder is already assigned a CAL, since
  // an assigned holder's weights differ from its type's).
  const inequalities: CoverInequality[] = [];
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
    if (held.size === 0)
      inequalities.push({
        userWeight: user.map((x) => x.cost),
        deviceWeight: device.map((x) => x.cost),
        least: mix.cost,
      });
    const mass = free.reduce((s, p, i) => s + (mu[i] as number) * p.free, 0);
    const bound = mix.cost - mass;
    lowerBound = Math.max(lowerBound, Math.ceil(bound / scale));
    if (!dualCut || bound > dualCut.bound) dualCut = { mix, mass, bound };
    const e = consider(mix, "minimum cut");
    if (!proven()) {
      candidates.push({ mix, cost: e.pricing.cost });
      candidates.sort((a, b) => a.cost - b.cost);
      candidates.length = Math.min(candidates.length, 3);
    }
    const usage = free.map((p) => -p.free);
    // Holders taking each pool (names only: a cut at 100k users must not allocate a tuple per holder).
    const takers = free.map(() => [] as string[]);
    // No pool, no taker: the cover's 100,000 holders are not walked for none.
    if (free.length > 0) {
      for (const [h, t] of mix.userTier) {
        const by = user[t]?.by ?? -1;
        if (by < 0) continue;
        usage[by] = (usage[by] as number) + 1;
        takers[by]?.push(h);
      }
      for (const [h, t] of mix.deviceTier) {
        const by = device[t]?.by ?? -1;
        if (by < 0) continue;
        usage[by] = (usage[by] as number) + 1;
        takers[by]?.push(h);
      }
    }
    lastTakers = takers;
    return usage;
  };
  let lastTakers: string[][] = [];
  /** The cut whose Lagrangian bound is the highest so far: its flow gives the bound by the cut's flow. */
  let dualCut: { mix: CalMix; mass: number; bound: number } | undefined;
  const proven = () => best !== undefined && best.pricing.cost <= lowerBound;
  const closeEnough = () =>
    best !== undefined && best.pricing.cost - lowerBound <= best.pricing.cost * CLOSE_ENOUGH;
  // The bound over counts needs few enough count vectors; the cut at μ = 0 and the fewest-holders cut only
  // feed it, so without it they are skipped.
  const countable = held.size === 0 && countCountVectors(tops.user, tops.device) <= COUNT_POINTS;

  // μ's cap: above the dearest holder a pool could serve, μ changes nothing.
  const natural = free.map((p, i) =>
    slack[i]
      ? 0
      : Math.max(
          p.pool.type === "device" ? 0 : (userCost[p.pool.tier] as number),
          p.pool.type === "user" ? 0 : (deviceCost[p.pool.tier] as number),
        ),
  );
  let counted = "";
  let flatAdded = false;
  let countedWith = 0;
  /** The real-money bound over counts, from every cut so far (plus the fewest-holders cut, once). */
  const boundCounts = () => {
    if (proven() || !countable || inequalities.length === countedWith) return;
    if (!flatAdded) {
      // The fewest holders any cover needs, as one more inequality (and its cover as one more candidate).
      flatAdded = true;
      const flat = new Array<number>(market.tiers).fill(1);
      const fewest = chooseCalMix({ edges, userCost: flat, deviceCost: flat });
      cuts++;
      consider(fewest, "minimum cut");
      inequalities.push({ userWeight: flat, deviceWeight: flat, least: fewest.cost });
    }
    countedWith = inequalities.length;
    const counts = boundByCounts(inequalities, tops.user, tops.device, pools, market, COUNT_POINTS);
    if (counts.kind === "bound" && counts.bound > lowerBound) {
      lowerBound = counts.bound;
      counted = `; bound over ${counts.points} count vectors in real money`;
    }
  };

  // Lagrangian heuristic: the pool's CALs go to the holders the multipliers chose (those taking it when it is
  // dear first, then those taking it when it is cheap, most pairs first), fixed as held; one cut at the real
  // prices then covers the rest around them.
  let degree: Map<string, number> | undefined;
  const fixTakers = (i: number, under: readonly string[], over: readonly string[]) => {
    if (held.size > 0 || over.length === 0) return;
    // Pairs per holder name (a user and a device of the same name count together), counted over the
    // interned edges: one map entry per holder instead of two look-ups per edge (195k edges at 100k users).
    if (!degree) {
      const { userNames, deviceNames, edgeUser, edgeDevice } = internCoverEdges(edges);
      const userPairs = new Int32Array(userNames.length);
      const devicePairs = new Int32Array(deviceNames.length);
      for (let e = 0; e < edgeUser.length; e++) {
        const u = edgeUser[e] as number;
        const d = edgeDevice[e] as number;
        if (u >= 0) userPairs[u] = (userPairs[u] as number) + 1;
        if (d >= 0) devicePairs[d] = (devicePairs[d] as number) + 1;
      }
      degree = new Map();
      for (let u = 0; u < userNames.length; u++)
        degree.set(userNames[u] as string, userPairs[u] as number);
      for (let d = 0; d < deviceNames.length; d++) {
        const name = deviceNames[d] as string;
        degree.set(name, (degree.get(name) ?? 0) + (devicePairs[d] as number));
      }
    }
    const pool = (free[i] as (typeof free)[number]).pool;
    const chosen = new Map<string, number>();
    for (const h of under) chosen.set(h, pool.tier);
    // Each holder's degree read once, not twice per comparison (100,000 takers at 100k users).
    const rest = over
      .filter((h) => !chosen.has(h))
      .map((h) => ({ h, pairs: degree?.get(h) ?? 0 }))
      .sort((a, b) => b.pairs - a.pairs);
    for (const { h } of rest) {
      if (chosen.size >= (free[i] as (typeof free)[number]).free) break;
      chosen.set(h, pool.tier);
    }
    cuts++;
    const mix = chooseCalMix({ edges, userCost, deviceCost, heldTier: chosen });
    consider(mix, "minimum cut around the owned CALs' Lagrangian holders");
  };

  const mu = [...natural];
  const first = solve(mu);
  // Every multiplier at the edge of its box with the subgradient pointing out: the dual is at its optimum.
  const saturated = first.every((g, i) => slack[i] || g >= 0);
  if (free.length > 0 && !proven() && !saturated && countable) solve(free.map(() => 0));
  // Whole packs: the bound over counts often closes what prices per unit leave open.
  boundCounts();
  if (free.length > 0 && !proven() && !saturated) {
    // One pass settles a single pool; a second lets several pools' multipliers adjust to each other.
    const bisected = slack.filter((x) => !x).length;
    const open = () => !proven() && !closeEnough();
    for (let round = 0; round < (bisected > 1 ? 2 : 1) && open(); round++) {
      for (let i = 0; i < free.length && open(); i++) {
        if (slack[i]) continue;
        // More holders priced at μ_i than the pool holds means μ_i is too low: bisect on that sign.
        let lo = 0;
        let hi = natural[i] as number;
        // To 1/256 of the multiplier's range: the bound then misses at most that times the pool's size.
        const step = Math.max(1, Math.floor((natural[i] as number) / 256));
        let over: readonly string[] = [];
        let under: readonly string[] = [];
        const probe = (mid: number) => {
          const trial = [...mu];
          trial[i] = mid;
          if ((solve(trial)[i] as number) > 0) {
            lo = mid;
            over = lastTakers[i] ?? [];
          } else {
            hi = mid;
            under = lastTakers[i] ?? [];
          }
        };
        // Holders switch to or from an owned CAL where its multiplier crosses another CAL's weight (an owned
        // user CAL is worth the device CAL it saves): those levels first, by binary search, then bisection.
        const levels = [...new Set([...userCost, ...deviceCost])]
          .filter((w) => w > 0 && w < (natural[i] as number))
          .sort((a, b) => a - b);
        for (let a = 0, b = levels.length - 1; a <= b && open(); ) {
          const m = (a + b) >> 1;
          probe(levels[m] as number);
          if (lo === levels[m]) a = m + 1;
          else b = m - 1;
        }
        // With takers on both sides, one cut around them gives an answer to stop on.
        let fixedEarly = false;
        const fixEarly = () => {
          if (fixedEarly || !open() || over.length === 0) return;
          if (under.length === 0 && hi - lo > (natural[i] as number) / 16) return;
          fixedEarly = true;
          fixTakers(i, under, over);
        };
        fixEarly();
        while (hi - lo > step && open()) {
          probe(Math.floor((lo + hi) / 2));
          if (hi - lo <= (natural[i] as number) / 16) fixEarly();
        }
        mu[i] = hi;
        if (open()) fixTakers(i, under, over);
      }
    }
  }

  // The cuts' cheapest covers and the best cover so far (often the Lagrangian heuristic's) are repaired.
  const toRepair = proven() || closeEnough() ? [] : candidates.map((c) => c.mix);
  const bestMix = (best as Priced | undefined)?.mix;
  if (toRepair.length > 0 && bestMix && !toRepair.includes(bestMix)) toRepair.push(bestMix);
  for (const mix of toRepair) {
    const fixed = repairCoverWithOwned(edges, mix, pools, held);
    if (fixed) consider(fixed, "minimum cut, cover repaired to use owned CALs");
  }
  // Free pairs (a user and a device with no other pair) split between users and devices by real price: the
  // cut weighs both sides alike and puts them all on one, which whole packs may not like (balance-free-pairs.ts).
  if (!proven() && held.size === 0 && market.priced) {
    const current = best as unknown as Priced;
    const balanced = balanceFreePairs(edges, current.mix, current.pricing.needs, pools, market);
    if (balanced) consider(balanced, `${how}, free pairs split by real price`);
  }
  boundCounts();

  let searched = "";
  const chosenMix = (best as unknown as Priced).mix;
  const holderCount = chosenMix.userTier.size + chosenMix.deviceTier.size;
  if (
    !proven() &&
    edges.length > 0 &&
    holderCount <= exhaustiveSearchHolders &&
    tops.holders <= exhaustiveSearchHolders
  ) {
    const ub = (best as unknown as Priced).pricing.cost;
    const search = searchCoverExactly(edges, pools, market, ub, EXACT_SEARCH_NODES);
    if (search.found) {
      best = {
        mix: { ...chosenMix, userTier: search.found.userTier, deviceTier: search.found.deviceTier },
        pricing: search.found.pricing,
      };
      how = "exhaustive search";
    }
    if (search.complete)
      lowerBound = Math.max(lowerBound, (best as unknown as Priced).pricing.cost);
    searched = `; exhaustive search over covers, ${search.nodes} branch${search.nodes === 1 ? "" : "es"}${search.complete ? ", complete" : ", stopped at its limit"}`;
  }

  // The bound from the holders' structure (components, hubs, released sets): what the cuts' convexity misses;
  // after the exhaustive search (which proves the small families), before the MIP (which it may spare).
  let structured = "";
  if (!proven() && held.size === 0 && edges.length > 0 && tops.holders <= COMPONENT_HOLDERS) {
    const b = boundByComponentsOnce(
      componentBounds.memo,
      componentBounds.key,
      edges,
      pools,
      market,
      (best as Priced).pricing.cost,
      lowerBound,
      COMPONENT_WORK,
    );
    if (b.kind === "bound" && b.bound > lowerBound) {
      lowerBound = b.bound;
      structured = `; bound by components (${b.hubs} hub${b.hubs === 1 ? "" : "s"}, ${b.components} components, ${b.exactFrontiers ? "exact" : "bounded"} frontiers)`;
    }
  }

  // The same structure with the tier dimension (which devices need the newer tier), only when an owned pool
  // binds (the multiplier search ran): with every pool used at its full value the gap is pack rounding, which
  // this bound does not see better than the counts (measured: included CALs only, 1.3 s for nothing).
  if (
    tierBound &&
    free.length > 0 &&
    !saturated &&
    !proven() &&
    held.size === 0 &&
    edges.length > 0 &&
    tops.holders <= COMPONENT_HOLDERS
  ) {
    const b = boundByTiersOnce(
      componentBounds.memo,
      componentBounds.key,
      edges,
      pools,
      market,
      (best as Priced).pricing.cost,
      lowerBound,
      TIER_WORK,
    );
    if (b.kind === "bound" && b.bound > lowerBound) {
      lowerBound = b.bound;
      structured += `; bound by tiers (${b.hubs} hub${b.hubs === 1 ? "" : "s"}, ${b.components} parts, ${b.exactUnions ? "exact" : "bounded"} unions)`;
    }
    // The bound's least lowerings of a ward as covers (the rest from the best one), then repaired: where the
    // bound's cheapest cell is a real cover the answer meets it (1,329-pair binding case: 86,108 → 81,928).
    for (const lowering of b.kind === "bound" && !proven() ? b.lowerings : []) {
      const mix = coverFromLowering(edges, (best as Priced).mix, lowering);
      if (!mix) continue;
      consider(mix, "the bound by tiers' lowering");
      const fixed = repairCoverWithOwned(edges, mix, pools, held);
      if (fixed) consider(fixed, "the bound by tiers' lowering, repaired to use owned CALs");
    }
  }

  let solved = "";
  let mipNodes = 0;
  // The MIP's gate, one test for running it and for telling the caller a solver could help.
  const mipApplies =
    !proven() &&
    edges.length > 0 &&
    held.size === 0 &&
    pools.every((p) => (p.assigned ?? 0) === 0) &&
    tops.holders <= MIP_MAX_HOLDERS;
  if (mipApplies && solver) {
    // The whole problem as one MIP, warm-started from the best cover so far.
    const incumbent = best as unknown as Priced;
    const mip = buildCoverMip(edges, pools, market, {
      userTier: incumbent.mix.userTier,
      deviceTier: incumbent.mix.deviceTier,
      purchases: incumbent.pricing.purchases,
    });
    const answer = solver.solve(mip.model);
    const size = `${mip.columns} columns, ${mip.rows} rows`;
    if (answer.status === "failed")
      solved = `; ${solver.name} MIP (${size}) failed: ${answer.reason}`;
    else {
      mipNodes = answer.nodes;
      if (answer.values) {
        const cover = { ...incumbent.mix, ...mip.readCover(answer.values) };
        consider(cover, `${solver.name} MIP`);
        // A solve stopped early may leave owned CALs idle: the same greedy repair as the cuts' covers get.
        const fixed =
          answer.status === "stopped" ? repairCoverWithOwned(edges, cover, pools, held) : undefined;
        if (fixed) consider(fixed, `${solver.name} MIP, cover repaired to use owned CALs`);
      }
      // Money is whole minor units: a bound within the solver's tolerance of an integer rounds up to it.
      lowerBound = Math.max(
        lowerBound,
        Math.ceil(answer.bound - 1e-6 * Math.max(1, Math.abs(answer.bound))),
      );
      solved = `; ${solver.name} MIP over holders, versions, owned CALs and packs (${size}), ${answer.nodes} node${answer.nodes === 1 ? "" : "s"}${answer.status === "optimal" ? ", optimal" : `, stopped at ${answer.reason}`}`;
    }
  }

  // An improving step on the upper side (branch upper-side), where the cuts left a gap: cuts at the settled
  // multipliers each moved a little (which wards go to users and which to devices is a near tie there), each
  // repaired; then a local search in real money (`improveCoverByMoves`) from the cheapest few distinct covers.
  // Counted work only, so an answer never depends on the clock; `consider` keeps a cover only when it is cheaper.
  // After the bounds and the MIP, so what they prove is as before (and their answers with it); where a MIP solver
  // could still be given the family, only once it has been (`evaluateUntilProven` plans again with HiGHS, warm-
  // started as before); not for the families the exhaustive search settles, nor the nudges when every pool is
  // used in full.
  if (
    toRepair.length > 0 &&
    !proven() &&
    !(mipApplies && !solver) &&
    held.size === 0 &&
    tops.holders > exhaustiveSearchHolders &&
    best
  ) {
    const found: Priced[] = [best];
    for (let i = 0; i < free.length && !saturated; i++)
      for (const factor of NUDGES) {
        const nudged = mu.map((m, j) => (j === i ? Math.round(m * factor) : m));
        const user = priced("user", userCost, nudged).map((x) => x.cost);
        const device = priced("device", deviceCost, nudged).map((x) => x.cost);
        cuts++;
        const mix = chooseCalMix({ edges, userCost: user, deviceCost: device, heldTier: held });
        found.push(
          consider(
            repairCoverWithOwned(edges, mix, pools, held) ?? mix,
            "minimum cut at a nudged multiplier, cover repaired to use owned CALs",
          ),
        );
      }
    const costs = new Set<number>();
    let work = MOVES_WORK;
    for (const start of found.sort((x, y) => x.pricing.cost - y.pricing.cost)) {
      if (costs.size >= MOVE_STARTS || work <= 0) break;
      if (costs.has(start.pricing.cost)) continue;
      costs.add(start.pricing.cost);
      const moved = improveCoverByMoves(edges, start.mix, pools, market, work);
      work -= moved.stats.work;
      if (moved.mix) consider(moved.mix, "minimum cut, cover improved by single-holder moves");
    }
  }
  // The best Lagrangian cut's flow, read as LP duality on the cover (`bound-by-cut-flow.ts`): what a cover
  // cheaper than the answer could still choose, and the least money of those choices. Only with every CAL
  // priced (its money argument needs each tier's lowest price per unit) and no holder or pool assigned already.
  const flow = dualCut && cutFlowOf(dualCut.mix);
  if (
    flow &&
    dualCut &&
    !proven() &&
    held.size === 0 &&
    market.priced &&
    market.unpriced.size === 0 &&
    pools.every((p) => (p.assigned ?? 0) === 0)
  ) {
    const b = boundByCutFlow({
      flow,
      pools,
      market,
      answer: (best as unknown as Priced).pricing.cost,
      moneyScale: scale,
      multiplierMass: dualCut.mass,
    });
    if (b.kind === "bound" && b.bound > lowerBound) {
      lowerBound = b.bound;
      structured += `; bound by the cut's flow (${b.freeHolders} holder${b.freeHolders === 1 ? "" : "s"} left free in ${b.parts} part${b.parts === 1 ? "" : "s"}, ${b.countVectors} count vector${b.countVectors === 1 ? "" : "s"})`;
    }
  }
  const chosen = best as unknown as Priced;
  const money = chosen.pricing.cost;
  const exact = money <= lowerBound;
  const trueCost = money + connectorCost;
  const bound = Math.min(lowerBound, money) + connectorCost;
  const cutText = `${cuts} cut${cuts === 1 ? "" : "s"}${saturated && free.length > 0 ? ", owned CALs all used at their full value" : ""}${counted}`;
  return {
    mix: chosen.mix,
    allocation: { needs: chosen.pricing.needs, used: chosen.pricing.used },
    pools,
    toBuy: chosen.pricing.purchases.map((p) => ({
      version: family.versions[p.tier] as string,
      type: p.type,
      units: p.units,
      serves: p.serves.map((s) => ({
        version: family.versions[s.tier] as string,
        units: s.units,
      })),
      ...(p.purchase ? { purchase: p.purchase } : {}),
    })),
    trueCost,
    lowerBound: bound,
    exactness: exact ? ("optimal" as const) : ("best-found" as const),
    stats: { cuts, mipNodes },
    solverCanHelp: mipApplies && !solver && !exact,
    method: exact
      ? `real money: the cover and purchase found by ${how} cost what the proven lower bound allows, so they are optimal (${cutText}${searched}${structured}${solved})`
      : `real money: the best cover and purchase found (${how}) cost ${money - Math.min(lowerBound, money)} more than the proven lower bound (${cutText}${searched}${structured}${solved})`,
  };
}

interface Priced {
  readonly mix: CalMix;
  readonly pricing: NeedsPricing;
}

/** A cover's needs per type and tier, priced in real money. */
function priceMix(mix: CalMix, pools: readonly OwnedPool[], market: CalMarket): Priced {
  // Counted in arrays per type and tier: a cut at 100k users must not build a key per holder.
  const count = (tiers: ReadonlyMap<string, number>) => {
    const out = new Array<number>(market.tiers).fill(0);
    // The cut's own tiers are counted straight from their array (-1: no CAL).
    const values = tiers instanceof HolderTiers ? tiers.tiers : tiers.values();
    for (const t of values) if (t >= 0) out[t] = (out[t] as number) + 1;
    return out;
  };
  const users = count(mix.userTier);
  const devices = count(mix.deviceTier);
  const needs: Need[] = [];
  for (let tier = 0; tier < market.tiers; tier++) {
    if ((devices[tier] as number) > 0)
      needs.push({ type: "device", tier, count: devices[tier] as number });
    if ((users[tier] as number) > 0)
      needs.push({ type: "user", tier, count: users[tier] as number });
  }
  return { mix, pricing: priceCalNeeds(needs, pools, market) };
}

/**
 * Collapses demand items into one cover edge per (user, device) pair at the highest tier it needs, and
 * hands the holders it numbered to `internCoverEdges` (`rememberInternedEdges`): the cuts and the
 * counts hash no id again.
 */
function collapse(items: DemandList): CoverEdge[] {
  // Users and devices numbered once (`createHolderNumbering`), and the pairs found in an open-addressing
  // table of integers: no string built and no map per user (large estates have hundreds of thousands of
  // items), and no key past the small-integer range either. -1 stands for "no user" or "no device".
  // The deployment's own user and device numbers, when these are its demand items as derived (and the
  // list was not changed since: a number per item).
  const numbers = demandHolderNumbers(items);
  const known = numbers?.user.length === items.length ? numbers : undefined;
  const numbering = createHolderNumbering(items.length, known);
  let capacity = 16;
  while (capacity < 2 * items.length) capacity *= 2;
  const mask = capacity - 1;
  const slotUser = new Int32Array(capacity);
  const slotDevice = new Int32Array(capacity);
  const slotEdge = new Int32Array(capacity).fill(-1);
  const edges: CoverEdge[] = [];
  let lastUser: string | undefined;
  let lastU = -1;
  for (let k = 0; k < items.length; k++) {
    const i = items.at(k) as DemandItem;
    const user = i.deviceOnly ? undefined : i.user;
    const device = i.userOnly ? undefined : i.device;
    const tier = i.tier;
    let u = -1;
    if (user !== undefined) {
      if (user === lastUser) numbering.raiseUser(lastU, tier);
      else if (known) lastU = numbering.knownUser(known.user[k] as number, user, tier);
      else lastU = numbering.user(user, tier);
      lastUser = user;
      u = lastU;
    }
    const d =
      device === undefined
        ? -1
        : known
          ? numbering.knownDevice(known.device[k] as number, device, tier)
          : numbering.device(device, tier);
    if (u < 0 && d < 0) throw new Error("a cover edge needs a user or a device");
    const hash = Math.imul(u + 1, 0x9e3779b1) ^ Math.imul(d + 1, 0x85ebca77);
    let slot = (hash ^ (hash >>> 15)) & mask;
    while (slotEdge[slot] !== -1 && (slotUser[slot] !== u || slotDevice[slot] !== d))
      slot = (slot + 1) & mask;
    const at = slotEdge[slot] as number;
    if (at === -1) {
      // A pair's flags follow from which of its sides are set, so every item of the pair has the same.
      slotUser[slot] = u;
      slotDevice[slot] = d;
      slotEdge[slot] = edges.length;
      numbering.setEdge(edges.length, u, d, tier);
      // Built whole, one shape per case: adding fields afterwards costs a shape change per edge.
      const { deviceOnly, userOnly } = i;
      edges.push(
        user === undefined
          ? { device, tier, deviceOnly, userOnly }
          : device === undefined
            ? { user, tier, deviceOnly, userOnly }
            : { user, device, tier, deviceOnly, userOnly },
      );
    } else if ((edges[at] as CoverEdge).tier < tier) {
      numbering.raiseEdge(at, tier);
      (edges[at] as { tier: number }).tier = tier;
    }
  }
  rememberInternedEdges(edges, numbering.finish(edges.length));
  return edges;
}

/** The distinct users (or devices, for an item without a user) of a server's external items. */
function countExternalUsers(items: DemandList, server: string): number {
  const holders = new Set<string | undefined>();
  for (const it of items)
    if (it.external && it.server === server) holders.add(it.user ?? it.device);
  return holders.size;
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
