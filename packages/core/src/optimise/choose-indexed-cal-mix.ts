import { buildTierChainNetwork } from "./build-tier-chain-network.ts";
import type { TieBreak, TierCosts } from "./choose-cal-mix.ts";
import type { CoverCertificate } from "./cover-certificate.ts";
import { rememberCutFlow } from "./cut-flow.ts";
import {
  layOutTierChains,
  type TierChainEdges,
  type TierChainLayout,
} from "./graph/lay-out-tier-chains.ts";
import { solveMinCut } from "./graph/solve-min-cut.ts";
import {
  solveTierChainCut,
  type TierChainCapacities,
  type TierChainCut,
} from "./graph/solve-tier-chain-cut.ts";
import { verifyMinCut } from "./graph/verify-min-cut.ts";
import { verifyTierChainCut } from "./graph/verify-tier-chain-cut.ts";

/**
 * Cover edges over integer holder ids: users 0..userCount-1 and devices 0..deviceCount-1. Per edge, the
 * user and the device that can cover it (-1 when that side cannot) and the tier it needs; the highest tier
 * each holder must be able to reach (read from the edges when absent). The tier chains' edges, named.
 */
export interface IndexedCoverEdges extends TierChainEdges {
  /** Holder names, only for the messages of a cover that fails its check. */
  readonly userNames?: readonly string[];
  readonly deviceNames?: readonly string[];
}

/** The priced problem over integer ids: what each tier costs a user or a device, and tiers already held. */
export interface IndexedCalMixProblem {
  readonly edges: IndexedCoverEdges;
  readonly userCost: TierCosts;
  readonly deviceCost: TierCosts;
  /** Per user (device), the tier it already holds (free up to it), -1 when none; absent: none held. */
  readonly userHeld?: Int32Array;
  readonly deviceHeld?: Int32Array;
}

/** The cheapest cover over integer ids: per holder the tier of the CAL it gets, -1 when none. */
export interface IndexedCalMix {
  readonly userTier: Int32Array;
  readonly deviceTier: Int32Array;
  /** Sum of tier costs of the chosen CALs (without tie-break weights). */
  readonly cost: number;
  readonly tieBreak: TieBreak;
  readonly certificate: CoverCertificate;
}

const SAFE = 2 ** 52;

/**
 * `chooseCalMix` over integer holder ids (the entry for callers that interned their ids already: no string
 * is hashed and no map is built). Each user and device gets a chain of nodes, one per tier up to the highest
 * it needs; a node on the CAL side means "holds a CAL of this tier or later", chained so a higher tier implies
 * the lower ones, each carrying the price step to its tier. Ties are broken by scaled weights: fewer CALs,
 * then more user CALs, then older versions. The max flow is checked independently (`verifyMinCut`) and the
 * cover is checked against every edge.
 */
