import type { TierChainLayout } from "./lay-out-tier-chains.ts";
import type { TierChainCapacities, TierChainCut } from "./solve-tier-chain-cut.ts";
import type { MinCutVerdict } from "./verify-min-cut.ts";

/** Enough to diagnose; a badly broken certificate of a million arcs should not yield a million strings. */
const maxProblemsListed = 20;

/**
 * `verifyMinCut` over the implicit tier-chain network (`layOutTierChains`), arc by arc in the order the
 * explicit network has them, without building it: every flow within 0..capacity (infinite arcs: at least
 * 0; a chain arc past a holder's top does not exist, so its flow must be 0), every node but source and
 * sink conserved, the source sending `cut.value`, the cut separating source from sink, crossing no
 * infinite arc forwards, with capacity `cut.value`. A flow and a cut of equal value are both optimal.
 * It shares nothing with `solveTierChainCut` but the layout, and checks optimality, not minimality.
 */
export function verifyTierChainCut(
  layout: TierChainLayout,
  capacities: TierChainCapacities,
  cut: TierChainCut,
): MinCutVerdict {
  const { nodeCount } = layout;
  const { edgeTier } = layout.graph;
  const { value, pricedFlow, chainFlow, edgeFlow, sourceSide } = cut;
  const problems: string[] = [];
  let omitted = 0;
  const report = (problem: string) => {
    if (problems.length < maxProblemsListed) problems.push(problem);
    else omitted++;
  };
  if (pricedFlow.length !== nodeCount || chainFlow.length !== nodeCount) {
    return invalid([
      `the flows have ${pricedFlow.length} and ${chainFlow.length} entries for ${nodeCount} nodes`,
    ]);
  }
  if (edgeFlow.length !== edgeTier.length) {
    return invalid([`edgeFlow has ${edgeFlow.length} entries for ${edgeTier.length} edges`]);
  }
  if (sourceSide.length !== nodeCount) {
    return invalid([`sourceSide has ${sourceSide.length} entries for ${nodeCount} nodes`]);
  }
  // Each kind of arc in its own pass (and function, so each loop is optimised on its own): the edges
  // first, their flows summed per node, then each chain, whose nodes' conservation is checked as it is
  // read (each node's chain and priced arcs are its holder's own), so no pass over the nodes is left.
  const netOutflow = new Float64Array(nodeCount);
  const edges = checkEdges(layout, cut, netOutflow, report);
  const users = checkChains(layout, 0, capacities.user, cut, netOutflow, report);
  const devices = checkChains(layout, 1, capacities.device, cut, netOutflow, report);
  const totalFlow = users.totalFlow + devices.totalFlow + edges;
  const cutCapacity = users.cutCapacity + devices.cutCapacity;
  if (totalFlow > Number.MAX_SAFE_INTEGER) {
    report(`the flows add up to ${totalFlow}, beyond 2^53-1 where float64 sums stop being exact`);
  }
  // The source's arcs: the users' priced arcs and the edges no user covers (summed by checkEdges).
  const sourceOutflow = (netOutflow[0] as number) + users.pricedFlow;
  if (sourceOutflow !== value) {
    report(`the source sends out ${sourceOutflow}, but the value claimed is ${value}`);
  }
  if (sourceSide[0] !== 1) report("the source is not on the source side");
  if (sourceSide[1] !== 0) report("the sink is on the source side");
  if (cutCapacity !== value) {
    report(`the cut has capacity ${cutCapacity}, but the value claimed is ${value}`);
  }
  if (omitted > 0) problems.push(`… and ${omitted} more problems`);
  return problems.length === 0 ? { valid: true } : { valid: false, problems };
}

/**
 * One side's chains: users (side 0: source -> tier k priced, tier k -> k + 1 infinite) or devices (side 1:
 * tier k -> sink priced, tier k + 1 -> k infinite). Checks each arc's flow and each tier node's
 * conservation (its edges' net outflow already in `netOutflow`, from `checkEdges`) and side, and returns
 * the flows' sum, the priced arcs' (the source's outflow or the sink's inflow) and the capacity of the
 * priced arcs the cut crosses (source 0, sink 1).
 */
