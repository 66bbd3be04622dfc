import type { Need, OwnedPool } from "../compliance/allocate-owned.ts";
import type { TierLowering } from "./bound-by-tiers.ts";
import type { CoverEdge } from "./choose-cal-mix.ts";
import { findBusiestHolder } from "./find-busiest-holder.ts";
import { internCoverEdges } from "./intern-cover-edges.ts";
import { type CalMarket, priceCalNeedsCost } from "./price-cal-needs.ts";

/** A lower bound in real money from the cover's combinatorial structure, or why none was computed. */
export type ComponentBound =
  | {
      readonly kind: "bound";
      readonly bound: number;
      /** True when every frontier it used was exact (no frontier fell back to its degree bound). */
      readonly exactFrontiers: boolean;
      /** Hubs branched on, components solved, and the work counted (search nodes and frontier cells). */
      readonly hubs: number;
      readonly components: number;
      readonly work: number;
      /** Kept for the bound by tiers (its covers to try), which shares this memo. */
      readonly lowerings?: readonly TierLowering[];
    }
  | { readonly kind: "skipped"; readonly reason: string };

/**
 * Bounds by components kept between plans of the same inputs, by the planner's key (the External Connector
 * choice) and the bounds the call was given: the solver pass plans a family again and must not search again.
 */
export type ComponentBoundMemo = Map<string, ComponentBound>;

/** `boundByComponents` through a memo: a call with the same key and arguments returns what the first gave. */
export function boundByComponentsOnce(
  memo: ComponentBoundMemo | undefined,
  key: string,
  ...args: Parameters<typeof boundByComponents>
): ComponentBound {
  if (!memo) return boundByComponents(...args);
  const [, , , upperBound, knownBound, maxWork] = args;
  const full = `${key}|${upperBound}|${knownBound}|${maxWork}`;
  const kept = memo.get(full);
  if (kept) return kept;
  const bound = boundByComponents(...args);
  memo.set(full, bound);
  return bound;
}

/** Hubs branched on (in or out of the cover): at most this many, so at most 2^4 branches. */
const MAX_HUBS = 4;
/** A side of a component this small is enumerated subset by subset. */
const ENUMERATED_SIDE = 12;
/** Branching on a component's busiest holder goes this deep before the release search takes over. */
const MAX_SPLIT_DEPTH = 6;
const HARD_CAP = 4;
/** User counts × top-tier splits priced at most (each a `priceCalNeedsCost`). */
const MAX_PRICED_SPLITS = 100_000;
/** User counts the cheap test prices (those with the least floors). */
const ESTIMATE_POINTS = 4;

/**
 * A lower bound on the money paid over every cover, from the holders' structure rather than prices per unit
 * (the bound the cuts and the MIP's LP give is the Lagrangian dual: it mixes "all users" and "all devices" of a
 * ward as if half a ward could be released with half its users; issue 10). Relaxation: every pair is weighed at
 * tier 0 except that at least ν holders hold a CAL of the top tier (ν = a maximum matching of the top-tier pairs,
 * König); the real price only grows with needs (`priceCalNeedsCost`), so the least price over the count
 * vectors this allows is a lower bound. The counts: for each number of users u, the fewest devices any cover
 * with at most u users needs (the frontier), computed exactly per connected component and summed by min-plus
 * convolution, after branching on a few hubs (holders whose removal splits the family: administrators who touch
 * half of all devices), each in the cover or out of it (then all its neighbours are in). A component's frontier:
 * its smaller side enumerated when small; else its busiest holder branched on while that splits it; else a
 * release search (`searchReleases`): on the smaller side A, the cover is (A minus a released set R) plus the
 * other side's neighbours of R, so the frontier is the least union of k released holders' neighbourhoods, per k,
 * found by a branch and bound up to a budget of counted work (the core reads no clock); past it, a degree bound
 * (every neighbour counts at most its degree of the released holders' pairs) keeps the frontier valid.
 * `upperBound` (a real cover's price) prunes hub branches; the pricing stops once it is sure not to beat
 * `knownBound` (then skipped).
 */