export function chooseIndexedCalMix(problem: IndexedCalMixProblem): IndexedCalMix {
  const { edges } = problem;
  const { userCount, deviceCount, edgeUser, edgeDevice, edgeTier } = edges;
  const edgeCount = edgeTier.length;
  // The implicit layout reads the tops in its own pass over the edges; without it (odd input), read here.
  const layout = tierChainLayoutOf(edges);
  const tops =
    layout !== undefined
      ? layout.graph
      : edges.userTop !== undefined && edges.deviceTop !== undefined
        ? { userTop: edges.userTop, deviceTop: edges.deviceTop }
        : highestTiers(edges);
  const { userTop, deviceTop } = tops;
  const users = sideOf(userCount, userTop, problem.userHeld, problem.userCost);
  const devices = sideOf(deviceCount, deviceTop, problem.deviceHeld, problem.deviceCost);

  const totalSteps = users.tierNodes + devices.tierNodes;
  const maxCostSum = users.costSum + devices.costSum;
  const holders = userCount + deviceCount;

  // Lexicographic tie weights: tier steps (1 each) < a device CAL (B) < any CAL (A); all below one unit of cost.
  const B = totalSteps + 1;
  const A = B * (deviceCount + 1) + totalSteps + 1;
  const options: { tieBreak: TieBreak; first: number; device: number; step: number }[] = [
    { tieBreak: "count-then-user-then-older-version", first: A, device: B, step: 1 },
    { tieBreak: "count-then-user", first: deviceCount + 1, device: 1, step: 0 },
    { tieBreak: "count", first: 1, device: 0, step: 0 },
    { tieBreak: "none", first: 0, device: 0, step: 0 },
  ];
  let chosen = options[3] as (typeof options)[number];
  let scale = 1;
  let fits = false;
  for (const o of options) {
    const tieMax = holders * (o.first + o.device) + totalSteps * o.step;
    const s = tieMax + 1;
    if ((maxCostSum + 1) * s + tieMax < SAFE) {
      chosen = o;
      scale = s;
      fits = true;
      break;
    }
  }

  // The priced arcs: the price step scaled, plus the tie weight of a first CAL (tier 0) or of a step.
  const userCapacity = capacityOf(users, scale, chosen.first, chosen.step);
  const deviceCapacity = capacityOf(devices, scale, chosen.first + chosen.device, chosen.step);
  const solved =
    (fits && layout !== undefined
      ? solveImplicitly(layout, userCapacity, deviceCapacity)
      : undefined) ?? solveExplicitly(edges, userTop, deviceTop, users, devices, scale, chosen);

  // A user's tier node holds its CAL on the sink side, a device's on the source side.
  const userTier = new Int32Array(userCount).fill(-1);
  const deviceTier = new Int32Array(deviceCount).fill(-1);
  const cost =
    readTiers(users, solved.userFirst, solved.sourceSide, 0, userTier) +
    readTiers(devices, solved.deviceFirst, solved.sourceSide, 1, deviceTier);
  const problems = [...solved.problems];
  // Every edge covered. A valid certificate proves it already: no infinite arc crosses the cut forwards,
  // so each holder's CAL-side tier nodes are a run from tier 0 (its chain arcs) and each edge's user tier
  // is on the sink side or its device tier on the source side (its own arc), which is what the tiers
  // read above say. A certificate that fails is read edge by edge, so the message names the edges.
  for (let e = 0; problems.length > 0 && e < edgeCount; e++) {
    const tier = edgeTier[e] as number;
    const u = edgeUser[e] as number;
    const d = edgeDevice[e] as number;
    const ut = u >= 0 ? (userTier[u] as number) : -1;
    const dt = d >= 0 ? (deviceTier[d] as number) : -1;
    if (ut < tier && dt < tier)
      problems.push(
        `edge ${nameOf(edges.userNames, u)}/${nameOf(edges.deviceNames, d)} tier ${tier} is not covered`,
      );
  }
  // The checked flow, for the bound that reads it (`bound-by-cut-flow.ts`); the tie weights add up to less
  // than `scale` (`tieMax` above).
  if (solved.flow && layout && problems.length === 0 && !problem.userHeld && !problem.deviceHeld)
    rememberCutFlow(userTier, {
      layout,
      cut: solved.flow,
      capacities: { user: userCapacity, device: deviceCapacity },
      scale,
      tieTotal: scale - 1,
    });
  return {
    userTier,
    deviceTier,
    cost,
    tieBreak: chosen.tieBreak,
    certificate: {
      nodes: solved.nodes,
      arcs: solved.arcs,
      maxFlow: solved.value,
      cutCapacity: solved.cutCapacity,
      scale,
      verified: problems.length === 0,
      problems,
    },
  };
}

/** A holder's name for a message: its name when known, else `#index`; "-" for no holder. */
function nameOf(names: readonly string[] | undefined, index: number): string {
  if (index < 0) return "-";
  return names?.[index] ?? `#${index}`;
}

