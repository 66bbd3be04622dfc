import { buildTierChainNetwork } from "./build-tier-chain-network.ts";
import type { CoverCertificate } from "./cover-certificate.ts";
import { solveMinCut } from "./graph/solve-min-cut.ts";
import { verifyMinCut } from "./graph/verify-min-cut.ts";
import { internCoverEdges } from "./intern-cover-edges.ts";

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
  readonly certificate: CoverCertificate;
}

const SAFE = 2 ** 52;

/**
 * Finds the exact minimum-cost user/device CAL cover with version tiers as one minimum cut.
 * Each user and device gets a chain of nodes, one per tier up to the highest it needs; a node on the CAL side
 * means "holds a CAL of this tier or later", chained so a higher tier implies the lower ones, each carrying the
 * price step to its tier. Ties are broken by scaled weights: fewer CALs, then more user CALs, then older versions.
 * The max flow is checked independently (`verifyMinCut`) and the cover is checked against every edge.
 * Ids are interned once and the network is written straight into typed arrays: millions of edges cost
 * a few map look-ups each, not objects or closures. Its arcs and the solver's working arrays are kept per
 * edge array, so the Lagrangian search's further cuts over the same edges only rewrite the prices.
 */
export function chooseCalMix(problem: CalMixProblem): CalMix {
  const { edges } = problem;
  const interned = internCoverEdges(edges);
  const { userNames, deviceNames, userTop, deviceTop, edgeUser, edgeDevice } = interned;
  const userCount = userNames.length;
  const deviceCount = deviceNames.length;
  const held = problem.heldTier;
  const userHeld = heldTiers(userNames, held);
  const deviceHeld = heldTiers(deviceNames, held);
  const userSteps = stepTable(problem.userCost, userTop);
  const deviceSteps = stepTable(problem.deviceCost, deviceTop);

  let totalSteps = 0;
  let maxCostSum = 0;
  for (let u = 0; u < userCount; u++) {
    const top = userTop[u] as number;
    totalSteps += top + 1;
    for (let k = 0; k <= top; k++)
      maxCostSum += stepOf(problem.userCost, userSteps, userHeld[u] as number, k);
  }
  for (let d = 0; d < deviceCount; d++) {
    const top = deviceTop[d] as number;
    totalSteps += top + 1;
    for (let k = 0; k <= top; k++)
      maxCostSum += stepOf(problem.deviceCost, deviceSteps, deviceHeld[d] as number, k);
  }
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
  for (const o of options) {
    const tieMax = holders * (o.first + o.device) + totalSteps * o.step;
    const s = tieMax + 1;
    if ((maxCostSum + 1) * s + tieMax < SAFE) {
      chosen = o;
      scale = s;
      break;
    }
  }

  // The network's arcs are laid out once per edge array (`buildTierChainNetwork`); only the priced arcs
  // are written here, in the same order: per holder, tier k's priced arc, then its chain arc (infinite).
  const chains = buildTierChainNetwork(edges, interned);
  const { network, userFirst, deviceFirst } = chains;
  const arcCapacity = network.arcCapacity;
  let arc = 0;
  for (let u = 0; u < userCount; u++) {
    const top = userTop[u] as number;
    for (let k = 0; k <= top; k++) {
      const tie = (k === 0 ? chosen.first : 0) + (k > 0 ? chosen.step : 0);
      arcCapacity[arc] =
        stepOf(problem.userCost, userSteps, userHeld[u] as number, k) * scale + tie;
      arc += k < top ? 2 : 1;
    }
  }
  for (let d = 0; d < deviceCount; d++) {
    const top = deviceTop[d] as number;
    for (let k = 0; k <= top; k++) {
      const tie = (k === 0 ? chosen.first + chosen.device : 0) + (k > 0 ? chosen.step : 0);
      arcCapacity[arc] =
        stepOf(problem.deviceCost, deviceSteps, deviceHeld[d] as number, k) * scale + tie;
      arc += k < top ? 2 : 1;
    }
  }
  const cut = solveMinCut(network, chains.workspace);
  const check = verifyMinCut(network, cut);

  const userTier = new Map<string, number>();
  const deviceTier = new Map<string, number>();
  const userChosen = new Int32Array(userCount).fill(-1);
  const deviceChosen = new Int32Array(deviceCount).fill(-1);
  let cost = 0;
  for (let u = 0; u < userCount; u++) {
    const first = userFirst[u] as number;
    const top = userTop[u] as number;
    let tier = -1;
    for (let k = 0; k <= top; k++) if (cut.sourceSide[first + k] === 0) tier = k;
    if (tier >= 0) {
      userChosen[u] = tier;
      userTier.set(userNames[u] as string, tier);
      for (let k = 0; k <= tier; k++)
        cost += stepOf(problem.userCost, userSteps, userHeld[u] as number, k);
    }
  }
  for (let d = 0; d < deviceCount; d++) {
    const first = deviceFirst[d] as number;
    const top = deviceTop[d] as number;
    let tier = -1;
    for (let k = 0; k <= top; k++) if (cut.sourceSide[first + k] === 1) tier = k;
    if (tier >= 0) {
      deviceChosen[d] = tier;
      deviceTier.set(deviceNames[d] as string, tier);
      for (let k = 0; k <= tier; k++)
        cost += stepOf(problem.deviceCost, deviceSteps, deviceHeld[d] as number, k);
    }
  }
  const problems = check.valid ? [] : [...check.problems];
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e] as CoverEdge;
    const u = edgeUser[e] as number;
    const d = edgeDevice[e] as number;
    const ut = u >= 0 ? (userChosen[u] as number) : -1;
    const dt = d >= 0 ? (deviceChosen[d] as number) : -1;
    if (ut < edge.tier && dt < edge.tier)
      problems.push(
        `edge ${edge.user ?? "-"}/${edge.device ?? "-"} tier ${edge.tier} is not covered`,
      );
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

/** Each holder's already-held tier (-1 when none). */
function heldTiers(names: readonly string[], held: ReadonlyMap<string, number> | undefined) {
  const tiers = new Int32Array(names.length).fill(-1);
  if (held === undefined || held.size === 0) return tiers;
  for (let i = 0; i < names.length; i++) tiers[i] = held.get(names[i] as string) ?? -1;
  return tiers;
}

/** The price step to each tier k (cost(k) - cost(k-1)) for a holder holding nothing, up to the highest top. */
function stepTable(costs: TierCosts, tops: Int32Array): Float64Array {
  let highest = -1;
  for (const top of tops) if (top > highest) highest = top;
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