export function boundByComponents(
  edges: readonly CoverEdge[],
  pools: readonly OwnedPool[],
  market: CalMarket,
  upperBound: number,
  knownBound: number,
  maxWork: number,
): ComponentBound {
  const interned = internCoverEdges(edges);
  const nu = interned.userNames.length;
  const nd = interned.deviceNames.length;
  const n = nu + nd;
  const forced = new Uint8Array(n);
  const topTier = edges.reduce((t, e) => Math.max(t, e.tier), 0);
  // Binary edges (both sides may cover) as holder pairs; a pair only one side may cover forces that side in.
  const from: number[] = [];
  const to: number[] = [];
  const topFrom: number[] = [];
  const topTo: number[] = [];
  const forcedTop = new Uint8Array(n);
  for (let e = 0; e < edges.length; e++) {
    const u = interned.edgeUser[e] as number;
    const d = interned.edgeDevice[e] as number;
    const tier = (edges[e] as CoverEdge).tier;
    if (u < 0 && d < 0) return { kind: "skipped", reason: "a pair no CAL can cover" };
    if (u < 0 || d < 0) {
      const h = u < 0 ? nu + d : u;
      forced[h] = 1;
      if (tier === topTier) forcedTop[h] = 1;
      continue;
    }
    from.push(u);
    to.push(nu + d);
    if (tier === topTier) {
      topFrom.push(u);
      topTo.push(nu + d);
    }
  }
  const graph = buildAdjacency(n, from, to);
  const isUser = (h: number) => h < nu;

  // ν: holders that must hold a top-tier CAL, at least.
  const nu1 = topTier === 0 ? 0 : countTopHolders(n, nu, topFrom, topTo, forcedTop);

  let work = 0;
  let exactFrontiers = true;
  const budget = { left: maxWork };
  const spend = (units: number) => {
    work += units;
    budget.left -= units;
  };

  // The state every branch starts from: forced holders in, their pairs covered.
  const baseIn = new Uint8Array(forced);
  const hubs = chooseHubs(graph, baseIn, spend);
  let components = 0;
  /**
   * The frontier over every hub branch, or undefined when every branch was pruned. With `exactReleases`
   * false, a ward's minimum k-unions are taken from a greedy k-set (at least the least union), so the
   * frontier is at least the exact one and the bound priced from it at least the true bound.
   */
  const frontierOverHubs = (exactReleases: boolean): Frontier | undefined | "over" => {
    let total: Frontier | undefined;
    for (let mask = 0; mask < 1 << hubs.length; mask++) {
      const inCover = new Uint8Array(baseIn);
      const removed = new Uint8Array(n);
      hubs.forEach((h, i) => {
        removed[h] = 1;
        if (mask & (1 << i)) inCover[h] = 1;
        else for (const w of graph.neighbours(h)) inCover[w] = 1;
      });
      let users = 0;
      let devices = 0;
      for (let h = 0; h < n; h++)
        if (inCover[h]) {
          if (isUser(h)) users++;
          else devices++;
        }
      // A hub left out whose neighbour is another hub left out: that pair is uncovered, the branch is empty.
      let empty = false;
      hubs.forEach((h, i) => {
        if (!(mask & (1 << i)) && !inCover[h])
          for (const w of graph.neighbours(h)) if (removed[w] && !inCover[w]) empty = true;
      });
      if (empty) continue;
      // A branch whose holders already in the cover cost the best answer known holds no cheaper cover.
      const committed = priceCalNeedsCost(
        [
          { type: "user" as const, tier: 0, count: users },
          { type: "device" as const, tier: 0, count: devices },
        ].filter((x) => x.count > 0),
        pools,
        market,
      );
      if (committed.exact && committed.cost >= upperBound) continue;
      let branch: Frontier = shift(single(), users, devices);
      // Past four times the budget (frontier sums and enumerations count too) the bound is given up: its time
      // stays bounded whatever the family.
      for (const component of listComponents(graph, inCover, removed, spend)) {
        if (work > HARD_CAP * maxWork) return "over";
        components++;
        const f = solveComponent(graph, component, nu, budget, spend, 0, exactReleases);
        if (exactReleases && !f.exact) exactFrontiers = false;
        branch = convolve(branch, f.frontier, spend);
      }
      total = total ? pointwiseMin(total, branch) : branch;
    }
    return total;
  };
  const over = {
    kind: "skipped",
    reason: `more than ${HARD_CAP * maxWork} units of work`,
  } as const;
  // The cheap test first: greedy k-sets in place of the release search. What they price at is at least the
  // bound the search could prove; at or below the bound known, the search would be wasted.
  const estimate = frontierOverHubs(false);
  if (estimate === "over") return over;
  const bounded = (bound: number): ComponentBound => ({
    kind: "bound",
    bound,
    exactFrontiers,
    hubs: hubs.length,
    components,
    work,
  });
  // Every branch pruned: none holds a cover cheaper than the best known, which is then the bound.
  if (!estimate) return bounded(upperBound);
  // Only its least-floor points are priced: the best of them is at least the estimate's bound, so at or below
  // the bound known it proves the search cannot gain.
  const cheap = priceFrontier(estimate, nu1, topTier, pools, market, knownBound, ESTIMATE_POINTS);
  if (cheap.kind === "skipped")
    return {
      kind: "skipped",
      reason: `${cheap.reason} (greedy releases, ${work} units of work)`,
    };
  // The search gets its own budget: the cheap test's work is counted beside it (at most as much again).
  const cheapWork = work;
  work = 0;
  budget.left = maxWork;
  components = 0;
  const total = frontierOverHubs(true);
  if (total === "over") return over;
  work += cheapWork;
  if (!total) return bounded(upperBound);
  const priced = priceFrontier(
    total,
    nu1,
    topTier,
    pools,
    market,
    knownBound,
    Number.POSITIVE_INFINITY,
  );
  if (priced.kind === "skipped") return priced;
  return bounded(Math.min(priced.bound, upperBound));
}