/** Per user and device, the highest tier of its edges (-1: no edges, so no chain), in one pass. */
function highestTiers(edges: IndexedCoverEdges): { userTop: Int32Array; deviceTop: Int32Array } {
  const { edgeUser, edgeDevice, edgeTier } = edges;
  const userTop = new Int32Array(edges.userCount).fill(-1);
  const deviceTop = new Int32Array(edges.deviceCount).fill(-1);
  for (let e = 0; e < edgeTier.length; e++) {
    const tier = edgeTier[e] as number;
    const u = edgeUser[e] as number;
    const d = edgeDevice[e] as number;
    if (u >= 0 && tier > (userTop[u] as number)) userTop[u] = tier;
    if (d >= 0 && tier > (deviceTop[d] as number)) deviceTop[d] = tier;
  }
  return { userTop, deviceTop };
}

/**
 * One side of the cover (users or devices): each holder's highest tier, the tier it holds (absent: none),
 * the prices, the price step to each tier for a holder holding nothing (computed and checked once), and
 * the side's tier nodes and what all their steps cost together.
 */
interface Side {
  readonly count: number;
  readonly top: Int32Array;
  readonly held: Int32Array | undefined;
  readonly costs: TierCosts;
  readonly steps: Float64Array;
  readonly tierNodes: number;
  readonly costSum: number;
}

function sideOf(
  count: number,
  top: Int32Array,
  held: Int32Array | undefined,
  costs: TierCosts,
): Side {
  const steps = stepTable(costs, top);
  // Holders per highest tier, so the steps of holders holding nothing are summed per tier, not per node.
  const withTop = new Float64Array(steps.length);
  let tierNodes = 0;
  let costSum = 0;
  for (let h = 0; h < count; h++) {
    const hTop = top[h] as number;
    tierNodes += hTop + 1;
    const heldTier = held === undefined ? -1 : (held[h] as number);
    if (heldTier < 0) {
      if (hTop >= 0) withTop[hTop] = (withTop[hTop] as number) + 1;
    } else {
      for (let k = 0; k <= hTop; k++) costSum += stepOf(costs, steps, heldTier, k);
    }
  }
  let reaching = 0;
  for (let k = steps.length - 1; k >= 0; k--) {
    reaching += withTop[k] as number;
    if (reaching > 0) costSum += stepOf(costs, steps, -1, k) * reaching;
  }
  return { count, top, held, costs, steps, tierNodes, costSum };
}

/** The price step to tier k for holder h of the side: the side's table unless h holds a tier. */
function stepOfHolder(side: Side, h: number, k: number): number {
  const heldTier = side.held === undefined ? -1 : (side.held[h] as number);
  return heldTier < 0 ? (side.steps[k] as number) : stepOf(side.costs, side.steps, heldTier, k);
}

/**
 * Writes the side's priced arcs from `arc` on, in `buildTierChainNetwork`'s order (per holder, tier k's priced
 * arc, then its chain arc, which stays infinite): the price step scaled, plus `firstTie` on tier 0 and
 * `stepTie` on the others. Returns the arc after the side's last.
 */
function writePricedArcs(
  side: Side,
  arcCapacity: Float64Array,
  arc: number,
  scale: number,
  firstTie: number,
  stepTie: number,
): number {
  let next = arc;
  for (let h = 0; h < side.count; h++) {
    const top = side.top[h] as number;
    for (let k = 0; k <= top; k++) {
      arcCapacity[next] = stepOfHolder(side, h, k) * scale + (k === 0 ? firstTie : stepTie);
      next += k < top ? 2 : 1;
    }
  }
  return next;
}

/**
 * Each holder's tier from the cut (the highest tier whose node is on `calSide`, -1 for none) into `tiers`;
 * returns what the side's chosen CALs cost.
 */