function checkChains(
  layout: TierChainLayout,
  side: 0 | 1,
  capacity: (holder: number, tier: number) => number,
  cut: TierChainCut,
  netOutflow: Float64Array,
  report: (problem: string) => void,
): { totalFlow: number; pricedFlow: number; cutCapacity: number } {
  const tops = side === 0 ? layout.graph.userTop : layout.graph.deviceTop;
  const firsts = side === 0 ? layout.userFirst : layout.deviceFirst;
  const name = side === 0 ? "user" : "device";
  // A user's priced arc enters its tier node, a device's leaves it; a user's chain arc k -> k + 1 leaves
  // tier k, a device's k + 1 -> k enters it.
  const sign = side === 0 ? -1 : 1;
  const { pricedFlow, chainFlow, sourceSide } = cut;
  let totalFlow = 0;
  let cutCapacity = 0;
  let pricedNet = 0;
  for (let h = 0; h < tops.length; h++) {
    const first = firsts[h] as number;
    const top = tops[h] as number;
    // Summed per holder first: a holder's flows stay small integers, and a double summed in a loop not
    // yet optimised allocates a number each time.
    let flowHere = 0;
    let pricedHere = 0;
    // The flow of the chain arc between tier k - 1 and k (0 below tier 0).
    let below = 0;
    for (let k = 0; k <= top; k++) {
      const v = first + k;
      const arcCapacity = capacity(h, k);
      const amount = pricedFlow[v] as number;
      // A message is written only for a check that fails: a template per arc would cost more than the checks.
      if (!(amount >= 0 && amount <= arcCapacity && Number.isSafeInteger(amount)))
        report(
          `the priced arc of ${name} ${h} tier ${k} carries ${amount}, outside 0..${arcCapacity}`,
        );
      flowHere += amount;
      pricedHere += amount;
      const at = sourceSide[v] as number;
      if (at === side) cutCapacity += arcCapacity;
      else if (at !== 0 && at !== 1) report(`sourceSide[${v}] is ${at}, not 0 or 1`);
      let chain = chainFlow[v] as number;
      if (k === top) {
        if (chain !== 0) report(`${name} ${h} has flow ${chain} above its top tier`);
        chain = 0;
      } else {
        if (!(chain >= 0 && Number.isSafeInteger(chain)))
          report(`the chain arc of ${name} ${h} tiers ${k}-${k + 1} carries ${chain}`);
        flowHere += chain;
        // Users: v -> v + 1; devices: v + 1 -> v.
        const from = side === 0 ? v : v + 1;
        const to = side === 0 ? v + 1 : v;
        if (sourceSide[from] === 1 && sourceSide[to] !== 1)
          report(
            `the infinite chain arc of ${name} ${h} tiers ${k}-${k + 1} crosses the cut forwards`,
          );
      }
      const net = (netOutflow[v] as number) + sign * (amount + below - chain);
      if (net !== 0) report(`node ${v} is not conserved: net outflow ${net}`);
      below = chain;
    }
    totalFlow += flowHere;
    pricedNet += pricedHere;
  }
  return { totalFlow, pricedFlow: pricedNet, cutCapacity };
}

/**
 * The edges' arcs: user tier t -> device tier t (the source when no user covers it, the sink when no
 * device does), infinite. Their tiers are within both chains (`layOutTierChains` refuses the rest).
 * Returns the flows' sum.
 */
function checkEdges(
  layout: TierChainLayout,
  cut: TierChainCut,
  netOutflow: Float64Array,
  report: (problem: string) => void,
): number {
  const { edgeUser, edgeDevice, edgeTier } = layout.graph;
  const { userFirst, deviceFirst } = layout;
  const { edgeFlow, sourceSide } = cut;
  let totalFlow = 0;
  for (let e = 0; e < edgeTier.length; e++) {
    const u = edgeUser[e] as number;
    const tier = edgeTier[e] as number;
    const from = u >= 0 ? (userFirst[u] as number) + tier : 0;
    const amount = edgeFlow[e] as number;
    if (!(amount >= 0 && Number.isSafeInteger(amount))) report(`edge ${e} carries ${amount}`);
    // The device end is read only where it matters: an edge carrying flow, or one leaving the source
    // side. Most edges do neither (the pairs come grouped by user, so the user end is read in order;
    // the device end is a read at random, two cache misses an edge).
    if (amount === 0 && sourceSide[from] !== 1) continue;
    const d = edgeDevice[e] as number;
    const to = d >= 0 ? (deviceFirst[d] as number) + tier : 1;
    if (amount !== 0) {
      totalFlow += amount;
      netOutflow[from] = (netOutflow[from] as number) + amount;
      netOutflow[to] = (netOutflow[to] as number) - amount;
    }
    if (sourceSide[from] === 1 && sourceSide[to] !== 1)
      report(`the infinite arc of edge ${e} crosses the cut forwards`);
  }
  return totalFlow;
}

function invalid(problems: string[]): MinCutVerdict {
  return { valid: false, problems };
}
