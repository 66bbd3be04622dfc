import type { Need, OwnedPool } from "../compliance/allocate-owned.ts";
import {
  type Adjacency,
  buildAdjacency,
  type ComponentBoundMemo,
  chooseHubs,
  listComponents,
  searchLeastUnions,
} from "./bound-by-components.ts";
import { boundReleasedJointly } from "./bound-released-jointly.ts";
import { boundUnionsByClosure } from "./bound-unions-by-closure.ts";
import type { CoverEdge } from "./choose-cal-mix.ts";
import { internCoverEdges } from "./intern-cover-edges.ts";
import { type CalMarket, priceCalNeedsCost } from "./price-cal-needs.ts";
import { refineWardCurves } from "./refine-ward-curves.ts";
import { searchLeastUnionsByShares } from "./search-least-unions-by-shares.ts";

/** A lower bound in real money that sees which devices need the newer tier, or why none was computed. */
export type TierBound =
  | {
      readonly kind: "bound";
      readonly bound: number;
      /** True when no component fell back from its exact least unions to their degree bound. */
      readonly exactUnions: boolean;
      readonly hubs: number;
      readonly components: number;
      readonly work: number;
      /** The ward's least lowerings the bound reached, as covers to try (`TierLowering`). */
      readonly lowerings: readonly TierLowering[];
    }
  | { readonly kind: "skipped"; readonly reason: string };

/**
 * One way a ward's devices can keep an older CAL, found by the bound (the least union of k devices' newer users):
 * the users to hold CALs, the devices at the oldest tier, the ward's other devices and users (at their pairs'
 * tier, and without a CAL). The planner tries it as a cover (with the rest of its best one): where the bound's
 * cheapest cell is a real cover, the answer meets the bound.
 */
export interface TierLowering {
  readonly users: readonly string[];
  readonly lowered: readonly string[];
  readonly otherDevices: readonly string[];
  readonly otherUsers: readonly string[];
}

/**
 * `boundByTiers` through the planner's memo of component bounds (its own keys): the solver pass of
 * `evaluateUntilProven` plans the family again and takes the bound from here instead of searching again.
 */
export function boundByTiersOnce(
  memo: ComponentBoundMemo | undefined,
  key: string,
  ...args: Parameters<typeof boundByTiers>
): TierBound {
  if (!memo) return boundByTiers(...args);
  const [, , , upperBound, knownBound, maxWork] = args;
  const full = `tiers|${key}|${upperBound}|${knownBound}|${maxWork}`;
  const kept = memo.get(full);
  if (kept?.kind === "skipped") return kept;
  if (kept)
    return {
      kind: "bound",
      bound: kept.bound,
      exactUnions: kept.exactFrontiers,
      hubs: kept.hubs,
      components: kept.components,
      work: kept.work,
      lowerings: kept.lowerings ?? [],
    };
  const bound = boundByTiers(...args);
  memo.set(
    full,
    bound.kind === "bound"
      ? {
          kind: "bound",
          bound: bound.bound,
          exactFrontiers: bound.exactUnions,
          hubs: bound.hubs,
          components: bound.components,
          work: bound.work,
          lowerings: bound.lowerings,
        }
      : bound,
  );
  return bound;
}

/** A component whose users are at most this many is enumerated subset by subset. */
const ENUMERATED_USERS = 12;
/** A component whose devices are at most this many is enumerated device state by device state (3^n). */
const ENUMERATED_DEVICES = 7;
/** Work past this multiple of the budget gives the bound up, whatever the family. */
const HARD_CAP = 4;
/** The joint least unions of released sets (`boundReleasedJointly`) have this multiple of the budget, shared. */
const JOINT_SHARE = 4;
/** The least lowerings by shares (`searchLeastUnionsByShares`) up front have this multiple of the budget, shared:
 * their witnesses are covers to try; the bound's own needs are met by the refinement, asked only where it binds. */
const SHARES_SHARE = 1;
/** The ward curves' refinement (`refineWardCurves`) has this multiple of the budget, shared (the 1,383-pair
 * binding case takes 11M units of it to meet its answer). */
const REFINE_SHARE = 10;
/** A ward's table of more cells than this is not refined (each step refills it). */
const REFINE_CELLS = 50_000;
/** The released least unions up front have this fraction of the budget left (the refinement asks the rest). */
const RELEASED_SHARE = 64;
/** Families with more holders than this are not bounded (the planner gives it no larger ones either). */
const MAX_HOLDERS = 5_000;
/** A part of this many holders or more, not enumerated, counts as a ward (the least unions search it). */
const WARD_HOLDERS = 100;
/** Parts with more devices or users than these take the table that holds for any cover. */
const BOUNDED_DEVICES = 400;
const BOUNDED_USERS = 2_000;
/** Branching on a part's busiest holder goes this deep before the least unions take over. */
const MAX_SPLIT_DEPTH = 6;
/** The closure's prices: β per lowered device in steps of 1/4 user, α per released device from this list. */
const CLOSURE_SCALE = 4;
const CLOSURE_ALPHAS = [0, 6, 9, 12, 15];

/**
 * Per (users u, devices at the newer tier n): the fewest devices holding any CAL, over the covers of one part
 * (Infinity where none). Rows are user counts, columns newer-tier device counts.
 */
interface Table {
  readonly users: number;
  readonly newer: number;
  /** (users + 1) × (newer + 1) cells, row-major. */
  readonly least: Float64Array;
}