function readTiers(
  side: Side,
  first: Int32Array,
  sourceSide: Uint8Array,
  calSide: number,
  tiers: Int32Array,
): number {
  let cost = 0;
  for (let h = 0; h < side.count; h++) {
    const start = first[h] as number;
    const top = side.top[h] as number;
    let tier = -1;
    for (let k = 0; k <= top; k++) if (sourceSide[start + k] === calSide) tier = k;
    if (tier >= 0) {
      tiers[h] = tier;
      for (let k = 0; k <= tier; k++) cost += stepOfHolder(side, h, k);
    }
  }
  return cost;
}

/** The price step to each tier k (cost(k) - cost(k-1)) for a holder holding nothing, up to the highest top. */
function stepTable(costs: TierCosts, tops: Int32Array): Float64Array {
  let highest = -1;
  for (let h = 0; h < tops.length; h++)
    if ((tops[h] as number) > highest) highest = tops[h] as number;
  const steps = new Float64Array(highest + 1);
  for (let k = 0; k <= highest; k++)
    steps[k] = (costs[k] ?? Number.NaN) - (k === 0 ? 0 : (costs[k - 1] ?? Number.NaN));
  return steps;
}

/** The price step to tier k for a holder that already holds tier `heldTier` (free up to it). */
function stepOf(costs: TierCosts, steps: Float64Array, heldTier: number, k: number): number {
  const step =
    k <= heldTier ? 0 : k === heldTier + 1 ? (costs[k] ?? Number.NaN) : (steps[k] as number);
  if (!(step >= 0) || !Number.isSafeInteger(step))
    throw new RangeError(`tier costs must be non-decreasing safe integers; tier ${k}: ${step}`);
  return step;
}

/** A solved and checked cut: where each holder's tier nodes are, the source side, and the check's verdict. */
interface SolvedCut {
  readonly userFirst: Int32Array;
  readonly deviceFirst: Int32Array;
  readonly sourceSide: Uint8Array;
  readonly value: number;
  /** The cut's capacity: `value` when the certificate is valid (the check summed it), else summed again. */
  readonly cutCapacity: number;
  readonly nodes: number;
  readonly arcs: number;
  readonly problems: readonly string[];
  /** The maximum flow, when the implicit cut found it (`solveTierChainCut`). */
  readonly flow?: TierChainCut;
}

// The Lagrangian search solves the same edges again and again with other prices: lay them out once.
const layoutCache = new WeakMap<IndexedCoverEdges, TierChainLayout | null>();

/** The edges' implicit tier-chain layout, once per edges object; undefined when it does not take them. */
function tierChainLayoutOf(edges: IndexedCoverEdges): TierChainLayout | undefined {
  let layout = layoutCache.get(edges);
  if (layout === undefined) {
    layout = layOutTierChains(edges) ?? null;
    layoutCache.set(edges, layout);
  }
  return layout ?? undefined;
}

/**
 * The cut over the implicit tier chains (`solveTierChainCut`, checked by `verifyTierChainCut`), or
 * undefined when it gives up: then `solveExplicitly` solves it.
 */
function solveImplicitly(
  layout: TierChainLayout,
  user: (holder: number, tier: number) => number,
  device: (holder: number, tier: number) => number,
): SolvedCut | undefined {
  const capacities = { user, device };
  const cut = solveTierChainCut(layout, capacities);
  if (cut === undefined) return undefined;
  const check = verifyTierChainCut(layout, capacities, cut);
  return {
    userFirst: layout.userFirst,
    deviceFirst: layout.deviceFirst,
    sourceSide: cut.sourceSide,
    value: cut.value,
    cutCapacity: check.valid ? cut.value : implicitCutCapacity(layout, capacities, cut.sourceSide),
    nodes: layout.nodeCount,
    arcs: layout.arcCount,
    problems: check.valid ? [] : check.problems,
    flow: cut,
  };
}

/**
 * The generic path: the explicit tier-chain network (laid out once per edge set, `buildTierChainNetwork`),
 * its priced arcs written, solved by `solveMinCut` and checked by `verifyMinCut`.
 */