/**
 * The least real price over the counts a frontier and ν allow: per user count u, at least frontier[u]
 * devices, and at least ν holders at the top tier (a of them users, ν − a devices). User counts are taken in
 * order of their floor (every holder at tier 0), so the search stops at the first floor that cannot beat the
 * best, and as soon as the best is no better than `knownBound` (skipped: nothing gained). After `maxPoints`
 * user counts the best so far is returned: at least the least price, an upper estimate of it.
 */
function priceFrontier(
  frontier: Frontier,
  nu1: number,
  topTier: number,
  pools: readonly OwnedPool[],
  market: CalMarket,
  knownBound: number,
  maxPoints: number,
):
  | { readonly kind: "bound"; readonly bound: number }
  | { readonly kind: "skipped"; readonly reason: string } {
  // Up to ν more users than the frontier's components hold: a user whose pairs a forced device covers (at an
  // older tier, on an owned CAL) may still be one of the ν top-tier holders, and the frontier ("at most u
  // users") stays at its last value past its end. Without them the ν were priced as devices: a bound above
  // the optimum (a device-only 2008 pair, two users on 2012 pairs, device CALs of 2012 dear).
  let last = Number.POSITIVE_INFINITY;
  for (const f of frontier) if (Number.isFinite(f)) last = Math.min(last, f);
  const total = [...frontier, ...new Array<number>(nu1).fill(last)];
  // The split of ν between users and devices is priced per user count only while that stays small.
  const splits = total.length * (nu1 + 1) <= MAX_PRICED_SPLITS;
  let exactPrices = true;
  const price = (needs: Need[]) => {
    const p = priceCalNeedsCost(
      needs.filter((x) => x.count > 0),
      pools,
      market,
    );
    if (!p.exact) exactPrices = false;
    return p.cost;
  };
  // Whatever split of the ν top-tier holders, at least max(frontier, ν − u) devices, all priced at tier 0.
  const points: { u: number; f: number; floor: number }[] = [];
  for (let u = 0; u < total.length; u++) {
    const f = total[u] as number;
    if (!Number.isFinite(f)) continue;
    const floor = price([
      { type: "user", tier: 0, count: u },
      { type: "device", tier: 0, count: Math.max(f, nu1 - u) },
    ]);
    points.push({ u, f, floor });
  }
  points.sort((a, b) => a.floor - b.floor || a.u - b.u);
  const skipped = { kind: "skipped", reason: "no better than the bound known" } as const;
  let best = Number.POSITIVE_INFINITY;
  let tried = 0;
  for (const { u, f, floor } of points) {
    if (tried++ >= maxPoints) break;
    // Every later point's floor is at least this one's: none can beat the best.
    if (floor >= best) break;
    if (nu1 === 0 || !splits) best = floor;
    // a of the ν top-tier holders are users, the rest devices (so at least ν − a devices).
    else
      for (let a = 0; a <= Math.min(u, nu1); a++) {
        const d = Math.max(f, nu1 - a);
        const cost = price([
          { type: "user", tier: topTier, count: a },
          { type: "user", tier: 0, count: u - a },
          { type: "device", tier: topTier, count: nu1 - a },
          { type: "device", tier: 0, count: d - (nu1 - a) },
        ]);
        if (cost < best) best = cost;
        if (best <= floor) break;
      }
    // No better than the bound already known: the rest of the pricing would be wasted.
    if (best <= knownBound) return skipped;
  }
  if (!exactPrices) return { kind: "skipped", reason: "a purchase was priced by a heuristic" };
  return { kind: "bound", bound: best };
}

