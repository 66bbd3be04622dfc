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
 * Returns undefined when the searches exceed `searchBudget` (by default a few passes' work over the
 * edges: a graph where push-relabel's bounds matter), when the edges are not grouped by left node, or
 * when the flow value could leave the safe-integer range: the caller then solves the network itself
 * with `solveMinCut`. Throws RangeError on input `buildBipartiteCoverNetwork` would reject.
 */
export function solveBipartiteCoverCut(
  input: BipartiteCoverInput,
  searchBudget = defaultSearchBudget(input),
): MinCutResult | undefined {
  const { leftCost, rightCost, edgeLeft, edgeRight } = input;
  const leftCount = leftCost.length;
  const rightCount = rightCost.length;
  const edgeCount = edgeLeft.length;
  checkEdgeCount(input);
  const left = checkCosts(leftCost, "leftCost");
  const right = checkCosts(rightCost, "rightCost");
  if (Math.min(left.sum, right.sum) > Number.MAX_SAFE_INTEGER) return undefined;
  // firstEdge[u]..firstEdge[u+1]-1 are left node u's edges; undefined when they are not grouped.
  const firstEdge = groupByLeft(input);
  if (firstEdge === undefined) return undefined;

  // flow: source arcs (one per left node), then the edges, then the sink arcs (one per right node). No
  // flow exceeds a cost (an edge's is at most its left node's), so with costs below 2^31 Int32 holds it.
  const firstSinkArc = leftCount + edgeCount;
  const arcCount = firstSinkArc + rightCount;
  const flow =
    Math.max(left.largest, right.largest) <= 0x7fffffff
      ? new Int32Array(arcCount)
      : new Float64Array(arcCount);
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
  const sent = augmentFromLeftNodes(input, firstEdge, flow, sourceSide, searchBudget);
  if (sent === undefined) return undefined;
  return { value: value + sent, flow, sourceSide };
}

/**
 * How much the searches may scan (edges and nodes) before giving up: a few passes over the edges; the
 * floor keeps small graphs (a search or two each) off the fallback.
 */
function defaultSearchBudget(input: BipartiteCoverInput): number {
  return 4 * (input.edgeLeft.length + input.leftCost.length + input.rightCost.length) + 4096;
}

/** Throws RangeError on input the cover network cannot be built from (lengths, costs, edge ends). */
export function checkBipartiteCoverInput(input: BipartiteCoverInput): void {
  checkEdgeCount(input);
  checkCosts(input.leftCost, "leftCost");
  checkCosts(input.rightCost, "rightCost");
  for (let edge = 0; edge < input.edgeLeft.length; edge++) checkEdge(input, edge);
}

function checkEdgeCount({ edgeLeft, edgeRight }: BipartiteCoverInput): void {
  if (edgeRight.length !== edgeLeft.length) {
    throw new RangeError(
      `edgeLeft has ${edgeLeft.length} entries but edgeRight has ${edgeRight.length}`,
    );
  }
}

function checkEdge(
  { leftCost, rightCost, edgeLeft, edgeRight }: BipartiteCoverInput,
  edge: number,
) {
  const left = edgeLeft[edge] as number;
  const right = edgeRight[edge] as number;
  if (!(left >= 0 && left < leftCost.length && right >= 0 && right < rightCost.length)) {
    throw new RangeError(`edge ${edge} joins left ${left} to right ${right}, outside the graph`);
  }
}

/** Checks every cost and returns their sum and the largest. */
function checkCosts(costs: Float64Array, name: string): { sum: number; largest: number } {
  let sum = 0;
  let largest = 0;
  for (let node = 0; node < costs.length; node++) {
    const cost = costs[node] as number;
    if (!Number.isSafeInteger(cost) || cost < 0) {
      throw new RangeError(`${name}[${node}] is ${cost}; costs must be non-negative safe integers`);
    }
    sum += cost;
    if (cost > largest) largest = cost;
  }
  return { sum, largest };
}

/**
 * Checks every edge's ends and returns where each left node's run of edges starts (leftCount + 1
 * entries), or undefined when the edges are not grouped by left node.
 */
function groupByLeft(input: BipartiteCoverInput): Int32Array | undefined {
  const { edgeLeft, edgeRight } = input;
  const leftCount = input.leftCost.length;
  const rightCount = input.rightCost.length;
  const firstEdge = new Int32Array(leftCount + 1);
  let grouped = true;
  let u = 0;
  for (let edge = 0; edge < edgeLeft.length; edge++) {
    const left = edgeLeft[edge] as number;
    const right = edgeRight[edge] as number;
    if (!(left >= 0 && left < leftCount && right >= 0 && right < rightCount))
      checkEdge(input, edge);
    if (left < u) grouped = false;
    else while (u < left) firstEdge[++u] = edge;
  }
  while (u < leftCount) firstEdge[++u] = edgeLeft.length;
  return grouped ? firstEdge : undefined;
}

/**
 * The searches after the greedy pass (see solveBipartiteCoverCut): returns the flow they added, or
 * undefined past their budget. Marks the source side in `sourceSide` (search nodes: left u is u,
 * right j is leftCount + j, as in the network's node ids).
 */
function augmentFromLeftNodes(
  input: BipartiteCoverInput,
  firstEdge: Int32Array,
  flow: Float64Array | Int32Array,
  sourceSide: Uint8Array,
  searchBudget: number,
): number | undefined {
  const { leftCost, rightCost, edgeLeft, edgeRight } = input;
  const leftCount = leftCost.length;
  const edgeCount = edgeLeft.length;
  const firstSinkArc = leftCount + edgeCount;
  const nodes = leftCount + rightCost.length;
  // mark[v]: the search that reached v, or -1 once v is proven unable to reach the sink.
  const mark = new Int32Array(nodes);
  // parent[v]: the edge the search came by, k forwards (into right v) or ~k backwards (into left v).
  const parent = new Int32Array(nodes);
  const queue = new Int32Array(nodes);
  const reverse = listFlowEdges(input, flow, parent);
  let budget = searchBudget;
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
          // A right node: back along the edges that carry flow (listed after the greedy pass, or since).
          const right = v - leftCount;
          const end = reverse.first[right + 1] as number;
          for (let slot = reverse.first[right] as number; slot < end; slot++) {
            tail = visitBackwards(reverse.edges[slot] as number, search, tail);
          }
          budget -= end - (reverse.first[right] as number) + 1;
          for (let extra = reverse.extraHead?.[right] ?? -1; extra >= 0; ) {
            tail = visitBackwards(reverse.extraEdge[extra] as number, search, tail);
            extra = reverse.extraNext[extra] as number;
            budget--;
          }
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
        if (edge >= 0) {
          // An edge that starts to carry flow joins its right node's reverse list.
          if (flow[leftCount + edge] === 0) listFlowEdge(reverse, edge, w - leftCount);
          flow[leftCount + edge] = (flow[leftCount + edge] as number) + amount;
        } else flow[leftCount + ~edge] = (flow[leftCount + ~edge] as number) - amount;
        w = edge >= 0 ? (edgeLeft[edge] as number) : leftCount + (edgeRight[~edge] as number);
      }
      flow[start] = (flow[start] as number) + amount;
      flow[firstSinkArc + foundRight] = (flow[firstSinkArc + foundRight] as number) + amount;
      sent += amount;
    }
  }
  return sent;

  /** Queues the left end of `edge` when the search has not reached it and the edge carries flow. */
  function visitBackwards(edge: number, current: number, tail: number): number {
    const w = edgeLeft[edge] as number;
    const seen = mark[w] as number;
    if (seen === current || seen === -1 || flow[leftCount + edge] === 0) return tail;
    mark[w] = current;
    parent[w] = ~edge;
    queue[tail] = w;
    return tail + 1;
  }
}

