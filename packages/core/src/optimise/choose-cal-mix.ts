import { createFlowNetworkBuilder } from "./graph/build-flow-network.ts";
import { solveMinCut } from "./graph/solve-min-cut.ts";
import { verifyMinCut } from "./graph/verify-min-cut.ts";

/** One pair to cover: the user or the device needs a CAL of at least `tier`. */
export interface CoverEdge {
  readonly user?: string;
  readonly device?: string;
  readonly tier: number;
  /** Only a device CAL can cover it (unattended device, or no user). */
  readonly deviceOnly: boolean;
  /** Only a user CAL can cover it (no device named). */
  readonly userOnly: boolean;
}

/** Cost of holding a CAL of tier k or later, per tier: non-decreasing in k. Integer weights. */
export type TierCosts = readonly number[];

/** The priced problem for one CAL family: edges to cover and what each tier costs a user or a device. */
export interface CalMixProblem {
  readonly edges: readonly CoverEdge[];
  readonly userCost: TierCosts;
  readonly deviceCost: TierCosts;
  /** Holders that already hold a CAL of at least this tier (assigned entitlements): free up to it. */
  readonly heldTier?: ReadonlyMap<string, number>;
}

/** Which tie-break the weights could carry exactly (float64 flows are exact below 2^53). */
export type TieBreak = "count-then-user-then-older-version" | "count-then-user" | "count" | "none";

/** The cheapest cover: for each holder the CAL tier it gets, with the min-cut certificate. */
export interface CalMix {
  readonly userTier: ReadonlyMap<string, number>;
  readonly deviceTier: ReadonlyMap<string, number>;
  /** Sum of tier costs of the chosen CALs (without tie-break weights). */
  readonly cost: number;
  readonly tieBreak: TieBreak;
  readonly certificate: {
    readonly nodes: number;
    readonly arcs: number;
    /** Max-flow value in scaled weights = capacity of the cut; equal means the cover is minimal. */
    readonly maxFlow: number;
    readonly cutCapacity: number;
    readonly scale: number;
    readonly verified: boolean;
    readonly problems: readonly string[];
  };
}

const SAFE = 2 ** 52;

/**
 * Finds the exact minimum-cost user/device CAL cover with version tiers as one minimum cut.
 * Each user and device gets a chain of nodes, one per tier up to the highest it needs; a node on the CAL side
 * means "holds a CAL of this tier or later", chained so a higher tier implies the lower ones, each carrying the
 * price step to its tier. Ties are broken by scaled weights: fewer CALs, then more user CALs, then older versions.
 * The max flow is checked independently (`verifyMinCut`) and the cover is checked against every edge.
 */