/** For each number of users (index), the fewest devices a cover with at most that many users needs. */
type Frontier = number[];

/** Holders' neighbours in compressed rows (users first, then devices). */
export interface Adjacency {
  readonly degree: Int32Array;
  neighbours(h: number): Int32Array;
}

/** The adjacency of n holders from pairs (from[i], to[i]). */
export function buildAdjacency(
  n: number,
  from: readonly number[],
  to: readonly number[],
): Adjacency {
  const degree = new Int32Array(n);
  for (let i = 0; i < from.length; i++) {
    const a = from[i] as number;
    const b = to[i] as number;
    degree[a] = (degree[a] as number) + 1;
    degree[b] = (degree[b] as number) + 1;
  }
  const start = new Int32Array(n + 1);
  for (let h = 0; h < n; h++) start[h + 1] = (start[h] as number) + (degree[h] as number);
  const fill = start.slice(0, n);
  const list = new Int32Array(start[n] as number);
  for (let i = 0; i < from.length; i++) {
    const a = from[i] as number;
    const b = to[i] as number;
    const at = fill[a] as number;
    const bt = fill[b] as number;
    list[at] = b;
    list[bt] = a;
    fill[a] = at + 1;
    fill[b] = bt + 1;
  }
  return {
    degree,
    neighbours: (h) => list.subarray(start[h] as number, start[h + 1] as number),
  };
}

/** Holders still open: not in the cover, not removed, with at least one pair not covered yet. */
function isOpen(graph: Adjacency, inCover: Uint8Array, removed: Uint8Array, h: number): boolean {
  if (inCover[h] || removed[h]) return false;
  for (const w of graph.neighbours(h)) if (!inCover[w] && !removed[w]) return true;
  return false;
}

/** The connected components of the open holders (pairs between two open holders). */
export function listComponents(
  graph: Adjacency,
  inCover: Uint8Array,
  removed: Uint8Array,
  spend: (units: number) => void,
): number[][] {
  const n = graph.degree.length;
  const seen = new Uint8Array(n);
  const out: number[][] = [];
  let steps = 0;
  for (let s = 0; s < n; s++) {
    if (seen[s] || !isOpen(graph, inCover, removed, s)) continue;
    const component = [s];
    seen[s] = 1;
    for (let i = 0; i < component.length; i++)
      for (const w of graph.neighbours(component[i] as number)) {
        steps++;
        if (seen[w] || inCover[w] || removed[w]) continue;
        seen[w] = 1;
        component.push(w);
      }
    out.push(component);
  }
  spend(steps);
  return out;
}

/** The busiest holders whose removal splits the family (a few, chosen greedily; none when nothing splits). */
export function chooseHubs(
  graph: Adjacency,
  inCover: Uint8Array,
  spend: (units: number) => void,
): number[] {
  const n = graph.degree.length;
  const removed = new Uint8Array(n);
  const largest = () =>
    listComponents(graph, inCover, removed, spend).reduce((m, c) => Math.max(m, c.length), 0);
  const candidates = Array.from({ length: n }, (_, h) => h)
    .filter((h) => !inCover[h] && (graph.degree[h] as number) >= 8)
    .sort((a, b) => (graph.degree[b] as number) - (graph.degree[a] as number))
    .slice(0, 8);
  // Greedily, the holder whose removal leaves the smallest largest component (two administrators may each
  // join everything alone, so a step may gain nothing before the next one splits).
  const order: number[] = [];
  const sizes: number[] = [largest()];
  while (order.length < MAX_HUBS) {
    let pick = -1;
    let pickSize = Number.POSITIVE_INFINITY;
    for (const h of candidates) {
      if (removed[h]) continue;
      removed[h] = 1;
      const s = largest();
      removed[h] = 0;
      if (s < pickSize) {
        pickSize = s;
        pick = h;
      }
    }
    if (pick < 0) break;
    removed[pick] = 1;
    order.push(pick);
    sizes.push(pickSize);
  }
  // Each hub doubles the branches: kept is the shortest prefix whose largest component is within a quarter of
  // the smallest reached (a hub that shrinks it less than that is not worth its branches).
  let keep = sizes.indexOf(Math.min(...sizes));
  while (keep > 0 && (sizes[keep - 1] as number) <= (sizes[keep] as number) * 1.25) keep--;
  if ((sizes[keep] as number) > (sizes[0] as number) * 0.8) return [];
  return order.slice(0, keep);
}

