/**
 * Lower bounds on how many users k chosen devices need, from the Lagrangian dual of "exactly k": with a price per
 * chosen device, the least of |users needed| − price·|chosen| over all choices is a maximum-weight closure (a
 * device brings its price and needs its users, each costing 1), solved exactly as a minimum cut; every choice
 * of k devices then needs at least that least + price·k users. Two levels per device: lowered (needs the users
 * of its newer pairs, price β) and released (needs all its users, price α, and counts as lowered too), so one
 * cut bounds every (released r, lowered-or-released q) at once: users ≥ least + α·r + β·q. Exact where the least
 * unions are convex (the newer pairs of a ward's devices, small and sparse), a valid floor everywhere.
 */
export interface ClosureSets {
  /** Per device, the users of its newer pairs (lowering it needs them). */
  readonly newer: readonly (readonly number[])[];
  /** Per device, all its users (releasing it needs them); undefined when it cannot be released. */
  readonly all: readonly (readonly number[] | undefined)[];
  readonly universe: number;
}

/** One price pair's answer: users ≥ least + (α·r + β·q) / scale for every (r released, q lowered or released). */
export interface ClosureCut {
  readonly alpha: number;
  readonly beta: number;
  /** The least of scale·|users| − α·r − β·q, in the same units. */
  readonly least: number;
}

/**
 * Solves the closure for each (α, β) pair (integers; prices are α/scale and β/scale per device); stops when the
 * work passes `maxWork` (the cuts so far are returned, each valid). Pairs that raise both prices keep the last
 * flow and only augment it (a row of β at one α costs about one cut).
 */
export function boundUnionsByClosure(
  sets: ClosureSets,
  prices: readonly (readonly [number, number])[],
  scale: number,
  maxWork: number,
): { readonly cuts: ClosureCut[]; readonly work: number } {
  const m = sets.newer.length;
  const universe = sets.universe;
  // Nodes: source, lowered nodes (m), released nodes (m), users, sink. Arcs as paired slots.
  const source = 0;
  const lowered = (i: number) => 1 + i;
  const released = (i: number) => 1 + m + i;
  const user = (e: number) => 1 + 2 * m + e;
  const sink = 1 + 2 * m + universe;
  const nodes = sink + 1;
  const head: number[] = [];
  const capacity: number[] = [];
  const next: number[] = [];
  const first = new Int32Array(nodes).fill(-1);
  const arc = (a: number, b: number, c: number) => {
    head.push(b, a);
    capacity.push(c, 0);
    next.push(first[a] as number, first[b] as number);
    first[a] = head.length - 2;
    first[b] = head.length - 1;
    return head.length - 2;
  };
  const infinite = Number.MAX_SAFE_INTEGER;
  const used = new Uint8Array(universe);
  const betaArcs: number[] = [];
  const alphaArcs: number[] = [];
  for (let i = 0; i < m; i++) {
    betaArcs.push(arc(source, lowered(i), 0));
    for (const e of sets.newer[i] as readonly number[]) {
      arc(lowered(i), user(e), infinite);
      used[e] = 1;
    }
    const all = sets.all[i];
    if (!all) continue;
    alphaArcs.push(arc(source, released(i), 0));
    arc(released(i), lowered(i), infinite);
    for (const e of all) {
      arc(released(i), user(e), infinite);
      used[e] = 1;
    }
  }
  for (let e = 0; e < universe; e++) if (used[e]) arc(user(e), sink, scale);
  const flow = new Float64Array(head.length);
  const level = new Int32Array(nodes);
  const cursor = new Int32Array(nodes);
  const queue = new Int32Array(nodes);
  let work = 0;
  const residual = (s: number) => (capacity[s] as number) - (flow[s] as number);
  const layer = () => {
    level.fill(-1);
    level[source] = 0;
    let tail = 0;
    queue[tail++] = source;
    for (let q = 0; q < tail; q++) {
      const x = queue[q] as number;
      for (let s = first[x] as number; s >= 0; s = next[s] as number) {
        work++;
        const y = head[s] as number;
        if (level[y] === -1 && residual(s) > 0) {
          level[y] = (level[x] as number) + 1;
          queue[tail++] = y;
        }
      }
    }
    return level[sink] !== -1;
  };
  const push = (x: number, limit: number): number => {
    if (x === sink) return limit;
    for (let s = cursor[x] as number; s >= 0; s = next[s] as number) {
      cursor[x] = s;
      work++;
      const y = head[s] as number;
      if (level[y] !== (level[x] as number) + 1 || residual(s) <= 0) continue;
      const sent = push(y, Math.min(limit, residual(s)));
      if (sent > 0) {
        flow[s] = (flow[s] as number) + sent;
        flow[s ^ 1] = (flow[s ^ 1] as number) - sent;
        return sent;
      }
    }
    cursor[x] = -1;
    return 0;
  };
  const cuts: ClosureCut[] = [];
  let cut = 0;
  let lastAlpha = -1;
  let lastBeta = -1;
  for (const [alpha, beta] of prices) {
    if (work > maxWork) break;
    // Raising the source capacities keeps the last flow feasible: only a new α below the last starts afresh.
    if (alpha < lastAlpha || beta < lastBeta) {
      flow.fill(0);
      cut = 0;
    }
    lastAlpha = alpha;
    lastBeta = beta;
    for (const s of betaArcs) capacity[s] = beta;
    for (const s of alphaArcs) capacity[s] = alpha;
    while (work <= maxWork && layer()) {
      for (let x = 0; x < nodes; x++) cursor[x] = first[x] as number;
      for (;;) {
        const sent = push(source, infinite);
        if (sent <= 0) break;
        cut += sent;
      }
    }
    if (work > maxWork) break;
    // Least of scale·|users| − α·r − β·q = min cut − (total source capacity).
    cuts.push({ alpha, beta, least: cut - beta * betaArcs.length - alpha * alphaArcs.length });
  }
  return { cuts, work };
}
