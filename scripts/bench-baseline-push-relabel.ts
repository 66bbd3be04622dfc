// The benchmark's baseline for the minimum cut: a plain textbook push-relabel (Goldberg and Tarjan,
// FIFO selection, with the global relabelling heuristic of Cherkassky and Goldberg), written from the
// textbook and independent of the product's solver (no shared code, not even its network type), so
// `solveMinCut` is held against what any careful programmer would write in an afternoon.
// Phase 1 only: the flow value and the minimum cut (nodes that can no longer reach the sink).

/** The value of a maximum flow and, per node, 1 when it is on the source side of a minimum cut. */
export interface BaselineCut {
  readonly value: number;
  readonly sourceSide: Uint8Array;
}

/** The same on a network given as one object with those fields (a `FlowNetwork` fits). */
export function solveBaselineMinCutOf(network: {
  readonly nodeCount: number;
  readonly source: number;
  readonly sink: number;
  readonly arcFrom: Int32Array;
  readonly arcTo: Int32Array;
  readonly arcCapacity: Float64Array;
}): BaselineCut {
  const { nodeCount, source, sink, arcFrom, arcTo, arcCapacity } = network;
  return solveBaselineMinCut(nodeCount, source, sink, arcFrom, arcTo, arcCapacity);
}

/**
 * Maximum flow from `source` to `sink` over arcs (arcFrom[i] -> arcTo[i], capacity arcCapacity[i],
 * Infinity allowed: it becomes 1 + the capacity leaving the source, which no flow can exceed).
 */
export function solveBaselineMinCut(
  nodeCount: number,
  source: number,
  sink: number,
  arcFrom: Int32Array,
  arcTo: Int32Array,
  arcCapacity: Float64Array,
): BaselineCut {
  const m = arcFrom.length;
  let outOfSource = 0;
  for (let i = 0; i < m; i++) {
    if (arcFrom[i] === source && arcCapacity[i] !== Number.POSITIVE_INFINITY) {
      outOfSource += arcCapacity[i] as number;
    }
  }
  const infinity = outOfSource + 1;

  // Adjacency in compressed rows: every arc i gives residual edges 2i (forward) and 2i+1 (reverse).
  const start = new Int32Array(nodeCount + 1);
  for (let i = 0; i < m; i++) {
    const from = (arcFrom[i] as number) + 1;
    const to = (arcTo[i] as number) + 1;
    start[from] = (start[from] as number) + 1;
    start[to] = (start[to] as number) + 1;
  }
  for (let v = 0; v < nodeCount; v++)
    start[v + 1] = (start[v + 1] as number) + (start[v] as number);
  const fill = start.slice(0, nodeCount);
  const head = new Int32Array(2 * m);
  const mate = new Int32Array(2 * m);
  const residual = new Float64Array(2 * m);
  for (let i = 0; i < m; i++) {
    const u = arcFrom[i] as number;
    const w = arcTo[i] as number;
    const a = fill[u] as number;
    const b = fill[w] as number;
    fill[u] = a + 1;
    fill[w] = b + 1;
    head[a] = w;
    head[b] = u;
    mate[a] = b;
    mate[b] = a;
    residual[a] = Math.min(arcCapacity[i] as number, infinity);
    residual[b] = 0;
  }

  const height = new Int32Array(nodeCount);
  const excess = new Float64Array(nodeCount);
  const current = new Int32Array(nodeCount);
  const queue = new Int32Array(nodeCount + 1);
  const queued = new Uint8Array(nodeCount);
  const bfs = new Int32Array(nodeCount);
  let qHead = 0;
  let qTail = 0;
  const enqueue = (v: number) => {
    if (queued[v] === 1 || v === source || v === sink) return;
    queued[v] = 1;
    queue[qTail] = v;
    qTail = qTail === nodeCount ? 0 : qTail + 1;
  };

  // Exact distances to the sink in the residual graph (n when it cannot be reached).
  const relabelGlobally = () => {
    height.fill(nodeCount);
    height[sink] = 0;
    bfs[0] = sink;
    let tail = 1;
    for (let h = 0; h < tail; h++) {
      const w = bfs[h] as number;
      for (let e = start[w] as number; e < (start[w + 1] as number); e++) {
        const u = head[e] as number;
        if (
          height[u] === nodeCount &&
          u !== source &&
          (residual[mate[e] as number] as number) > 0
        ) {
          height[u] = (height[w] as number) + 1;
          bfs[tail++] = u;
        }
      }
    }
    height[source] = nodeCount;
    for (let v = 0; v < nodeCount; v++) current[v] = start[v] as number;
  };

  for (let e = start[source] as number; e < (start[source + 1] as number); e++) {
    const amount = residual[e] as number;
    if (amount === 0) continue;
    const w = head[e] as number;
    residual[e] = 0;
    residual[mate[e] as number] = amount;
    excess[w] = (excess[w] as number) + amount;
    excess[source] = (excess[source] as number) - amount;
  }
  relabelGlobally();
  for (let v = 0; v < nodeCount; v++) if ((excess[v] as number) > 0) enqueue(v);

  let relabels = 0;
  while (qHead !== qTail) {
    const v = queue[qHead] as number;
    qHead = qHead === nodeCount ? 0 : qHead + 1;
    queued[v] = 0;
    if ((height[v] as number) >= nodeCount) continue;
    // Discharge v: push along admissible edges, relabel when none is left.
    while ((excess[v] as number) > 0) {
      const end = start[v + 1] as number;
      let e = current[v] as number;
      for (; e < end && (excess[v] as number) > 0; e++) {
        const room = residual[e] as number;
        const w = head[e] as number;
        if (room > 0 && height[v] === (height[w] as number) + 1) {
          const amount = Math.min(room, excess[v] as number);
          const back = mate[e] as number;
          residual[e] = room - amount;
          residual[back] = (residual[back] as number) + amount;
          excess[v] = (excess[v] as number) - amount;
          excess[w] = (excess[w] as number) + amount;
          enqueue(w);
          if (excess[v] === 0) break;
        }
      }
      current[v] = e;
      if ((excess[v] as number) === 0) break;
      let lowest = 2 * nodeCount;
      for (let f = start[v] as number; f < end; f++) {
        if ((residual[f] as number) > 0)
          lowest = Math.min(lowest, height[head[f] as number] as number);
      }
      height[v] = Math.min(lowest + 1, nodeCount);
      current[v] = start[v] as number;
      relabels++;
      if (height[v] >= nodeCount) break;
      if (relabels >= nodeCount) {
        relabels = 0;
        relabelGlobally();
        if (height[v] >= nodeCount) break;
      }
    }
  }

  // Source side: nodes that cannot reach the sink in the residual graph.
  relabelGlobally();
  const sourceSide = new Uint8Array(nodeCount);
  for (let v = 0; v < nodeCount; v++) sourceSide[v] = height[v] === nodeCount ? 1 : 0;
  return { value: excess[sink] as number, sourceSide };
}