interface SolvedComponent {
  readonly frontier: Frontier;
  readonly exact: boolean;
}

/** The frontier of one component of open holders. */
function solveComponent(
  graph: Adjacency,
  component: readonly number[],
  nu: number,
  budget: { left: number },
  spend: (units: number) => void,
  depth: number,
  exactReleases: boolean,
): SolvedComponent {
  const members = new Set(component);
  const users = component.filter((h) => h < nu);
  const devices = component.filter((h) => h >= nu);
  const small = users.length <= devices.length ? users : devices;
  const other = users.length <= devices.length ? devices : users;
  const smallIsUsers = small === users;
  if (small.length <= ENUMERATED_SIDE) {
    return {
      frontier: enumerateSide(graph, members, small, other, smallIsUsers, spend),
      exact: true,
    };
  }
  // The busiest holder, in or out, while that splits the component.
  if (depth < MAX_SPLIT_DEPTH) {
    const busiest = findBusiestHolder(graph, component, members);
    const branches: { inCover: Uint8Array; removed: Uint8Array; users: number; devices: number }[] =
      [];
    const n = graph.degree.length;
    for (const take of [true, false]) {
      const inCover = new Uint8Array(n);
      const removed = new Uint8Array(n);
      for (let h = 0; h < n; h++) if (!members.has(h)) removed[h] = 1;
      removed[busiest] = 1;
      let u = 0;
      let d = 0;
      if (take) {
        if (busiest < nu) u++;
        else d++;
      } else
        for (const w of graph.neighbours(busiest))
          if (members.has(w)) {
            inCover[w] = 1;
            if (w < nu) u++;
            else d++;
          }
      branches.push({ inCover, removed, users: u, devices: d });
    }
    const parts = branches.map((b) => listComponents(graph, b.inCover, b.removed, spend));
    const largestLeft = Math.max(...parts.map((p) => p.reduce((m, c) => Math.max(m, c.length), 0)));
    if (largestLeft <= component.length * 0.9) {
      let result: Frontier | undefined;
      let exact = true;
      branches.forEach((b, i) => {
        let f = shift(single(), b.users, b.devices);
        for (const part of parts[i] as number[][]) {
          const s = solveComponent(graph, part, nu, budget, spend, depth + 1, exactReleases);
          if (!s.exact) exact = false;
          f = convolve(f, s.frontier, spend);
        }
        result = result ? pointwiseMin(result, f) : f;
      });
      return { frontier: result as Frontier, exact };
    }
  }
  const releases = exactReleases
    ? searchReleases(graph, members, small, other, budget, spend)
    : releaseGreedily(graph, members, small, other, budget, spend);
  // Released k of the small side: the small side holds |small| − k, the other side h(k).
  const frontier = new Array<number>(users.length + 1).fill(Number.POSITIVE_INFINITY);
  releases.least.forEach((union, k) => {
    const held = small.length - k;
    const u = smallIsUsers ? held : union;
    const d = smallIsUsers ? union : held;
    if (d < (frontier[u] as number)) frontier[u] = d;
  });
  return { frontier: prefixMin(frontier), exact: releases.exact };
}

/**
 * Every subset of the small side in the cover; the other side's holders with a neighbour of the small side left
 * out are in too. Frontier over the users counted.
 */