/**
 * A lower bound on the money paid over every cover that sees the tier dimension the bound by components
 * leaves out (issue 10, binding owned pools): on a ward a device needs a CAL of the newer tier unless the users
 * of all its newer pairs hold CALs, and is released only when all its users do. Relaxation: the tiers present
 * are cut in two, the oldest (t0) and every newer one (t1, the next tier present); a user CAL is priced at t0,
 * a device at t1 when one of its t1-or-newer pairs has no user holding a CAL, else at t0 when one of its pairs
 * has none, else it is released; every real cover maps to such counts (u, n, m) no larger, and the real price
 * only grows with them (`priceCalNeedsCost`). The counts per part, after branching on a few hubs (a user in or
 * out; a device at t1, at t0 with the users of its newer pairs in, or out with all its users in): exact by
 * enumeration for small parts (users ≤ 12 or devices ≤ 7), else bounded: with u users, at most R(u) devices
 * released and Q(u) released or at t0, where R and Q invert lower bounds on the least union of k devices'
 * neighbourhoods (all pairs, or newer pairs only; `searchLeastUnions`, exact within the work budget). Parts are
 * summed by a min-plus convolution over (u, n); the least price over the cells is the bound. `upperBound` (a real
 * cover's price) prunes hub branches; the bound is skipped when it cannot beat `knownBound`.
 */
export function boundByTiers(
  edges: readonly CoverEdge[],
  pools: readonly OwnedPool[],
  market: CalMarket,
  upperBound: number,
  knownBound: number,
  maxWork: number,
  /** False takes every part to its bounded tables (tests of that path on small families). */
  enumerate = true,
): TierBound {
  const present = [...new Set(edges.map((e) => e.tier))].sort((a, b) => a - b);
  if (present.length < 2) return { kind: "skipped", reason: "one tier only" };
  const t0 = present[0] as number;
  const t1 = present[1] as number;
  const interned = internCoverEdges(edges);
  const nu = interned.userNames.length;
  const nd = interned.deviceNames.length;
  const n = nu + nd;
  // A size test up front, the planner's own gate: a 20,000-holder family spent 8–9 s on its tables.
  if (n > MAX_HOLDERS) return { kind: "skipped", reason: `more than ${MAX_HOLDERS} holders` };
  // Per holder, what every branch starts from: 0 open, 1 in (a user; a device at t0 at least), 2 a device at t1.
  const base = new Uint8Array(n);
  const from: number[] = [];
  const to: number[] = [];
  const newer: number[] = [];
  for (let e = 0; e < edges.length; e++) {
    const u = interned.edgeUser[e] as number;
    const d = interned.edgeDevice[e] as number;
    const high = (edges[e] as CoverEdge).tier >= t1;
    if (u < 0 && d < 0) return { kind: "skipped", reason: "a pair no CAL can cover" };
    if (u < 0) base[nu + d] = Math.max(base[nu + d] as number, high ? 2 : 1);
    else if (d < 0) base[u] = 1;
    else {
      from.push(u);
      to.push(nu + d);
      newer.push(high ? 1 : 0);
    }
  }
  const graph = buildAdjacency(n, from, to);
  // Whether each adjacency slot's pair is newer: the same layout as the adjacency, filled in the same order.
  const slotNewer = listSlotFlags(graph, n, from, to, newer);

  let work = 0;
  const budget = { left: maxWork };
  const joint = { left: JOINT_SHARE * maxWork };
  const jointUsed = () => JOINT_SHARE * maxWork - joint.left;
  // Work of the least-union searches and the closures comes out of the budget; enumerating small parts,
  // splitting, convolving and pricing tables only count toward the hard cap, so a ward's search does not depend
  // on how many office parts came before it.
  const spend = (units: number, fromBudget = true) => {
    work += units;
    if (fromBudget) budget.left -= units;
  };
  let exactUnions = true;
  let components = 0;
  const inBase = new Uint8Array(n);
  for (let h = 0; h < n; h++) if (base[h] === 2 || (h < nu && base[h] === 1)) inBase[h] = 1;
  const hubs = chooseHubs(graph, inBase, spend);
  const shares = { left: SHARES_SHARE * maxWork };
  const sharesUsed = () => SHARES_SHARE * maxWork - shares.left;
  const refineWork = { left: REFINE_SHARE * maxWork };
  const refineUsed = () => REFINE_SHARE * maxWork - refineWork.left;
  const lowerings: TierLowering[] = [];
  const name = (h: number) =>
    (h < nu ? interned.userNames[h] : interned.deviceNames[h - nu]) as string;
  const context: PartContext = {
    graph,
    slotNewer,
    nu,
    budget,
    joint,
    shares,
    refineWork,
    spend,
    lowerings,
    lowering: (users, lowered, otherDevices, otherUsers) =>
      lowerings.push({
        users: users.map(name),
        lowered: lowered.map(name),
        otherDevices: otherDevices.map(name),
        otherUsers: otherUsers.map(name),
      }),
  };
  const price = createPricer(pools, market, t0, t1);

  // Every combination of hub states: a user hub in or out, a device hub at t1, at t0 or out.
  const states = hubs.map((h) => (h < nu ? 2 : 3));
  const branches = states.reduce((s, k) => s * k, 1);
  let best = Number.POSITIVE_INFINITY;
  for (let b = 0; b < branches; b++) {
    const state = new Uint8Array(base);
    let code = b;
    let empty = false;
    for (let i = 0; i < hubs.length && !empty; i++) {
      const h = hubs[i] as number;
      const k = states[i] as number;
      const choice = code % k;
      code = Math.floor(code / k);
      empty = !placeHub(graph, slotNewer, state, h, nu, choice);
    }
    if (empty) continue;
    const part = countSettled(graph, slotNewer, state, nu);
    if (price(part.users, part.newer, part.devices) >= Math.min(upperBound, best)) continue;
    let total: Table = { users: 0, newer: 0, least: Float64Array.of(0) };
    const open = new Uint8Array(n);
    for (let h = 0; h < n; h++) open[h] = isOpen(graph, slotNewer, state, h, nu) ? 0 : 1;
    const parts = listComponents(graph, new Uint8Array(n), open, spend);
    // Predicted up front: the least-union searches' budget covers one ward (at ~2,700 generated pairs two wards
    // per branch gave no bound with twice the budget, after 1–2 s of CPU), so more than one skips the bound.
    const wards = parts.filter(
      (c) => c.length >= WARD_HOLDERS && countUsers(c, nu) > ENUMERATED_USERS,
    );
    if (wards.length > 1)
      return { kind: "skipped", reason: `${wards.length} wards, the budget covers one` };
    // The ward last: its curves are then raised against the prices of everything else in the branch (with the
    // bounded tables only, the tests' path, the largest part stands for it).
    const ward = enumerate
      ? wards[0]
      : parts.reduce<number[] | undefined>(
          (a, c) => (a && a.length >= c.length ? a : c),
          undefined,
        );
    const ordered = ward ? [...parts.filter((c) => c !== ward), ward] : parts;
    for (const component of ordered) {
      if (work + jointUsed() > (HARD_CAP + JOINT_SHARE) * maxWork)
        return {
          kind: "skipped",
          reason: `more than ${(HARD_CAP + JOINT_SHARE) * maxWork} units of work`,
        };
      components++;
      const refine =
        component === ward
          ? { rest: total, settled: part, price, target: Math.min(upperBound, best) }
          : undefined;
      const solved = solvePart(context, state, component, enumerate ? 0 : -1, refine);
      if (!solved.exact) exactUnions = false;
      total = convolveTables(total, solved.table, spend);
    }
    best = Math.min(best, priceTable(total, part, price, best, spend));
    // The bound is the least over the branches: once one is no better than the bound known, so is the bound
    // (at ~2,700 pairs the parts' budget runs out in the first branch; the others would only spend).
    if (best <= knownBound) return { kind: "skipped", reason: "no better than the bound known" };
  }
  if (!Number.isFinite(best)) best = upperBound;
  const bound = Math.min(best, upperBound);
  if (bound <= knownBound) return { kind: "skipped", reason: "no better than the bound known" };
  if (price.inexact()) return { kind: "skipped", reason: "a purchase was priced by a heuristic" };
  return {
    kind: "bound",
    bound,
    exactUnions,
    hubs: hubs.length,
    components,
    work: work + jointUsed() + sharesUsed() + refineUsed(),
    lowerings,
  };
}