export function chooseCalMix(problem: CalMixProblem): CalMix {
  const userTop = new Map<string, number>();
  const deviceTop = new Map<string, number>();
  for (const e of problem.edges) {
    if (e.user !== undefined && !e.deviceOnly)
      userTop.set(e.user, Math.max(userTop.get(e.user) ?? -1, e.tier));
    if (e.device !== undefined && !e.userOnly)
      deviceTop.set(e.device, Math.max(deviceTop.get(e.device) ?? -1, e.tier));
  }
  const held = problem.heldTier ?? new Map<string, number>();
  const stepOf = (costs: TierCosts, holder: string, k: number): number => {
    const heldTier = held.get(holder) ?? -1;
    const cost = (t: number): number => (t < 0 ? 0 : t <= heldTier ? 0 : (costs[t] ?? Number.NaN));
    const step = cost(k) - cost(k - 1);
    if (!(step >= 0) || !Number.isSafeInteger(step))
      throw new RangeError(`tier costs must be non-decreasing safe integers; tier ${k}: ${step}`);
    return step;
  };

  let totalSteps = 0;
  for (const t of userTop.values()) totalSteps += t + 1;
  for (const t of deviceTop.values()) totalSteps += t + 1;
  const holders = userTop.size + deviceTop.size;
  let maxCostSum = 0;
  for (const [u, t] of userTop)
    for (let k = 0; k <= t; k++) maxCostSum += stepOf(problem.userCost, u, k);
  for (const [d, t] of deviceTop)
    for (let k = 0; k <= t; k++) maxCostSum += stepOf(problem.deviceCost, d, k);

  // Lexicographic tie weights: tier steps (1 each) < a device CAL (B) < any CAL (A); all below one unit of cost.
  const B = totalSteps + 1;
  const A = B * (deviceTop.size + 1) + totalSteps + 1;
  const options: { tieBreak: TieBreak; first: number; device: number; step: number }[] = [
    { tieBreak: "count-then-user-then-older-version", first: A, device: B, step: 1 },
    { tieBreak: "count-then-user", first: deviceTop.size + 1, device: 1, step: 0 },
    { tieBreak: "count", first: 1, device: 0, step: 0 },
    { tieBreak: "none", first: 0, device: 0, step: 0 },
  ];
  let chosen = options[3] as (typeof options)[number];
  let scale = 1;
  for (const o of options) {
    const tieMax = holders * (o.first + o.device) + totalSteps * o.step;
    const s = tieMax + 1;
    if ((maxCostSum + 1) * s + tieMax < SAFE) {
      chosen = o;
      scale = s;
      break;
    }
  }

  const builder = createFlowNetworkBuilder(2 + totalSteps);
  const source = builder.addNode();
  const sink = builder.addNode();
  const userNodes = new Map<string, number>(); // first node id of the chain; tier k at first + k
  const deviceNodes = new Map<string, number>();
  for (const [u, top] of userTop) {
    const first = builder.addNode();
    for (let k = 1; k <= top; k++) builder.addNode();
    userNodes.set(u, first);
    for (let k = 0; k <= top; k++) {
      const tie = (k === 0 ? chosen.first : 0) + (k > 0 ? chosen.step : 0);
      builder.addArc(source, first + k, stepOf(problem.userCost, u, k) * scale + tie);
      if (k < top) builder.addArc(first + k, first + k + 1, Number.POSITIVE_INFINITY);
    }
  }
  for (const [d, top] of deviceTop) {
    const first = builder.addNode();
    for (let k = 1; k <= top; k++) builder.addNode();
    deviceNodes.set(d, first);
    for (let k = 0; k <= top; k++) {
      const tie = (k === 0 ? chosen.first + chosen.device : 0) + (k > 0 ? chosen.step : 0);
      builder.addArc(first + k, sink, stepOf(problem.deviceCost, d, k) * scale + tie);
      if (k < top) builder.addArc(first + k + 1, first + k, Number.POSITIVE_INFINITY);
    }
  }
  for (const e of problem.edges) {
    const u = e.user !== undefined && !e.deviceOnly ? userNodes.get(e.user) : undefined;
    const d = e.device !== undefined && !e.userOnly ? deviceNodes.get(e.device) : undefined;
    if (u !== undefined && d !== undefined)
      builder.addArc(u + e.tier, d + e.tier, Number.POSITIVE_INFINITY);
    else if (d !== undefined) builder.addArc(source, d + e.tier, Number.POSITIVE_INFINITY);
    else if (u !== undefined) builder.addArc(u + e.tier, sink, Number.POSITIVE_INFINITY);
    else throw new Error("a cover edge needs a user or a device");
  }
  const network = builder.build(source, sink);
  const cut = solveMinCut(network);
  const check = verifyMinCut(network, cut);

  const userTier = new Map<string, number>();
  const deviceTier = new Map<string, number>();
  let cost = 0;
  for (const [u, first] of userNodes) {
    const top = userTop.get(u) as number;
    let tier = -1;
    for (let k = 0; k <= top; k++) if (cut.sourceSide[first + k] === 0) tier = k;
    if (tier >= 0) {
      userTier.set(u, tier);
      for (let k = 0; k <= tier; k++) cost += stepOf(problem.userCost, u, k);
    }
  }
  for (const [d, first] of deviceNodes) {
    const top = deviceTop.get(d) as number;
    let tier = -1;
    for (let k = 0; k <= top; k++) if (cut.sourceSide[first + k] === 1) tier = k;
    if (tier >= 0) {
      deviceTier.set(d, tier);
      for (let k = 0; k <= tier; k++) cost += stepOf(problem.deviceCost, d, k);
    }
  }
  const problems = check.valid ? [] : [...check.problems];
  for (const e of problem.edges) {
    const ut = e.user !== undefined && !e.deviceOnly ? (userTier.get(e.user) ?? -1) : -1;
    const dt = e.device !== undefined && !e.userOnly ? (deviceTier.get(e.device) ?? -1) : -1;
    if (ut < e.tier && dt < e.tier)
      problems.push(`edge ${e.user ?? "-"}/${e.device ?? "-"} tier ${e.tier} is not covered`);
  }
  return {
    userTier,
    deviceTier,
    cost,
    tieBreak: chosen.tieBreak,
    certificate: {
      nodes: network.nodeCount,
      arcs: network.arcFrom.length,
      maxFlow: cut.value,
      cutCapacity: cutCapacity(network, cut.sourceSide),
      scale,
      verified: problems.length === 0,
      problems,
    },
  };
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
