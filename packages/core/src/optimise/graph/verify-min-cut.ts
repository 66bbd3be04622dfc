import type { FlowNetwork, MinCutResult } from "./flow-network.ts";

/** The verdict of `verifyMinCut`: valid, or the list of every check that failed. */
export type MinCutVerdict =
  | { readonly valid: true }
  | { readonly valid: false; readonly problems: readonly string[] };

/** Enough to diagnose; a badly broken certificate of a million arcs should not yield a million strings. */
const maxProblemsListed = 20;

/**
 * Checks a claimed maximum flow and minimum cut independently of the solver that produced them.
 *
 * The flow must be feasible (0 <= flow <= capacity, conserved at every node but source and sink) with
 * value `result.value`; the cut must separate source from sink, cross no infinite arc forwards, and have
 * capacity `result.value`. Every flow is at most every cut (weak duality), so a flow and a cut of equal
 * value are both optimal. All quantities are integers below 2^53, so the float64 sums are exact.
 * It checks optimality, not that `sourceSide` is the minimal one among several minimum cuts.
 */
export function verifyMinCut(network: FlowNetwork, result: MinCutResult): MinCutVerdict {
  const { nodeCount, source, sink, arcFrom, arcTo, arcCapacity } = network;
  const { value, flow, sourceSide } = result;
  const problems: string[] = [];
  let omitted = 0;
  const report = (problem: string) => {
    if (problems.length < maxProblemsListed) problems.push(problem);
    else omitted++;
  };

  if (flow.length !== arcFrom.length) {
    return invalid([`flow has ${flow.length} entries for ${arcFrom.length} arcs`]);
  }
  if (sourceSide.length !== nodeCount) {
    return invalid([`sourceSide has ${sourceSide.length} entries for ${nodeCount} nodes`]);
  }

  // One pass over the arcs for the flow and the cut; the cut's problems are reported after the flow's,
  // so the arcs crossing forwards on infinite capacity are kept aside (enough of them to fill the list).
  const netOutflow = new Float64Array(nodeCount);
  let totalFlow = 0;
  let cutCapacity = 0;
  const infiniteCrossing: number[] = [];
  let infiniteCrossingOmitted = 0;
  for (let arc = 0; arc < arcFrom.length; arc++) {
    const amount = flow[arc] as number;
    const capacity = arcCapacity[arc] as number;
    if (!Number.isSafeInteger(amount) || amount < 0 || amount > capacity) {
      report(`arc ${arc} carries ${amount}, outside 0..${capacity}`);
    }
    const from = arcFrom[arc] as number;
    const to = arcTo[arc] as number;
    netOutflow[from] = (netOutflow[from] as number) + amount;
    netOutflow[to] = (netOutflow[to] as number) - amount;
    totalFlow += amount;
    if (sourceSide[from] === 1 && sourceSide[to] !== 1) {
      if (capacity === Number.POSITIVE_INFINITY) {
        if (infiniteCrossing.length < maxProblemsListed) infiniteCrossing.push(arc);
        else infiniteCrossingOmitted++;
      }
      cutCapacity += capacity;
    }
  }
  if (totalFlow > Number.MAX_SAFE_INTEGER) {
    report(`the flows add up to ${totalFlow}, beyond 2^53-1 where float64 sums stop being exact`);
  }

  for (let v = 0; v < nodeCount; v++) {
    if (v !== source && v !== sink && netOutflow[v] !== 0) {
      report(`node ${v} is not conserved: net outflow ${netOutflow[v]}`);
    }
  }
  if (netOutflow[source] !== value) {
    report(`the source sends out ${netOutflow[source]}, but the value claimed is ${value}`);
  }

  if (sourceSide[source] !== 1) report("the source is not on the source side");
  if (sourceSide[sink] !== 0) report("the sink is on the source side");
  for (let v = 0; v < nodeCount; v++) {
    if (sourceSide[v] !== 0 && sourceSide[v] !== 1)
      report(`sourceSide[${v}] is ${sourceSide[v]}, not 0 or 1`);
  }
  for (const arc of infiniteCrossing) report(`infinite arc ${arc} crosses the cut forwards`);
  omitted += infiniteCrossingOmitted;
  if (cutCapacity !== value) {
    report(`the cut has capacity ${cutCapacity}, but the value claimed is ${value}`);
  }

  if (omitted > 0) problems.push(`… and ${omitted} more problems`);
  return problems.length === 0 ? { valid: true } : invalid(problems);
}

function invalid(problems: string[]): MinCutVerdict {
  return { valid: false, problems };
}