/**
 * Per right node, the edges into it that carry flow: the ones that do after the greedy pass in one
 * compact list (a sixth or so of all edges on the generated estates), and the ones that start to
 * later in linked overflow lists. An edge whose flow drops to 0 stays listed (the searches skip it).
 */
interface FlowEdgeLists {
  readonly first: Int32Array;
  readonly edges: Int32Array;
  extraHead: Int32Array | undefined;
  extraEdge: Int32Array;
  extraNext: Int32Array;
  extraCount: number;
}

/** Lists the edges carrying flow by right node (counting sort); `scratch` holds at least rightCount entries. */
function listFlowEdges(
  input: BipartiteCoverInput,
  flow: Float64Array | Int32Array,
  scratch: Int32Array,
): FlowEdgeLists {
  const { edgeRight } = input;
  const leftCount = input.leftCost.length;
  const count = input.rightCost.length;
  const first = new Int32Array(count + 1);
  let listed = 0;
  for (let edge = 0; edge < edgeRight.length; edge++) {
    if (flow[leftCount + edge] === 0) continue;
    const right = edgeRight[edge] as number;
    first[right + 1] = (first[right + 1] as number) + 1;
    listed++;
  }
  for (let right = 0; right < count; right++) {
    first[right + 1] = (first[right + 1] as number) + (first[right] as number);
  }
  const edges = new Int32Array(listed);
  const next = scratch;
  next.set(first.subarray(0, count));
  for (let edge = 0; edge < edgeRight.length; edge++) {
    if (flow[leftCount + edge] === 0) continue;
    const right = edgeRight[edge] as number;
    const slot = next[right] as number;
    next[right] = slot + 1;
    edges[slot] = edge;
  }
  return {
    first,
    edges,
    extraHead: undefined,
    extraEdge: new Int32Array(64),
    extraNext: new Int32Array(64),
    extraCount: 0,
  };
}

/** Adds `edge` to `right`'s overflow list. */
function listFlowEdge(lists: FlowEdgeLists, edge: number, right: number): void {
  lists.extraHead ??= new Int32Array(lists.first.length - 1).fill(-1);
  if (lists.extraCount === lists.extraEdge.length) {
    const edges = new Int32Array(2 * lists.extraCount);
    const next = new Int32Array(2 * lists.extraCount);
    edges.set(lists.extraEdge);
    next.set(lists.extraNext);
    lists.extraEdge = edges;
    lists.extraNext = next;
  }
  const index = lists.extraCount++;
  lists.extraEdge[index] = edge;
  lists.extraNext[index] = lists.extraHead[right] as number;
  lists.extraHead[right] = index;
}