function solveExplicitly(
  edges: IndexedCoverEdges,
  userTop: Int32Array,
  deviceTop: Int32Array,
  users: Side,
  devices: Side,
  scale: number,
  chosen: { readonly first: number; readonly device: number; readonly step: number },
): SolvedCut {
  // The network's arcs are laid out once per edges object; only the priced arcs are written here, in the
  // same order: per holder, tier k's priced arc, then its chain arc (infinite).
  const chains = buildTierChainNetwork(edges, userTop, deviceTop);
  const { network } = chains;
  const arcCapacity = network.arcCapacity;
  const deviceArcs = writePricedArcs(users, arcCapacity, 0, scale, chosen.first, chosen.step);
  writePricedArcs(
    devices,
    arcCapacity,
    deviceArcs,
    scale,
    chosen.first + chosen.device,
    chosen.step,
  );
  const cut = solveMinCut(network, chains.workspace);
  const check = verifyMinCut(network, cut);
  return {
    userFirst: chains.userFirst,
    deviceFirst: chains.deviceFirst,
    sourceSide: cut.sourceSide,
    value: cut.value,
    cutCapacity: check.valid ? cut.value : cutCapacity(network, cut.sourceSide),
    nodes: network.nodeCount,
    arcs: network.arcFrom.length,
    problems: check.valid ? [] : check.problems,
  };
}

/**
 * The capacity of holder h's tier-k priced arc on one side: its price step scaled, plus `firstTie` on
 * tier 0 and `stepTie` on the others (a table per tier for holders holding nothing).
 */
function capacityOf(
  side: Side,
  scale: number,
  firstTie: number,
  stepTie: number,
): (holder: number, tier: number) => number {
  const wide = new Float64Array(side.steps.length);
  let fitsInt32 = true;
  for (let k = 0; k < wide.length; k++) {
    wide[k] = (side.steps[k] as number) * scale + (k === 0 ? firstTie : stepTie);
    const capacity = wide[k] as number;
    if (!(Number.isInteger(capacity) && capacity >= 0 && capacity <= 0x7fffffff)) fitsInt32 = false;
  }
  // Int32 when every capacity fits (a read of it is then a small integer, not a boxed double: the cut
  // reads these a few times per edge, much of it before its loops are optimised).
  const table = fitsInt32 ? Int32Array.from(wide) : wide;
  const held = side.held;
  if (held === undefined) return (_holder, tier) => table[tier] as number;
  return (holder, tier) =>
    (held[holder] as number) < 0
      ? (table[tier] as number)
      : stepOfHolder(side, holder, tier) * scale + (tier === 0 ? firstTie : stepTie);
}

/** The capacity of the priced arcs the cut crosses (a cut that failed its check, for the message). */
function implicitCutCapacity(
  layout: TierChainLayout,
  capacities: TierChainCapacities,
  side: Uint8Array,
): number {
  const { userTop, deviceTop } = layout.graph;
  let total = 0;
  for (let u = 0; u < userTop.length; u++)
    for (let k = 0; k <= (userTop[u] as number); k++)
      if (side[(layout.userFirst[u] as number) + k] === 0) total += capacities.user(u, k);
  for (let d = 0; d < deviceTop.length; d++)
    for (let k = 0; k <= (deviceTop[d] as number); k++)
      if (side[(layout.deviceFirst[d] as number) + k] === 1) total += capacities.device(d, k);
  return total;
}

function cutCapacity(
  network: { arcFrom: Int32Array; arcTo: Int32Array; arcCapacity: Float64Array },
  side: Uint8Array,
): number {
  let total = 0;
  for (let i = 0; i < network.arcFrom.length; i++)
    if (side[network.arcFrom[i] as number] === 1 && side[network.arcTo[i] as number] === 0)
      total += network.arcCapacity[i] as number;
  return total;
}