/** What a ward solved last sees of its branch: the other parts' table, the settled holders, the prices, the best. */
interface WardRefine {
  readonly rest: Table;
  readonly settled: { readonly users: number; readonly newer: number; readonly devices: number };
  readonly price: Pricer;
  /** No cell needs ruling out at or above this price. */
  readonly target: number;
}

type Pricer = ReturnType<typeof createPricer>;

/** Counts work; `fromBudget` false counts it only toward the hard cap (convolutions, pricing). */
type Spend = (units: number, fromBudget?: boolean) => void;

/** What every part of a family's branches is solved with: the graph, the work budgets and the counter. */
interface PartContext {
  readonly graph: Adjacency;
  readonly slotNewer: SlotFlags;
  /** Holders below this number are users. */
  readonly nu: number;
  /** The least-union searches' and closures' budget. */
  readonly budget: { left: number };
  /** The joint least unions' budget (`boundReleasedJointly`). */
  readonly joint: { left: number };
  /** The least lowerings' budget (`searchLeastUnionsByShares`). */
  readonly shares: { left: number };
  /** The ward curves' refinement's budget (`refineWardCurves`). */
  readonly refineWork: { left: number };
  readonly spend: Spend;
  /** The lowerings noted so far (names). */
  readonly lowerings: readonly TierLowering[];
  /** Notes a ward's lowering the shares search reached (holder numbers), for the planner to try as a cover. */
  readonly lowering: (
    users: readonly number[],
    lowered: readonly number[],
    otherDevices: readonly number[],
    otherUsers: readonly number[],
  ) => void;
}

/** Per adjacency slot (a holder's i-th neighbour at offset[h] + i), 1 when its pair is newer (t1 or later). */
interface SlotFlags {
  readonly offset: Int32Array;
  readonly flags: Uint8Array;
}

function listSlotFlags(
  graph: Adjacency,
  n: number,
  from: readonly number[],
  to: readonly number[],
  newer: readonly number[],
): SlotFlags {
  // buildAdjacency fills each holder's slots in pair order; the same walk finds each pair's two slots.
  const offset = new Int32Array(n + 1);
  for (let h = 0; h < n; h++) offset[h + 1] = (offset[h] as number) + (graph.degree[h] as number);
  const fill = offset.slice(0, n);
  const flags = new Uint8Array(offset[n] as number);
  for (let i = 0; i < from.length; i++) {
    const a = from[i] as number;
    const b = to[i] as number;
    flags[fill[a] as number] = newer[i] as number;
    flags[fill[b] as number] = newer[i] as number;
    fill[a] = (fill[a] as number) + 1;
    fill[b] = (fill[b] as number) + 1;
  }
  return { offset, flags };
}

/** Whether holder h's i-th pair is newer. */
function isNewer(slots: SlotFlags, h: number, i: number): boolean {
  return slots.flags[(slots.offset[h] as number) + i] === 1;
}

