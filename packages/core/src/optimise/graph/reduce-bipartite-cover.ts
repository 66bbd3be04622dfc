import type { BipartiteCoverInput } from "./solve-bipartite-cover.ts";

/** What the reductions removed, for reports and benchmarks. */
export interface CoverReductionStats {
  readonly leftBefore: number;
  readonly rightBefore: number;
  readonly edgesBefore: number;
  readonly leftAfter: number;
  readonly rightAfter: number;
  readonly edgesAfter: number;
  /** Pendant nodes whose neighbour was taken (it costs no more than they do). */
  readonly neighboursTaken: number;
  /** Pendant nodes folded into their neighbour (cheaper than it). */
  readonly pendantsFolded: number;
  /** Nodes merged into a twin with the same neighbours. */
  readonly twinsMerged: number;
  /** Connected components left (nodes with edges only). */
  readonly components: number;
}

/** A smaller cover problem with the same optimum up to `fixedCost`, and how to lift its answer back. */
export interface CoverReduction {
  readonly reduced: BipartiteCoverInput;
  /** Cost already committed by the reductions: optimum(input) = optimum(reduced) + fixedCost. */
  readonly fixedCost: number;
  readonly stats: CoverReductionStats;
  /** A cover of the input, from a cover of `reduced`; optimal when that one is. */
  lift(
    reducedLeft: Uint8Array,
    reducedRight: Uint8Array,
  ): { leftInCover: Uint8Array; rightInCover: Uint8Array };
}

/**
 * Shrinks a minimum-weight bipartite vertex cover problem by rules that keep the optimum exact:
 * - a node with no edge is never needed;
 * - a pendant node v (one neighbour w) with cost(v) >= cost(w): some optimal cover takes w and not v;
 * - a pendant v with cost(v) < cost(w): either w is taken (cost(w)) or v is (cost(v)), so pay cost(v)
 *   now, lower w's cost by it and drop v (folding); in the lifted cover v is in exactly when w is not;
 * - twins (same side, same neighbours): some optimal cover takes both or neither (if one is out, all
 *   its neighbours are in and the other is useless), so they merge into one node of their summed cost.
 * The rules run until none applies. Left and right are symmetric; nodes are renumbered compactly.
 */
export function reduceBipartiteCover(input: BipartiteCoverInput): CoverReduction {
  const leftCount = input.leftCost.length;
  const rightCount = input.rightCost.length;
  const nodeCount = leftCount + rightCount;
  // Node ids: left i is i, right j is leftCount + j; one adjacency (CSR) without repeated edges.
  const { first, neighbour } = buildAdjacency(input);
  const cost = new Float64Array(nodeCount);
  cost.set(input.leftCost, 0);
  cost.set(input.rightCost, leftCount);
  const alive = new Uint8Array(nodeCount).fill(1);
  const degree = new Int32Array(nodeCount);
  for (let node = 0; node < nodeCount; node++) {
    degree[node] = (first[node + 1] as number) - (first[node] as number);
  }
  /** How each removed node is decided when lifting, in order of removal (replayed backwards). */
  const taken: number[] = [];
  const folds: number[] = []; // pairs (v, w): v is in the cover exactly when w is not
  const twinOf = new Int32Array(nodeCount).fill(-1); // a merged twin follows its representative
  let fixedCost = 0;
  let neighboursTaken = 0;
  let pendantsFolded = 0;
  let twinsMerged = 0;

  const remove = (node: number, queue: number[]) => {
    alive[node] = 0;
    for (let slot = first[node] as number; slot < (first[node + 1] as number); slot++) {
      const other = neighbour[slot] as number;
      if (alive[other] === 0) continue;
      degree[other] = (degree[other] as number) - 1;
      if (degree[other] === 1) queue.push(other);
      else if (degree[other] === 0) alive[other] = 0; // isolated: never needed
    }
  };

  const queue: number[] = [];
  for (let node = 0; node < nodeCount; node++) {
    if (degree[node] === 0) alive[node] = 0;
    else if (degree[node] === 1) queue.push(node);
  }
  for (let round = 0; ; round++) {
    while (queue.length > 0) {
      const v = queue.pop() as number;
      if (alive[v] === 0 || degree[v] !== 1) continue;
      let w = -1;
      for (let slot = first[v] as number; slot < (first[v + 1] as number); slot++) {
        if (alive[neighbour[slot] as number] === 1) {
          w = neighbour[slot] as number;
          break;
        }
      }
      if ((cost[v] as number) >= (cost[w] as number)) {
        fixedCost += cost[w] as number;
        taken.push(w);
        neighboursTaken++;
        remove(w, queue);
      } else {
        fixedCost += cost[v] as number;
        cost[w] = (cost[w] as number) - (cost[v] as number);
        folds.push(v, w);
        pendantsFolded++;
        remove(v, queue);
      }
    }
    const merged = mergeTwins(first, neighbour, alive, degree, cost, twinOf, leftCount, queue);
    twinsMerged += merged;
    if (merged === 0 || round > 20) break;
  }

  const reduced = compact(first, neighbour, alive, cost, leftCount);
  const components = countComponents(first, neighbour, alive);
  return {
    reduced: reduced.input,
    fixedCost,
    stats: {
      leftBefore: leftCount,
      rightBefore: rightCount,
      edgesBefore: input.edgeLeft.length,
      leftAfter: reduced.input.leftCost.length,
      rightAfter: reduced.input.rightCost.length,
      edgesAfter: reduced.input.edgeLeft.length,
      neighboursTaken,
      pendantsFolded,
      twinsMerged,
      components,
    },
    lift(reducedLeft, reducedRight) {
      const inCover = new Uint8Array(nodeCount);
      reduced.original.forEach((node, index) => {
        const chosen =
          index < reducedLeft.length
            ? reducedLeft[index]
            : reducedRight[index - reducedLeft.length];
        inCover[node] = chosen === 1 ? 1 : 0;
      });
      for (const node of taken) inCover[node] = 1;
      // Twins follow their representative (which may itself have been decided by a later fold).
      for (let index = folds.length - 2; index >= 0; index -= 2) {
        const v = folds[index] as number;
        const w = folds[index + 1] as number;
        inCover[v] = inCover[representativeOf(w, twinOf)] === 1 ? 0 : 1;
      }
      for (let node = 0; node < nodeCount; node++) {
        if ((twinOf[node] as number) >= 0)
          inCover[node] = inCover[representativeOf(node, twinOf)] as number;
      }
      return {
        leftInCover: inCover.slice(0, leftCount),
        rightInCover: inCover.slice(leftCount),
      };
    },
  };
}