function enumerateSide(
  graph: Adjacency,
  members: ReadonlySet<number>,
  small: readonly number[],
  other: readonly number[],
  smallIsUsers: boolean,
  spend: (units: number) => void,
): Frontier {
  const position = new Map(small.map((h, i) => [h, i]));
  const masks = other.map((h) => {
    let m = 0;
    for (const w of graph.neighbours(h)) {
      const p = position.get(w);
      if (p !== undefined && members.has(w)) m |= 1 << p;
    }
    return m;
  });
  const users = smallIsUsers ? small.length : other.length;
  const frontier = new Array<number>(users + 1).fill(Number.POSITIVE_INFINITY);
  const all = (1 << small.length) - 1;
  for (let taken = 0; taken <= all; taken++) {
    const out = all & ~taken;
    let needed = 0;
    for (const m of masks) if (m & out) needed++;
    const held = popcount(taken);
    const u = smallIsUsers ? held : needed;
    const d = smallIsUsers ? needed : held;
    if (d < (frontier[u] as number)) frontier[u] = d;
  }
  spend((all + 1) * Math.max(1, masks.length));
  return prefixMin(frontier);
}

/**
 * Per k, the union of k released holders' neighbourhoods when they are released greedily (each time the one
 * that adds the fewest new neighbours): at least the least union, so a frontier built from it is at least the
 * exact one (the cheap test's estimate). O(|small|² · degree), counted; past the budget every further k
 * gets the whole other side.
 */
function releaseGreedily(
  graph: Adjacency,
  members: ReadonlySet<number>,
  small: readonly number[],
  other: readonly number[],
  budget: { left: number },
  spend: (units: number) => void,
): { least: number[]; exact: boolean } {
  const nbrs = listNeighbourPositions(graph, members, small, other);
  const m = nbrs.length;
  const touched = new Uint8Array(other.length);
  const released = new Uint8Array(m);
  const least: number[] = [0];
  let union = 0;
  let steps = 0;
  for (let k = 1; k <= m; k++) {
    // Past the budget the rest is the whole other side: at least any union, so still at least the exact value.
    if (steps > budget.left) {
      least.push(other.length);
      continue;
    }
    let pick = -1;
    let grow = Number.POSITIVE_INFINITY;
    for (let i = 0; i < m; i++) {
      if (released[i]) continue;
      let g = 0;
      for (const p of nbrs[i] as number[]) if (!touched[p]) g++;
      steps += (nbrs[i] as number[]).length + 1;
      if (g < grow) {
        grow = g;
        pick = i;
      }
    }
    released[pick] = 1;
    for (const p of nbrs[pick] as number[]) touched[p] = 1;
    union += grow;
    least.push(union);
  }
  spend(steps);
  return { least, exact: false };
}

/** Per holder of the small side, the positions (in `other`) of its neighbours in the component, by degree. */
function listNeighbourPositions(
  graph: Adjacency,
  members: ReadonlySet<number>,
  small: readonly number[],
  other: readonly number[],
): number[][] {
  const position = new Map(other.map((h, i) => [h, i]));
  return small
    .map((h) => {
      const list: number[] = [];
      for (const w of graph.neighbours(h)) {
        const p = position.get(w);
        if (p !== undefined && members.has(w)) list.push(p);
      }
      return list;
    })
    .sort((a, b) => a.length - b.length);
}

/**
 * Per k, the fewest holders of the other side adjacent to k released holders of the small side (a minimum
 * k-union), by a branch and bound per k over the small side in order of degree, cut when the union reaches the
 * best known (a greedy choice first). Past the budget, the rest is bounded below by the largest exact value so
 * far and by degrees (Σ released degrees ≤ union × the other side's largest degree), and is not exact.
 */
function searchReleases(
  graph: Adjacency,
  members: ReadonlySet<number>,
  small: readonly number[],
  other: readonly number[],
  budget: { left: number },
  spend: (units: number) => void,
): { least: number[]; exact: boolean } {
  const nbrs = listNeighbourPositions(graph, members, small, other);
  let otherDegree = 0;
  for (const h of other) {
    let d = 0;
    for (const w of graph.neighbours(h)) if (members.has(w)) d++;
    otherDegree = Math.max(otherDegree, d);
  }
  return searchLeastUnions(nbrs, other.length, otherDegree, budget, spend);
}

