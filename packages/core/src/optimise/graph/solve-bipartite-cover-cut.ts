import type { MinCutResult } from "./flow-network.ts";

/** A bipartite graph with a cost per node; edge k joins left node edgeLeft[k] to right node edgeRight[k]. */
export interface BipartiteCoverInput {
  /** Cost of choosing each left node: a non-negative safe integer (minor units, say). */
  readonly leftCost: Float64Array;
  readonly rightCost: Float64Array;
  readonly edgeLeft: Int32Array;
  readonly edgeRight: Int32Array;
}

/**
 * The minimum cut of the bipartite cover network (source -> left i at leftCost, edge k left -> right
 * at Infinity, right j -> sink at rightCost; laid out as `buildBipartiteCoverNetwork` does) computed
 * straight from the pair arrays, without that network or a residual one: a left node's arcs are its
 * own run of edges (the edges must be grouped by left node, edgeLeft non-decreasing), the source and
 * sink arcs are one per node, and a right node's reverse arcs are listed only when some flow is left
 * after the head start. On large inputs fresh memory is most of a solve's cost (about 4 ms per MB on
 * the benchmark machine), so this touches the flow array, a few per-node arrays and, only when
 * needed, one edge list.
 *
 * Augmenting paths, not push-relabel: a greedy pass sends each left node's cost to its neighbours'
 * sink arcs (on cover networks it carries 99.9-100 % of the maximum flow), then each left node with
 * room left on its source arc searches breadth first for a residual path to the sink and sends along
 * it. A failed search proves every node it reached unable to reach the sink without the source; that
 * set is closed in the residual network and no later path enters it, so it stays so and later searches
 * skip it; at the end those sets are exactly what the source reaches, the minimal source side.
 *
 * Returns undefined when the searches exceed a few passes' work over the edges (a graph where push-
 * relabel's bounds matter), when the edges are not grouped by left node, or when the flow value could
 * leave the safe-integer range: the caller then solves the network itself with `solveMinCut`. Throws
 * RangeError on input `buildBipartiteCoverNetwork` would reject.
 */
export function solveBipartiteCoverCut(input: BipartiteCoverInput): MinCutResult | undefined {
  const { leftCost, rightCost, edgeLeft, edgeRight } = input;
  const leftCount = leftCost.length;
  const rightCount = rightCost.length;
  const edgeCount = edgeLeft.length;
  checkBipartiteCoverInput(input);
  const leftSum = sumOf(leftCost);
  const rightSum = sumOf(rightCost);
  if (Math.min(leftSum, rightSum) > Number.MAX_SAFE_INTEGER) return undefined;
  // firstEdge[u]..firstEdge[u+1]-1 are left node u's edges; undefined when they are not grouped.
  const firstEdge = groupByLeft(edgeLeft, leftCount);
  if (firstEdge === undefined) return undefined;

  // flow: source arcs (one per left node), then the edges, then the sink arcs (one per right node).
  const firstSinkArc = leftCount + edgeCount;
  const flow = new Float64Array(firstSinkArc + rightCount);
  let value = 0;
  let short = false;
  for (let u = 0; u < leftCount; u++) {
    const cost = leftCost[u] as number;
    let remaining = cost;
    const end = firstEdge[u + 1] as number;
    for (let edge = firstEdge[u] as number; edge < end && remaining > 0; edge++) {
      const sinkArc = firstSinkArc + (edgeRight[edge] as number);
      const room = (rightCost[sinkArc - firstSinkArc] as number) - (flow[sinkArc] as number);
      if (room <= 0) continue;
      const amount = Math.min(remaining, room);
      flow[leftCount + edge] = (flow[leftCount + edge] as number) + amount;
      flow[sinkArc] = (flow[sinkArc] as number) + amount;
      remaining -= amount;
    }
    flow[u] = cost - remaining;
    value += cost - remaining;
    if (remaining > 0) short = true;
  }
  const nodeCount = leftCount + rightCount + 2;
  const sourceSide = new Uint8Array(nodeCount);
  sourceSide[leftCount + rightCount] = 1;
  // Every source arc full: the flow saturates the cut around the source, and the source reaches nothing.
  if (!short) return { value, flow, sourceSide };
  const sent = augmentFromLeftNodes(input, firstEdge, flow, sourceSide);
  if (sent === undefined) return undefined;
  return { value: value + sent, flow, sourceSide };
}

/** Throws RangeError on input the cover network cannot be built from (lengths, costs, edge ends). */
export function checkBipartiteCoverInput(input: BipartiteCoverInput): void {
  const { leftCost, rightCost, edgeLeft, edgeRight } = input;
  const leftCount = leftCost.length;
  const rightCount = rightCost.length;
  const edgeCount = edgeLeft.length;
  if (edgeRight.length !== edgeCount) {
    throw new RangeError(`edgeLeft has ${edgeCount} entries but edgeRight has ${edgeRight.length}`);
  }
  checkCosts(leftCost, "leftCost");
  checkCosts(rightCost, "rightCost");
  for (let edge = 0; edge < edgeCount; edge++) {
    const left = edgeLeft[edge] as number;
    const right = edgeRight[edge] as number;
    if (!(left >= 0 && left < leftCount && right >= 0 && right < rightCount)) {
      throw new RangeError(`edge ${edge} joins left ${left} to right ${right}, outside the graph`);
    }
  }
}

function checkCosts(costs: Float64Array, name: string): void {
  for (let node = 0; node < costs.length; node++) {
    const cost = costs[node] as number;
    if (!Number.isSafeInteger(cost) || cost < 0) {
      throw new RangeError(`${name}[${node}] is ${cost}; costs must be non-negative safe integers`);
    }
  }
}