/** Whether the pair between user u and device d (u's i-th neighbour, d at t0 or t1) is covered. */
function covered(state: Uint8Array, slotNewer: SlotFlags, u: number, i: number, d: number) {
  if (state[u] === 1 || state[d] === 2) return true;
  return state[d] === 1 && !isNewer(slotNewer, u, i);
}

/**
 * A hub's state in a branch (a user: 0 in, 1 out; a device: 0 at t1, 1 at t0, 2 out); false when the branch is
 * empty (a pair between two holders left out).
 */
function placeHub(
  graph: Adjacency,
  slotNewer: SlotFlags,
  state: Uint8Array,
  h: number,
  nu: number,
  choice: number,
): boolean {
  const list = graph.neighbours(h);
  if (h < nu) {
    if (choice === 0) {
      state[h] = 1;
      return true;
    }
    if (state[h] === 1) return false;
    for (let i = 0; i < list.length; i++) {
      const d = list[i] as number;
      if (state[d] === 3) return false;
      if (state[d] !== 2) state[d] = isNewer(slotNewer, h, i) ? 2 : 1;
    }
    state[h] = 3;
    return true;
  }
  if (choice === 0) {
    state[h] = 2;
    return true;
  }
  if (state[h] === 2) return false;
  if (choice === 1) {
    state[h] = 1;
    for (let i = 0; i < list.length; i++) {
      const u = list[i] as number;
      if (!isNewer(slotNewer, h, i)) continue;
      if (state[u] === 3) return false;
      state[u] = 1;
    }
    return true;
  }
  if (state[h] === 1) return false;
  for (const u of list) {
    if (state[u] === 3) return false;
    state[u] = 1;
  }
  state[h] = 3;
  return true;
}

/** Holders settled in every cover of the branch: users in, devices at t1, devices at t0 with no open pair. */
function countSettled(graph: Adjacency, slotNewer: SlotFlags, state: Uint8Array, nu: number) {
  let users = 0;
  let newer = 0;
  let devices = 0;
  for (let h = 0; h < state.length; h++) {
    if (h < nu) {
      if (state[h] === 1) users++;
      continue;
    }
    if (state[h] === 2) {
      newer++;
      devices++;
    } else if (state[h] === 1 && !isOpen(graph, slotNewer, state, h, nu)) devices++;
  }
  return { users, newer, devices };
}

/** An open holder still decides something: it is not settled and one of its pairs is not covered. */
function isOpen(
  graph: Adjacency,
  slotNewer: SlotFlags,
  state: Uint8Array,
  h: number,
  nu: number,
): boolean {
  if (h < nu) {
    if (state[h] === 1 || state[h] === 3) return false;
    const list = graph.neighbours(h);
    for (let i = 0; i < list.length; i++)
      if (!covered(state, slotNewer, h, i, list[i] as number)) return true;
    return false;
  }
  if (state[h] === 2 || state[h] === 3) return false;
  const list = graph.neighbours(h);
  for (let i = 0; i < list.length; i++) {
    const u = list[i] as number;
    if (state[u] === 1) continue;
    if (state[h] === 1 && !isNewer(slotNewer, h, i)) continue;
    return true;
  }
  return false;
}

/**
 * One part's table: exact by enumeration when small, else bounded by least unions. Users of the part are the
 * open users; its devices the open devices (a device at t0 already may still go to t1 but not be released).
 */