function representativeOf(node: number, twinOf: Int32Array): number {
  let at = node;
  while ((twinOf[at] as number) >= 0) at = twinOf[at] as number;
  return at;
}

function buildAdjacency(input: BipartiteCoverInput): { first: Int32Array; neighbour: Int32Array } {
  const leftCount = input.leftCost.length;
  const nodeCount = leftCount + input.rightCost.length;
  const first = new Int32Array(nodeCount + 1);
  const edges = input.edgeLeft.length;
  for (let edge = 0; edge < edges; edge++) {
    const left = input.edgeLeft[edge] as number;
    const right = leftCount + (input.edgeRight[edge] as number);
    first[left + 1] = (first[left + 1] as number) + 1;
    first[right + 1] = (first[right + 1] as number) + 1;
  }
  for (let node = 0; node < nodeCount; node++) {
    first[node + 1] = (first[node + 1] as number) + (first[node] as number);
  }
  const next = first.slice(0, nodeCount);
  const neighbour = new Int32Array(2 * edges);
  for (let edge = 0; edge < edges; edge++) {
    const left = input.edgeLeft[edge] as number;
    const right = leftCount + (input.edgeRight[edge] as number);
    neighbour[next[left] as number] = right;
    next[left] = (next[left] as number) + 1;
    neighbour[next[right] as number] = left;
    next[right] = (next[right] as number) + 1;
  }
  // Sort each list and drop repeated edges (the same pair listed twice is one constraint).
  const deduplicated = new Int32Array(2 * edges);
  const start = new Int32Array(nodeCount + 1);
  let at = 0;
  for (let node = 0; node < nodeCount; node++) {
    start[node] = at;
    const list = neighbour.subarray(first[node] as number, first[node + 1] as number).sort();
    for (let index = 0; index < list.length; index++) {
      if (index === 0 || list[index] !== list[index - 1])
        deduplicated[at++] = list[index] as number;
    }
  }
  start[nodeCount] = at;
  return { first: start, neighbour: deduplicated.subarray(0, at) };
}

/**
 * Merges alive nodes of one side whose alive neighbour lists are equal into the first of them (summed
 * cost); their neighbours lose the merged edges, which may make new pendants (pushed on `queue`).
 * Returns how many nodes were merged away.
 */