function sumOf(costs: Float64Array): number {
  let total = 0;
  for (let node = 0; node < costs.length; node++) total += costs[node] as number;
  return total;
}

/** Where each left node's run of edges starts (leftCount + 1 entries), or undefined if they are not grouped. */
function groupByLeft(edgeLeft: Int32Array, leftCount: number): Int32Array | undefined {
  const firstEdge = new Int32Array(leftCount + 1);
  let u = 0;
  for (let edge = 0; edge < edgeLeft.length; edge++) {
    const left = edgeLeft[edge] as number;
    if (left < u) return undefined;
    while (u < left) firstEdge[++u] = edge;
  }
  while (u < leftCount) firstEdge[++u] = edgeLeft.length;
  return firstEdge;
}

/**
 * The searches after the greedy pass (see solveBipartiteCoverCut): returns the flow they added, or
 * undefined past their budget. Marks the source side in `sourceSide` (search nodes: left u is u,
 * right j is leftCount + j, as in the network's node ids).
 */
function augmentFromLeftNodes(
  input: BipartiteCoverInput,
  firstEdge: Int32Array,
  flow: Float64Array,
  sourceSide: Uint8Array,
): number | undefined {
  const { leftCost, rightCost, edgeLeft, edgeRight } = input;
  const leftCount = leftCost.length;
  const rightCount = rightCost.length;
  const edgeCount = edgeLeft.length;
  const firstSinkArc = leftCount + edgeCount;
  // Each right node's edges (its reverse arcs), by counting sort.
  const firstIn = new Int32Array(rightCount + 1);
  for (let edge = 0; edge < edgeCount; edge++) {
    const right = edgeRight[edge] as number;
    firstIn[right + 1] = (firstIn[right + 1] as number) + 1;
  }
  for (let right = 0; right < rightCount; right++) {
    firstIn[right + 1] = (firstIn[right + 1] as number) + (firstIn[right] as number);
  }
  const edgeIn = new Int32Array(edgeCount);
  const nextIn = firstIn.slice(0, rightCount);
  for (let edge = 0; edge < edgeCount; edge++) {
    const right = edgeRight[edge] as number;
    const slot = nextIn[right] as number;
    nextIn[right] = slot + 1;
    edgeIn[slot] = edge;
  }

  const nodes = leftCount + rightCount;
  // mark[v]: the search that reached v, or -1 once v is proven unable to reach the sink.
  const mark = new Int32Array(nodes);
  // parent[v]: the edge the search came by, k forwards (into right v) or ~k backwards (into left v).
  const parent = new Int32Array(nodes);
  const queue = new Int32Array(nodes);
  // A few passes' work; the floor keeps small graphs (a search or two each) off the fallback.
  let budget = 4 * (edgeCount + nodes) + 4096;
  let search = 0;
  let sent = 0;
  for (let start = 0; start < leftCount; start++) {
    while ((leftCost[start] as number) > (flow[start] as number) && mark[start] !== -1) {
      if (budget <= 0) return undefined;
      search++;
      mark[start] = search;
      queue[0] = start;
      let tail = 1;
      let found = -1;
      for (let head = 0; head < tail && found < 0; head++) {
        const v = queue[head] as number;
        if (v < leftCount) {
          // A left node: its edges are infinite, so every neighbour is reachable.
          const end = firstEdge[v + 1] as number;
          for (let edge = firstEdge[v] as number; edge < end; edge++) {
            const w = leftCount + (edgeRight[edge] as number);
            const seen = mark[w] as number;
            if (seen === search || seen === -1) continue;
            mark[w] = search;
            parent[w] = edge;
            if (
              (rightCost[w - leftCount] as number) > (flow[firstSinkArc + w - leftCount] as number)
            ) {
              found = w;
              break;
            }
            queue[tail++] = w;
          }
          budget -= end - (firstEdge[v] as number) + 1;
        } else {
          // A right node: back along the edges that carry flow.
          const right = v - leftCount;
          const end = firstIn[right + 1] as number;
          for (let slot = firstIn[right] as number; slot < end; slot++) {
            const edge = edgeIn[slot] as number;
            const w = edgeLeft[edge] as number;
            const seen = mark[w] as number;
            if (seen === search || seen === -1 || flow[leftCount + edge] === 0) continue;
            mark[w] = search;
            parent[w] = ~edge;
            queue[tail++] = w;
          }
          budget -= end - (firstIn[right] as number) + 1;
        }
      }
      if (found < 0) {
        for (let i = 0; i < tail; i++) {
          const v = queue[i] as number;
          mark[v] = -1;
          sourceSide[v] = 1;
        }
        break;
      }
      // The bottleneck: the source arc's room, the sink arc's room, the flow on each backward edge.
      const foundRight = found - leftCount;
      let amount = Math.min(
        (leftCost[start] as number) - (flow[start] as number),
        (rightCost[foundRight] as number) - (flow[firstSinkArc + foundRight] as number),
      );
      for (let w = found; w !== start; ) {
        const edge = parent[w] as number;
        if (edge < 0) amount = Math.min(amount, flow[leftCount + ~edge] as number);
        w = edge >= 0 ? (edgeLeft[edge] as number) : leftCount + (edgeRight[~edge] as number);
      }
      for (let w = found; w !== start; ) {
        const edge = parent[w] as number;
        if (edge >= 0) flow[leftCount + edge] = (flow[leftCount + edge] as number) + amount;
        else flow[leftCount + ~edge] = (flow[leftCount + ~edge] as number) - amount;
        w = edge >= 0 ? (edgeLeft[edge] as number) : leftCount + (edgeRight[~edge] as number);
      }
      flow[start] = (flow[start] as number) + amount;
      flow[firstSinkArc + foundRight] = (flow[firstSinkArc + foundRight] as number) + amount;
      sent += amount;
    }
  }
  return sent;
}