function solvePart(
  context: PartContext,
  state: Uint8Array,
  component: readonly number[],
  depth: number,
  /** The prices of the branch around the part (a ward solved last): its curves are raised where they bind. */
  refine?: WardRefine,
): { table: Table; exact: boolean } {
  const { graph, slotNewer, nu, budget, joint, shares, spend, lowerings } = context;
  const users = component.filter((h) => h < nu);
  const devices = component.filter((h) => h >= nu);
  const position = new Map(users.map((u, i) => [u, i]));
  // Per device: its open users (all pairs not covered) and those of its newer pairs, as user positions.
  const all: number[][] = [];
  const high: number[][] = [];
  const keep: boolean[] = [];
  for (const d of devices) {
    const a: number[] = [];
    const t: number[] = [];
    const list = graph.neighbours(d);
    for (let i = 0; i < list.length; i++) {
      const p = position.get(list[i] as number);
      if (p === undefined) continue;
      a.push(p);
      if (isNewer(slotNewer, d, i)) t.push(p);
    }
    all.push(a);
    high.push(t);
    // A device already at t0 cannot be released; its older pairs are covered (not listed above as open).
    keep.push(state[d] === 1);
  }
  const table = emptyTable(users.length, devices.length);
  const note = (u: number, nNew: number, m: number) => {
    const at = u * (devices.length + 1) + nNew;
    if (m < (table.least[at] as number)) table.least[at] = m;
  };
  // depth −1: the bounded tables only (the tests' way to reach them on small parts).
  if (depth >= 0 && users.length <= ENUMERATED_USERS) {
    const masks = (lists: number[][]) => lists.map((l) => l.reduce((m, p) => m | (1 << p), 0));
    const allMask = masks(all);
    const highMask = masks(high);
    for (let s = 0; s < 1 << users.length; s++) {
      let nNew = 0;
      let m = 0;
      for (let j = 0; j < devices.length; j++) {
        const released = !keep[j] && ((allMask[j] as number) & ~s) === 0;
        if (released) continue;
        m++;
        if (((highMask[j] as number) & ~s) !== 0) nNew++;
      }
      note(popcount(s), nNew, m);
    }
    spend((1 << users.length) * Math.max(1, devices.length), false);
    return { table: monotone(table), exact: true };
  }
  if (depth >= 0 && devices.length <= ENUMERATED_DEVICES) {
    const count = new Int32Array(users.length);
    let union = 0;
    const add = (list: readonly number[], by: number) => {
      for (const p of list) {
        if (by > 0 && count[p] === 0) union++;
        count[p] = (count[p] as number) + by;
        if (by < 0 && count[p] === 0) union--;
      }
    };
    let visits = 0;
    const walk = (j: number, nNew: number, m: number) => {
      visits++;
      if (j === devices.length) {
        note(union, nNew, m);
        return;
      }
      walk(j + 1, nNew + 1, m + 1);
      add(high[j] as number[], 1);
      walk(j + 1, nNew, m + 1);
      add(high[j] as number[], -1);
      if (!keep[j]) {
        add(all[j] as number[], 1);
        walk(j + 1, nNew, m);
        add(all[j] as number[], -1);
      }
    };
    walk(0, 0, 0);
    spend(visits * users.length, false);
    return { table: monotone(table), exact: true };
  }
  // The busiest holder in each of its states, while that splits the part (offices around a hot desk).
  if (depth >= 0 && depth < MAX_SPLIT_DEPTH) {
    const split = splitOnBusiest(context, state, component, depth);
    if (split) {
      const out = emptyTable(users.length, devices.length);
      for (const s of split) place(out, s.table, s.users, s.newer, s.devices);
      return { table: monotone(out), exact: split.every((s) => s.exact) };
    }
  }
  // Too large for the least unions and the closure (a hostile family): the table that holds for any cover
  // (every device at t0 or released), so the bound stays valid and its time bounded.
  if (devices.length > BOUNDED_DEVICES || users.length > BOUNDED_USERS) {
    for (let u = 0; u <= users.length; u++) note(u, 0, 0);
    return { table: monotone(table), exact: false };
  }
  // Bounded: least unions of the released devices' users and of the t0 devices' newer users.
  let userDegree = 0;
  let userNewer = 0;
  const degree = new Int32Array(users.length);
  const degreeNewer = new Int32Array(users.length);
  all.forEach((l, j) => {
    if (keep[j]) return;
    for (const p of l) degree[p] = (degree[p] as number) + 1;
  });
  for (const l of high) for (const p of l) degreeNewer[p] = (degreeNewer[p] as number) + 1;
  for (let p = 0; p < users.length; p++) {
    userDegree = Math.max(userDegree, degree[p] as number);
    userNewer = Math.max(userNewer, degreeNewer[p] as number);
  }
  const bySize = (lists: number[][]) => [...lists].sort((a, b) => a.length - b.length);
  const releasable = bySize(all.filter((_, j) => !keep[j]));
  // The closure's cuts first (a quarter of the budget), on prices α (released) and β (lowered) per device.
  const maxNewer = high.reduce((x, l) => Math.max(x, l.length), 0);
  const prices: [number, number][] = [];
  for (const alpha of CLOSURE_ALPHAS)
    for (let beta = 0; beta <= (alpha > 0 ? 6 : maxNewer + 1) * CLOSURE_SCALE; beta++)
      if (alpha > 0 || beta > 0) prices.push([alpha * CLOSURE_SCALE, beta]);
  const closure = boundUnionsByClosure(
    { newer: high, all: all.map((l, j) => (keep[j] ? undefined : l)), universe: users.length },
    prices,
    CLOSURE_SCALE,
    Math.max(0, budget.left),
  );
  spend(closure.work);
  budget.left -= closure.work;
  const { cuts } = closure;
  const floorOf = (r: number, q: number) =>
    cuts.reduce(
      (x, c) => Math.max(x, Math.ceil((c.least + c.alpha * r + c.beta * q) / CLOSURE_SCALE - 1e-9)),
      0,
    );
  // Least unions per k, exact while the budget lasts (half each), from the cuts' floors; any k sets need at
  // least the k-th smallest set's users.
  const search = (sets: number[][], degree: number, floor: (k: number) => number, left: number) => {
    const floors = sets.map((_, k) => floor(k));
    floors.push(floor(sets.length));
    sets.forEach((list, i) => {
      floors[i + 1] = Math.max(floors[i + 1] as number, list.length);
    });
    const own = { left };
    return searchLeastUnions(
      sets,
      users.length,
      degree,
      own,
      (units) => {
        own.left -= units;
        budget.left -= units;
        spend(units);
      },
      floors,
    );
  };
  const searched = search(bySize(high), userNewer, (q) => floorOf(0, q), budget.left / 16);
  // The least unions of the newer users exactly, by shares (the closure's floors are their concave hull: on the
  // generated wards 3 users short at 17 devices), from the floors so far; its witnesses are covers to try.
  // Its own budget, like the joint sets' (counted in the work reported, not toward the hard cap).
  const byShares = searchLeastUnionsByShares(
    high,
    users.length,
    devices.length,
    shares,
    searched.least,
  );
  // The first ward's only (the first branch: every hub in, as the answers have the administrators).
  const record = lowerings.length === 0;
  byShares.witness.forEach((sets, k) => {
    if (!sets || k === 0 || !record) return;
    const lowered = new Set(sets);
    const held = new Set(sets.flatMap((j) => high[j] as number[]));
    context.lowering(
      [...held].map((p) => users[p] as number),
      sets.map((j) => devices[j] as number),
      devices.filter((_, j) => !lowered.has(j)),
      users.filter((_, p) => !held.has(p)),
    );
  });
  const lowered = {
    least: searched.least.map((x, k) => Math.max(x, byShares.least[k] ?? 0)),
    exact: searched.exact || byShares.exact.every((e) => e),
  };
  const released = search(
    releasable,
    userDegree,
    (r) => floorOf(r, r),
    budget.left / RELEASED_SHARE,
  );
  // With u users: r released and q released or at t0 only where every bound allows (r, q); the cell (u, n)
  // takes q = max(D − n, r) and the most r allowed, so m = D − r.
  const most = (least: readonly number[], u: number) => {
    let k = 0;
    while (k + 1 < least.length && (least[k + 1] as number) <= u) k++;
    return k;
  };
  // The joint least unions per released set (r ≤ 2 while its budget lasts): per r and u, the most q. Past its
  // last level, r released devices allow no more than that level's r (any subset of them is released too).
  const betas: number[] = [];
  for (let beta = 1; beta <= (maxNewer + 1) * CLOSURE_SCALE; beta++) betas.push(beta);
  const solveJoint = () =>
    boundReleasedJointly(
      high,
      all.map((l, j) => (keep[j] ? undefined : l)),
      users.length,
      betas,
      CLOSURE_SCALE,
      joint,
    );
  // Solved up front without prices; with them, only once the cheapest cell is below the target without it.
  let jointMost = refine ? [] : solveJoint();
  let jointSolved = !refine;
  const d = devices.length;
  // The table from the curves as they stand; rAt keeps per noted cell the r it took (for the refinement).
  const rAt = new Int16Array((users.length + 1) * (d + 1));
  // Per (u, r), the most q the cuts allow (−1: none, −2: not yet computed); the cuts do not change while the
  // curves are raised, so each (u, r) the table reaches is computed once.
  const cutQ = new Int32Array((users.length + 1) * (d + 1)).fill(-2);
  const cutQOf = (u: number, r: number) => {
    const at = u * (d + 1) + r;
    let q = cutQ[at] as number;
    if (q !== -2) return q;
    q = d;
    for (const c of cuts) {
      const room = u * CLOSURE_SCALE - c.least - c.alpha * r;
      if (room < 0) {
        q = -1;
        break;
      }
      if (c.beta > 0) q = Math.min(q, Math.floor(room / c.beta));
    }
    cutQ[at] = q;
    return q;
  };
  const fill = (relLeast: readonly number[], lowLeast: readonly number[]) => {
    table.least.fill(Number.POSITIVE_INFINITY);
    for (let u = 0; u <= users.length; u++) {
      const rMost = most(relLeast, u);
      const qMost = most(lowLeast, u);
      const qOf = (r: number) => {
        const q = cutQOf(u, r);
        return q < 0 ? -1 : Math.min(q, qMost);
      };
      const qs: number[] = [];
      for (let r = 0; r <= rMost; r++)
        qs.push(Math.min(qOf(r), jointMost[Math.min(r, jointMost.length - 1)]?.[u] ?? d));
      for (let nNew = 0; nNew <= d; nNew++) {
        const q0 = d - nNew;
        let best = -1;
        for (let r = 0; r <= rMost; r++) if ((qs[r] as number) >= Math.max(q0, r)) best = r;
        if (best < 0) continue;
        const at = u * (d + 1) + nNew;
        const m = Math.max(d - best, nNew);
        if (m < (table.least[at] as number)) {
          table.least[at] = m;
          rAt[at] = best;
        }
      }
    }
    return monotone(table);
  };
  // A table refilled per step: only a ward of the generated size or a few times it (121 × 41 cells at ~1,300
  // pairs; a hostile 2,000 × 400 part spent 1.7 s more in the refills for no bound).
  if (!refine || !Number.isFinite(refine.target) || table.least.length > REFINE_CELLS) {
    fill(released.least, lowered.least);
    return { table, exact: released.exact && lowered.exact };
  }
  // Where the prices are known (the ward is solved last, the rest of the branch convolved), the curves are raised
  // only where the bound's cheapest cell needs them (`refineWardCurves`), with the least lowerings' budget.
  const curves = {
    released: [...released.least],
    lowered: [...lowered.least],
    reachedReleased: released.least.map(() => Number.POSITIVE_INFINITY),
    reachedLowered: lowered.least.map((x, k) => (byShares.exact[k] ? x : Number.POSITIVE_INFINITY)),
    loweredWitness: lowered.least.map((_, k) => byShares.witness[k]),
  };
  // Per ward cell (users, newer, devices), its least price with the rest of the branch, or the target: the table
  // changes in a few cells per step, so most are priced once.
  const priced = new Map<number, number>();
  const evaluate = () => {
    fill(curves.released, curves.lowered);
    return cheapestCell(table, refine, priced);
  };
  const cheapest = () => {
    let cell = evaluate();
    if (cell && cell.price < refine.target && !jointSolved) {
      jointMost = solveJoint();
      jointSolved = true;
      cell = evaluate();
    }
    if (!cell) return undefined;
    const at = cell.users * (d + 1) + cell.newer;
    return {
      price: cell.price,
      users: cell.users,
      released: rAt[at] as number,
      lowered: d - cell.newer,
    };
  };
  const refined = refineWardCurves(
    releasable,
    high,
    users.length,
    curves,
    cheapest,
    refine.target,
    context.refineWork,
  );
  if (refined.witness && record) {
    const lowered = new Set(refined.witness);
    const held = new Set(refined.witness.flatMap((j) => high[j] as number[]));
    context.lowering(
      [...held].map((p) => users[p] as number),
      refined.witness.map((j) => devices[j] as number),
      devices.filter((_, j) => !lowered.has(j)),
      users.filter((_, p) => !held.has(p)),
    );
  }
  fill(curves.released, curves.lowered);
  return { table, exact: released.exact && lowered.exact };
}

