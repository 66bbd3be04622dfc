import type { OwnedPool } from "../compliance/allocate-owned.ts";
import {
  buildAdjacency,
  type ComponentBoundMemo,
  chooseHubs,
  listComponents,
} from "./bound-by-components.ts";
import type { CoverEdge } from "./choose-cal-mix.ts";
import { createTierPricer, priceTierTable } from "./create-tier-pricer.ts";
import { internCoverEdges } from "./intern-cover-edges.ts";
import type { CalMarket } from "./price-cal-needs.ts";
import { type PartContext, solvePart } from "./solve-tier-part.ts";
import {
  ENUMERATED_USERS,
  HARD_CAP,
  JOINT_SHARE,
  MAX_HOLDERS,
  REFINE_SHARE,
  SHARES_SHARE,
  WARD_HOLDERS,
} from "./tier-bound-limits.ts";
import { countSettled, isOpen, listSlotFlags, placeHub } from "./tier-holder-states.ts";
import type { TierLowering } from "./tier-lowering.ts";
import { convolveTables, type TierTable } from "./tier-table.ts";

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

export type { TierLowering } from "./tier-lowering.ts";

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
  const price = createTierPricer(pools, market, t0, t1);

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
    let total: TierTable = { users: 0, newer: 0, least: Float64Array.of(0) };
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
    best = Math.min(best, priceTierTable(total, part, price, best, spend));
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

function countUsers(component: readonly number[], nu: number): number {
  let users = 0;
  for (const h of component) if (h < nu) users++;
  return users;
}
