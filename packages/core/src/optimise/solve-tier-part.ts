import { type Adjacency, listComponents, searchLeastUnions } from "./bound-by-components.ts";
import { boundReleasedJointly } from "./bound-released-jointly.ts";
import { boundUnionsByClosure } from "./bound-unions-by-closure.ts";
import { cheapestWardCell, type WardRefine } from "./cheapest-ward-cell.ts";
import { createCutLimits } from "./create-cut-limits.ts";
import { findBusiestHolder } from "./find-busiest-holder.ts";
import { refineWardCurves } from "./refine-ward-curves.ts";
import { searchLeastUnionsByShares } from "./search-least-unions-by-shares.ts";
import {
  BOUNDED_DEVICES,
  BOUNDED_USERS,
  CLOSURE_ALPHAS,
  CLOSURE_SCALE,
  ENUMERATED_DEVICES,
  ENUMERATED_USERS,
  MAX_SPLIT_DEPTH,
  REFINE_CELLS,
  RELEASED_SHARE,
} from "./tier-bound-limits.ts";
import { isNewer, isOpen, placeHub, type SlotFlags } from "./tier-holder-states.ts";
import type { TierLowering } from "./tier-lowering.ts";
import {
  convolveTables,
  emptyTable,
  monotone,
  placeTable,
  type Spend,
  type TierTable,
} from "./tier-table.ts";

/** What every part of a family's branches is solved with: the graph, the work budgets and the counter. */
export interface PartContext {
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

/**
 * One part's table: exact by enumeration when small, else bounded by least unions. Users of the part are the
 * open users; its devices the open devices (a device at t0 already may still go to t1 but not be released).
 */
export function solvePart(
  context: PartContext,
  state: Uint8Array,
  component: readonly number[],
  depth: number,
  /** The prices of the branch around the part (a ward solved last): its curves are raised where they bind. */
  refine?: WardRefine,
): { table: TierTable; exact: boolean } {
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
      for (const s of split) placeTable(out, s.table, s.users, s.newer, s.devices);
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
  const { floorOf, cutQOf } = createCutLimits(closure.cuts, users.length, devices.length);
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
    return cheapestWardCell(table, refine, priced);
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
  const busiest = findBusiestHolder(graph, component, members);
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
    let table: TierTable = { users: 0, newer: 0, least: Float64Array.of(0) };
    let exact = true;
    for (const part of parts) {
      const s = solvePart(context, st, part, depth + 1);
      if (!s.exact) exact = false;
      table = convolveTables(table, s.table, spend);
    }
    return { table, exact, users, newer, devices };
  });
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