/**
 * The ward's table's cheapest cell with the rest of the branch (its table and settled holders), priced. Per ward
 * cell, `priced` keeps its least over the rest's cells, capped at the target (nothing above it is asked): exact
 * (a non-negative value) or, where it was no cheaper than the cheapest cell so far, that price as a floor (stored
 * as −1 − floor), priced again only once it could be the cheapest.
 */
function cheapestCell(ward: Table, refine: WardRefine, priced: Map<number, number>) {
  const { rest, settled, price, target } = refine;
  const wc = listCorners(ward);
  const rc = listCorners(rest);
  const side = ward.newer + 1;
  let least = target;
  let users = -1;
  let newer = -1;
  for (let i = 0; i < wc.length; i += 3) {
    const key = ((wc[i] as number) * side + (wc[i + 1] as number)) * side + (wc[i + 2] as number);
    const kept = priced.get(key);
    if (kept !== undefined && (kept >= 0 || -1 - kept >= least)) {
      if (kept >= 0 && kept < least) {
        least = kept;
        users = wc[i] as number;
        newer = wc[i + 1] as number;
      }
      continue;
    }
    // Priced from the cheapest so far down: a rest cell whose floor is no better is not priced.
    let cell = least;
    for (let j = 0; j < rc.length; j += 3) {
      const u = settled.users + (wc[i] as number) + (rc[j] as number);
      const n = settled.newer + (wc[i + 1] as number) + (rc[j + 1] as number);
      const m = settled.devices + (wc[i + 2] as number) + (rc[j + 2] as number);
      if (price.floor(u, n, m) >= cell) continue;
      cell = Math.min(cell, price(u, n, m));
    }
    if (cell < least) {
      priced.set(key, cell);
      least = cell;
      users = wc[i] as number;
      newer = wc[i + 1] as number;
    } else priced.set(key, least < target ? -1 - least : target);
  }
  // Every cell at the target or above: the cheapest is met (any one of them stands for it).
  if (users < 0) return wc.length > 0 ? { price: target, users: 0, newer: 0 } : undefined;
  return { price: least, users, newer };
}