function mergeTwins(
  first: Int32Array,
  neighbour: Int32Array,
  alive: Uint8Array,
  degree: Int32Array,
  cost: Float64Array,
  twinOf: Int32Array,
  leftCount: number,
  queue: number[],
): number {
  const nodeCount = alive.length;
  // Nodes by a hash of (side, alive neighbours); equal hashes are compared list against list.
  const firstWithHash = new Map<number, number>();
  const nextWithHash = new Int32Array(nodeCount).fill(-1);
  let merged = 0;
  for (let node = 0; node < nodeCount; node++) {
    if (alive[node] === 0) continue;
    let hash = node < leftCount ? 0x9e3779b1 : 0x7f4a7c15;
    for (let slot = first[node] as number; slot < (first[node + 1] as number); slot++) {
      const other = neighbour[slot] as number;
      if (alive[other] === 1) hash = Math.imul(hash ^ other, 0x01000193) ^ (hash >>> 13);
    }
    let representative = firstWithHash.get(hash) ?? -1;
    while (representative >= 0 && !sameNeighbours(first, neighbour, alive, representative, node)) {
      representative = nextWithHash[representative] as number;
    }
    if (representative < 0) {
      const head = firstWithHash.get(hash);
      if (head !== undefined) nextWithHash[node] = head;
      firstWithHash.set(hash, node);
      continue;
    }
    cost[representative] = (cost[representative] as number) + (cost[node] as number);
    twinOf[node] = representative;
    merged++;
    alive[node] = 0;
    for (let slot = first[node] as number; slot < (first[node + 1] as number); slot++) {
      const other = neighbour[slot] as number;
      if (alive[other] === 0) continue;
      degree[other] = (degree[other] as number) - 1;
      if (degree[other] === 1) queue.push(other);
    }
  }
  return merged;
}

/** True when nodes a and b (same side) have the same alive neighbours (lists are sorted). */
function sameNeighbours(
  first: Int32Array,
  neighbour: Int32Array,
  alive: Uint8Array,
  a: number,
  b: number,
): boolean {
  let slotA = first[a] as number;
  let slotB = first[b] as number;
  const endA = first[a + 1] as number;
  const endB = first[b + 1] as number;
  for (;;) {
    while (slotA < endA && alive[neighbour[slotA] as number] === 0) slotA++;
    while (slotB < endB && alive[neighbour[slotB] as number] === 0) slotB++;
    if (slotA === endA || slotB === endB) return slotA === endA && slotB === endB;
    if (neighbour[slotA] !== neighbour[slotB]) return false;
    slotA++;
    slotB++;
  }
}

/** The alive nodes and the edges between them, renumbered: left first, then right. */
function compact(
  first: Int32Array,
  neighbour: Int32Array,
  alive: Uint8Array,
  cost: Float64Array,
  leftCount: number,
): { input: BipartiteCoverInput; original: number[] } {
  const nodeCount = alive.length;
  const index = new Int32Array(nodeCount).fill(-1);
  const original: number[] = [];
  let leftAfter = 0;
  for (let node = 0; node < nodeCount; node++) {
    if (alive[node] === 1) {
      index[node] = node < leftCount ? leftAfter++ : original.length - leftAfter;
      original.push(node);
    }
  }
  const rightAfter = original.length - leftAfter;
  const leftCost = new Float64Array(leftAfter);
  const rightCost = new Float64Array(rightAfter);
  const edgeLeft: number[] = [];
  const edgeRight: number[] = [];
  for (const node of original) {
    if (node < leftCount) {
      leftCost[index[node] as number] = cost[node] as number;
      for (let slot = first[node] as number; slot < (first[node + 1] as number); slot++) {
        const other = neighbour[slot] as number;
        if (alive[other] === 1) {
          edgeLeft.push(index[node] as number);
          edgeRight.push(index[other] as number);
        }
      }
    } else rightCost[index[node] as number] = cost[node] as number;
  }
  return {
    input: {
      leftCost,
      rightCost,
      edgeLeft: Int32Array.from(edgeLeft),
      edgeRight: Int32Array.from(edgeRight),
    },
    original,
  };
}

function countComponents(first: Int32Array, neighbour: Int32Array, alive: Uint8Array): number {
  const seen = new Uint8Array(alive.length);
  const stack: number[] = [];
  let components = 0;
  for (let start = 0; start < alive.length; start++) {
    if (alive[start] === 0 || seen[start] === 1) continue;
    components++;
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const node = stack.pop() as number;
      for (let slot = first[node] as number; slot < (first[node + 1] as number); slot++) {
        const other = neighbour[slot] as number;
        if (alive[other] === 1 && seen[other] === 0) {
          seen[other] = 1;
          stack.push(other);
        }
      }
    }
  }
  return components;
}