/**
 * Per k, a lower bound on the least union of k of the sets `nbrs` (positions in a universe of `universe`
 * elements, sorted by size, each element in at most `otherDegree` sets): exact by a branch and bound per k
 * (cut when the union reaches the best known, a greedy choice first) while the budget lasts; past it, the
 * largest exact value so far and Σ sizes ≤ union × `otherDegree`, and `exact` is false.
 */
export function searchLeastUnions(
  nbrs: readonly (readonly number[])[],
  universe: number,
  otherDegree: number,
  budget: { left: number },
  spend: (units: number) => void,
  floors: readonly number[] = [],
): { least: number[]; exact: boolean } {
  const other = { length: universe };
  const m = nbrs.length;
  const count = new Int32Array(other.length);
  const sharing = new Int32Array(other.length);
  let union = 0;
  const add = (i: number) => {
    for (const p of nbrs[i] as number[]) {
      if (count[p] === 0) union++;
      count[p] = (count[p] as number) + 1;
    }
  };
  const remove = (i: number) => {
    for (const p of nbrs[i] as number[]) {
      count[p] = (count[p] as number) - 1;
      if (count[p] === 0) union--;
    }
  };
  const least: number[] = [0];
  let exact = true;
  let degreeSum = 0;
  // Each element's 1 shared evenly by the sets holding it: any k sets' union is at least their shares' sum.
  for (const list of nbrs) for (const p of list) sharing[p] = (sharing[p] as number) + 1;
  const shares = nbrs
    .map((list) => list.reduce((sum, p) => sum + 1 / (sharing[p] as number), 0))
    .sort((a, b) => a - b);
  sharing.fill(0);
  let shareSum = 0;
  for (let k = 1; k <= m; k++) {
    degreeSum += (nbrs[k - 1] as number[]).length;
    shareSum += shares[k - 1] as number;
    const floor = Math.max(
      floors[k] ?? 0,
      least[k - 1] as number,
      Math.ceil(degreeSum / Math.max(1, otherDegree)),
      Math.ceil(shareSum - 1e-9),
    );
    if (!exact || (least[k - 1] as number) >= other.length) {
      least.push(exact ? other.length : Math.min(other.length, floor));
      continue;
    }
    // A greedy k-set: the cheapest addition each time.
    const chosen = new Uint8Array(m);
    for (let j = 0; j < k; j++) {
      let pick = -1;
      let grow = Number.POSITIVE_INFINITY;
      for (let i = 0; i < m; i++) {
        if (chosen[i]) continue;
        let g = 0;
        for (const p of nbrs[i] as number[]) if (count[p] === 0) g++;
        if (g < grow) {
          grow = g;
          pick = i;
        }
      }
      chosen[pick] = 1;
      add(pick);
    }
    let best = union;
    for (let i = 0; i < m; i++) if (chosen[i]) remove(i);
    spend(k * m);
    // The greedy k-set meets a proven floor: it is the least union, no search needed.
    if (best <= floor) {
      least.push(Math.max(best, least[k - 1] as number));
      continue;
    }
    // Branch and bound over k-subsets in index order: the union only grows.
    let nodes = 0;
    let stopped = false;
    const search = (next: number, picked: number) => {
      if (stopped) return;
      if (++nodes > budget.left) {
        stopped = true;
        return;
      }
      if (union >= best) return;
      if (picked === k) {
        best = union;
        return;
      }
      // The k − picked holders still to add each bring their new neighbours; the union grows by at least the
      // (k − picked)-th smallest of those counts.
      // And by at least Σ of the need least shares: each new neighbour's 1 split evenly over the candidates
      // that would add it, so the chosen ones' shares sum to at most the neighbours they add.
      const need = k - picked;
      const grows: number[] = [];
      for (let i = next; i < m; i++)
        for (const p of nbrs[i] as number[])
          if (count[p] === 0) sharing[p] = (sharing[p] as number) + 1;
      const shares: number[] = [];
      for (let i = next; i < m; i++) {
        let g = 0;
        let share = 0;
        for (const p of nbrs[i] as number[])
          if (count[p] === 0) {
            g++;
            share += 1 / (sharing[p] as number);
          }
        grows.push(g);
        shares.push(share);
      }
      for (let i = next; i < m; i++) for (const p of nbrs[i] as number[]) sharing[p] = 0;
      nodes += 3 * (m - next);
      if (grows.length < need) return;
      grows.sort((a, b) => a - b);
      shares.sort((a, b) => a - b);
      let sum = 0;
      for (let j = 0; j < need; j++) sum += shares[j] as number;
      const grow = Math.max(grows[need - 1] as number, Math.ceil(sum - 1e-9));
      if (union + grow >= best) return;
      for (let i = next; i <= m - need; i++) {
        add(i);
        search(i + 1, picked + 1);
        remove(i);
        if (stopped) return;
      }
    };
    search(0, 0);
    spend(nodes);
    if (stopped) {
      exact = false;
      least.push(Math.min(other.length, floor));
    } else least.push(Math.max(best, least[k - 1] as number));
  }
  return { least, exact };
}