/**
 * The part's busiest holder in each of its states: per state, the holders it settles (counted) and the table of
 * the parts left; undefined when no state splits the part to 90 % of its size or less.
 */
function splitOnBusiest(
  context: PartContext,
  state: Uint8Array,
  component: readonly number[],
  depth: number,
) {
  const { graph, slotNewer, nu, spend } = context;
  const members = new Set(component);
  let busiest = component[0] as number;
  let most = -1;
  for (const h of component) {
    let d = 0;
    for (const w of graph.neighbours(h)) if (members.has(w)) d++;
    if (d > most) {
      most = d;
      busiest = h;
    }
  }
  const n = state.length;
  const choices = busiest < nu ? 2 : 3;
  const branches: { st: Uint8Array; parts: number[][] }[] = [];
  for (let choice = 0; choice < choices; choice++) {
    const st = new Uint8Array(state);
    if (!placeHub(graph, slotNewer, st, busiest, nu, choice)) continue;
    const closed = new Uint8Array(n).fill(1);
    for (const h of component) if (isOpen(graph, slotNewer, st, h, nu)) closed[h] = 0;
    spend(component.length + n, false);
    branches.push({ st, parts: listComponents(graph, new Uint8Array(n), closed, spend) });
  }
  const largest = Math.max(
    0,
    ...branches.map((b) => b.parts.reduce((m, c) => Math.max(m, c.length), 0)),
  );
  if (largest > component.length * 0.9) return undefined;
  return branches.map(({ st, parts }) => {
    // What the state settles among the part's holders: users in, devices at t1, devices at t0 with no open pair.
    let users = 0;
    let newer = 0;
    let devices = 0;
    for (const h of component) {
      if (h < nu) {
        if (st[h] === 1 && state[h] !== 1) users++;
      } else if (st[h] === 2) {
        newer++;
        devices++;
      } else if (st[h] === 1 && !isOpen(graph, slotNewer, st, h, nu)) devices++;
    }
    let table: Table = { users: 0, newer: 0, least: Float64Array.of(0) };
    let exact = true;
    for (const part of parts) {
      const s = solvePart(context, st, part, depth + 1);
      if (!s.exact) exact = false;
      table = convolveTables(table, s.table, spend);
    }
    return { table, exact, users, newer, devices };
  });
}

/** Adds a table shifted by settled holders into a larger one (the lesser value per cell). */
function place(out: Table, t: Table, users: number, newer: number, devices: number): void {
  const w = t.newer + 1;
  const wo = out.newer + 1;
  for (let u = 0; u <= t.users; u++)
    for (let k = 0; k < w; k++) {
      const m = t.least[u * w + k] as number;
      const uo = u + users;
      const ko = k + newer;
      if (!Number.isFinite(m) || uo > out.users || ko > out.newer) continue;
      const at = uo * wo + ko;
      if (m + devices < (out.least[at] as number)) out.least[at] = m + devices;
    }
}

function emptyTable(users: number, newer: number): Table {
  return {
    users,
    newer,
    least: new Float64Array((users + 1) * (newer + 1)).fill(Number.POSITIVE_INFINITY),
  };
}

