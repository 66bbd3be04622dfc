import type { FlowNetwork, MinCutResult } from "./flow-network.ts";
import {
  type BipartiteCoverInput,
  checkBipartiteCoverInput,
  solveBipartiteCoverCut,
} from "./solve-bipartite-cover-cut.ts";
import { solveMinCut } from "./solve-min-cut.ts";

export type { BipartiteCoverInput } from "./solve-bipartite-cover-cut.ts";

/** A cheapest set of nodes touching every edge, with the network and cut that prove it cheapest. */
export interface BipartiteCover {
  readonly cost: number;
  /** leftInCover[i] = 1 when left node i is chosen. */
  readonly leftInCover: Uint8Array;
  readonly rightInCover: Uint8Array;
  /**
   * The network solved, for `verifyMinCut`. Nodes: left i is i, right j is leftCount + j, then the
   * source and the sink. Arcs: source -> left i is arc i, edge k is arc leftCount + k (capacity
   * Infinity), right j -> sink is arc leftCount + edgeCount + j. Built when first read: the cut is
   * usually found from the pair arrays alone (`solveBipartiteCoverCut`).
   */
  readonly network: FlowNetwork;
  readonly cut: MinCutResult;
}

/**
 * Chooses a minimum-cost vertex cover of a bipartite graph, exactly, through the classic reduction to
 * a minimum cut: source -> left (capacity leftCost), left -> right (Infinity, so no edge can be left
 * uncovered), right -> sink (rightCost). A finite cut cuts, for every edge, its left node's arc
 * (left not on the source side: chosen) or its right node's arc (right on the source side: chosen).
 * With equal costs this is König's theorem: cover size = maximum matching size.
 *
 * Costs are finite. To force a node into the cover, leave it out of the input together with its edges
 * (they are covered) and add its cost; to forbid a node, force all its neighbours in instead.
 */
export function solveMinWeightBipartiteCover(input: BipartiteCoverInput): BipartiteCover {
  let network: FlowNetwork | undefined;
  let cut = solveBipartiteCoverCut(input);
  if (cut === undefined) {
    network = buildBipartiteCoverNetwork(input);
    cut = solveMinCut(network);
  }
  const leftCount = input.leftCost.length;
  const leftInCover = new Uint8Array(leftCount);
  for (let left = 0; left < leftCount; left++) {
    leftInCover[left] = 1 - (cut.sourceSide[left] as number);
  }
  const rightInCover = cut.sourceSide.slice(leftCount, leftCount + input.rightCost.length);
  return {
    cost: cut.value,
    leftInCover,
    rightInCover,
    get network() {
      network ??= buildBipartiteCoverNetwork(input);
      return network;
    },
    cut,
  };
}

/** The flow network of `solveMinWeightBipartiteCover`, laid out as `BipartiteCover.network` describes. */
export function buildBipartiteCoverNetwork(input: BipartiteCoverInput): FlowNetwork {
  const { leftCost, rightCost, edgeLeft, edgeRight } = input;
  const leftCount = leftCost.length;
  const rightCount = rightCost.length;
  const edgeCount = edgeLeft.length;
  checkBipartiteCoverInput(input);

  // Filled directly, not through createFlowNetworkBuilder: the sizes are known, and on millions of
  // edges a call per arc is a measurable share of the whole solve.
  const arcCount = leftCount + edgeCount + rightCount;
  const arcFrom = new Int32Array(arcCount);
  const arcTo = new Int32Array(arcCount);
  const arcCapacity = new Float64Array(arcCount);
  const source = leftCount + rightCount;
  const sink = source + 1;
  arcFrom.fill(source, 0, leftCount);
  for (let left = 0; left < leftCount; left++) arcTo[left] = left;
  arcCapacity.set(leftCost, 0);
  for (let edge = 0; edge < edgeCount; edge++) {
    arcFrom[leftCount + edge] = edgeLeft[edge] as number;
    arcTo[leftCount + edge] = leftCount + (edgeRight[edge] as number);
  }
  arcCapacity.fill(Number.POSITIVE_INFINITY, leftCount, leftCount + edgeCount);
  const firstSinkArc = leftCount + edgeCount;
  for (let right = 0; right < rightCount; right++)
    arcFrom[firstSinkArc + right] = leftCount + right;
  arcTo.fill(sink, firstSinkArc);
  arcCapacity.set(rightCost, firstSinkArc);
  return { nodeCount: sink + 1, source, sink, arcFrom, arcTo, arcCapacity };
}