/** The frontier of the empty cover: no users, no devices. */
function single(): Frontier {
  return [0];
}

/** A frontier with `users` more users and `devices` more devices in every cover. */
function shift(f: Frontier, users: number, devices: number): Frontier {
  const out = new Array<number>(f.length + users).fill(Number.POSITIVE_INFINITY);
  f.forEach((d, u) => {
    out[u + users] = d + devices;
  });
  return prefixMin(out);
}

/** Two independent parts together: min-plus convolution of their frontiers. */
function convolve(a: Frontier, b: Frontier, spend: (units: number) => void): Frontier {
  const out = new Array<number>(a.length + b.length - 1).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    if (!Number.isFinite(x)) continue;
    for (let j = 0; j < b.length; j++) {
      const v = x + (b[j] as number);
      if (v < (out[i + j] as number)) out[i + j] = v;
    }
  }
  spend(a.length * b.length);
  return prefixMin(out);
}

/** Either branch: the fewer devices for each number of users. */
function pointwiseMin(a: Frontier, b: Frontier): Frontier {
  const out = new Array<number>(Math.max(a.length, b.length)).fill(Number.POSITIVE_INFINITY);
  for (let u = 0; u < out.length; u++)
    out[u] = Math.min(
      a[Math.min(u, a.length - 1)] as number,
      b[Math.min(u, b.length - 1)] as number,
    );
  return prefixMin(out);
}

/** At most u users: a cover with fewer users also counts. */
function prefixMin(f: Frontier): Frontier {
  for (let u = 1; u < f.length; u++) f[u] = Math.min(f[u] as number, f[u - 1] as number);
  return f;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The fewest holders any cover puts at the top tier: those only one side may cover at that tier, plus a maximum
 * matching of the other top-tier pairs (König: a bipartite vertex cover is at least a matching).
 */
function countTopHolders(
  n: number,
  nu: number,
  from: readonly number[],
  to: readonly number[],
  forcedTop: Uint8Array,
): number {
  let count = 0;
  for (let h = 0; h < n; h++) if (forcedTop[h]) count++;
  const adj: number[][] = Array.from({ length: nu }, () => []);
  for (let i = 0; i < from.length; i++) {
    const u = from[i] as number;
    const d = to[i] as number;
    if (forcedTop[u] || forcedTop[d]) continue;
    (adj[u] as number[]).push(d);
  }
  const matchOf = new Int32Array(n).fill(-1);
  const seen = new Int32Array(n).fill(-1);
  // Augmenting paths, iteratively (a recursive search could overflow the stack at scale).
  for (let u = 0; u < nu; u++) {
    if ((adj[u] as number[]).length === 0) continue;
    const stack: { user: number; next: number }[] = [{ user: u, next: 0 }];
    const path: number[] = [];
    seen[u] = u;
    let found = false;
    while (stack.length > 0 && !found) {
      const top = stack[stack.length - 1] as { user: number; next: number };
      const list = adj[top.user] as number[];
      if (top.next >= list.length) {
        stack.pop();
        path.pop();
        continue;
      }
      const d = list[top.next++] as number;
      if (seen[d] === u) continue;
      seen[d] = u;
      path.push(d);
      const owner = matchOf[d] as number;
      if (owner < 0) {
        found = true;
        break;
      }
      stack.push({ user: owner, next: 0 });
    }
    if (!found) continue;
    // Flip the path: stack[i].user takes path[i].
    for (let i = 0; i < stack.length; i++) {
      const user = (stack[i] as { user: number }).user;
      const d = path[i] as number;
      matchOf[d] = user;
    }
    count++;
  }
  return count;
}