/** At most u users and at most n newer devices: a cover with fewer of either counts too. */
function monotone(t: Table): Table {
  const w = t.newer + 1;
  for (let u = 0; u <= t.users; u++)
    for (let k = 0; k < w; k++) {
      const at = u * w + k;
      let v = t.least[at] as number;
      if (u > 0) v = Math.min(v, t.least[at - w] as number);
      if (k > 0) v = Math.min(v, t.least[at - 1] as number);
      t.least[at] = v;
    }
  return t;
}

/** Two independent parts together: min-plus convolution over (users, newer devices). */
function convolveTables(a: Table, b: Table, spend: Spend): Table {
  const out = emptyTable(a.users + b.users, a.newer + b.newer);
  const wo = out.newer + 1;
  let cells = 0;
  // Only the cells of either table's staircase: a cell no smaller than its left or upper neighbour adds nothing
  // after `monotone` (the neighbour's sum lies left of or above its own).
  const ca = listCorners(a);
  const cb = listCorners(b);
  for (let i = 0; i < ca.length; i += 3) {
    const base = (ca[i] as number) * wo + (ca[i + 1] as number);
    const x = ca[i + 2] as number;
    for (let j = 0; j < cb.length; j += 3) {
      const at = base + (cb[j] as number) * wo + (cb[j + 1] as number);
      const sum = x + (cb[j + 2] as number);
      if (sum < (out.least[at] as number)) out.least[at] = sum;
    }
    cells += cb.length / 3;
  }
  spend(cells, false);
  return monotone(out);
}

/** The real price of (users, newer devices, devices) as needs at t0 and t1, cached; `inexact` when heuristic. */
function createPricer(pools: readonly OwnedPool[], market: CalMarket, t0: number, t1: number) {
  let inexact = false;
  const memo = new Map<string, number>();
  const price = (users: number, newer: number, devices: number) => {
    const high = Math.min(newer, devices);
    const key = `${users},${high},${devices}`;
    const kept = memo.get(key);
    if (kept !== undefined) return kept;
    const needs: Need[] = [
      { type: "user" as const, tier: t0, count: users },
      { type: "device" as const, tier: t1, count: high },
      { type: "device" as const, tier: t0, count: devices - high },
    ].filter((x) => x.count > 0);
    const p = priceCalNeedsCost(needs, pools, market);
    if (!p.exact) inexact = true;
    memo.set(key, p.cost);
    return p.cost;
  };
  return Object.assign(price, {
    inexact: () => inexact,
    floor: createPriceFloor(pools, market, t0, t1),
  });
}

/**
 * A lower bound on the pricer's value that costs a few multiplications: every owned CAL counted on both sides
 * (an either pool serves users and devices at once, any pool any tier), every CAL bought at the least price per
 * unit of any pack of its tier or newer. Cells of a table whose floor is no better than the best price so far are
 * not priced (most of a ~1,300-pair table's staircase). Zero without prices (every CAL weighs 1 there).
 */
function createPriceFloor(pools: readonly OwnedPool[], market: CalMarket, t0: number, t1: number) {
  const unit = (type: "user" | "device", tier: number) => {
    let least = Number.POSITIVE_INFINITY;
    for (let t = tier; t < market.tiers; t++)
      for (const pack of market.packs(type, t)) least = Math.min(least, pack.price / pack.size);
    return Number.isFinite(least) ? least : Math.min(market.unpricedWeight(type, tier), 0);
  };
  if (!market.priced) return () => 0;
  const owned = { user: 0, device: 0, either: 0 };
  for (const pool of pools) owned[pool.type] += pool.quantity;
  const user = unit("user", t0);
  const older = unit("device", t0);
  const newer = unit("device", t1);
  return (users: number, high: number, devices: number) => {
    const boughtUsers = Math.max(0, users - owned.user - owned.either);
    const boughtDevices = Math.max(0, devices - owned.device - owned.either);
    const boughtNewer = Math.min(
      boughtDevices,
      Math.max(0, Math.min(high, devices) - owned.device - owned.either),
    );
    return boughtUsers * user + boughtNewer * newer + (boughtDevices - boughtNewer) * older;
  };
}

/** The least price over a branch's table plus its settled holders (only cells on the table's staircase). */
function priceTable(
  t: Table,
  settled: { users: number; newer: number; devices: number },
  price: ((users: number, newer: number, devices: number) => number) & {
    floor: (users: number, newer: number, devices: number) => number;
  },
  best: number,
  spend: Spend,
): number {
  let least = best;
  const corners = listCorners(t);
  let priced = 0;
  for (let i = 0; i < corners.length; i += 3) {
    const users = settled.users + (corners[i] as number);
    const newer = settled.newer + (corners[i + 1] as number);
    const devices = settled.devices + (corners[i + 2] as number);
    // Pricing is most of this pass; a cell whose floor cannot beat the best so far needs none.
    if (price.floor(users, newer, devices) >= least) continue;
    priced++;
    const cost = price(users, newer, devices);
    if (cost < least) least = cost;
  }
  spend(corners.length / 3 + priced * 16, false);
  return least;
}

/** A table's staircase as (users, newer, least) triples: the finite cells below their left and upper neighbours. */
function listCorners(t: Table): number[] {
  const w = t.newer + 1;
  const at: number[] = [];
  for (let u = 0; u <= t.users; u++)
    for (let k = 0; k < w; k++) {
      const v = t.least[u * w + k] as number;
      if (!Number.isFinite(v)) continue;
      if (u > 0 && (t.least[(u - 1) * w + k] as number) <= v) continue;
      if (k > 0 && (t.least[u * w + k - 1] as number) <= v) continue;
      at.push(u, k, v);
    }
  return at;
}

function countUsers(component: readonly number[], nu: number): number {
  let users = 0;
  for (const h of component) if (h < nu) users++;
  return users;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
