import type { Need, OwnedPool } from "../compliance/allocate-owned.ts";
import type { CutFlow } from "./cut-flow.ts";
import { type CalMarket, priceCalNeedsCost } from "./price-cal-needs.ts";

/** One cut of the plan and what it says about every cover's money (see `boundByCutFlow`). */
export interface CutFlowBoundProblem {
  /** The cut's checked maximum flow (`cutFlowOf`). */
  readonly flow: CutFlow;
  readonly pools: readonly OwnedPool[];
  readonly market: CalMarket;
  /** A: what the best cover found costs in money (without External Connectors). */
  readonly answer: number;
  /** The cut's weights are money × this per CAL (each tier's lowest price per unit, or a multiplier). */
  readonly moneyScale: number;
  /** Σ μ × free quantity over the owned pools' multipliers the cut was priced with, in weights (0: none). */
  readonly multiplierMass: number;
}

/** How far the bound may go before it gives up (then it says "open" and proves nothing). */
export interface CutFlowLimits {
  /** Holders left with a choice after the forcing. */
  readonly freeHolders: number;
  /** Assignments tried over all free parts together. */
  readonly work: number;
  /** Count vectors kept (and priced) at once. */
  readonly countVectors: number;
}

export type CutFlowBound =
  | {
      readonly kind: "bound";
      /** No cover and purchase costs less; equal to the answer when the answer is optimal. */
      readonly bound: number;
      readonly freeHolders: number;
      readonly parts: number;
      readonly countVectors: number;
    }
  | { readonly kind: "open"; readonly reason: string };

// 250k assignments: the real-money bench's 2,600-2,800-pair estates, whose tie parts (177-740 holders)
// it never finishes, paid 140-250 ms of CPU giving up at 2M (15-40 ms without the step); at 250k they pay
// 10-30 ms, with the same proofs on every row of the bench and of the differential suite.
const DEFAULT_LIMITS: CutFlowLimits = { freeHolders: 2_000, work: 250_000, countVectors: 20_000 };

/**
 * A lower bound in real money from one cut's maximum flow, by LP duality on the cover (issue 11).
 *
 * The cut's network (`layOutTierChains`): per holder a chain of tier nodes, a user's tier k on the sink side
 * (a device's on the source side) meaning "holds a CAL of tier k or later"; priced arcs of capacity c_i =
 * s × the price step w_i plus a tie weight t_i ≥ 0, with Σ t_i ≤ T < s (`CutFlow`); infinite chain and edge
 * arcs. A cover z is a finite s-t cut and every finite cut a cover; its capacity is cap(z) = s × w(z) + t(z).
 * For any flow f of value F (conservation, 0 ≤ f ≤ c; checked before it was kept) and any cut,
 *   cap(z) − F = Σ over arcs leaving the source side of (c − f) + Σ over arcs entering it of f =: P(z) ≥ 0,
 * and for a cover the arcs crossing are: a holder's priced arc of each tier it holds (c_i − f_i); the chain
 * arc just above the tier it holds, backwards (its flow g); an edge arc backwards when both its user and its
 * device hold its tier or later (its flow y_e). Infinite arcs never leave the source side of a cover.
 * So P(z) = Σ_holders [Σ_{k ≤ x_v} (c − f)_{v,k} + g_{v,x_v}] + Σ_{edges covered twice} y_e, each term ≥ 0.
 *
 * Money: every cover pays money(z) ≥ (w(z) − M) / m, m the money scale and M = Σ μ·free (the Lagrangian
 * argument `planWithOwned` rests on: each CAL bought costs at least its tier's lowest price per unit, rounded
 * down in the weights; an owned CAL saves at most its pool's μ, and the pools hold `free` of them; M = 0 with
 * no pools). A cover cheaper than the answer A pays at most A − 1 (whole minor units), so
 *   s·w(z) ≤ s·((A − 1)·m + M),  P(z) = s·w(z) + t(z) − F ≤ s·((A − 1)·m + M) + T − F =: G.
 * Each term of P is at most P, so in every cover cheaper than A: no holder takes a tier whose own terms
 * exceed G, no edge with y_e > G is covered twice, and every edge is covered; these are propagated to a fixed
 * point (a holder left with one tier is forced to it). If some holder is left with none, no cover is cheaper
 * than A: A is optimal. Otherwise the forced holders' terms and counts are fixed, and the holders left with a
 * choice fall into parts joined by edges between them; P is exactly the fixed terms plus each part's own
 * (a holder's terms, and each edge's y_e to its part, or to a forced end, which is folded into the option).
 * Each part's tier choices are enumerated (edges covered, the sum within G), giving per count vector its least
 * P; the parts are combined over count vectors keeping P ≤ G; each count vector reached is priced in money
 * (`priceCalNeedsCost`, exactly; a price that is not exact gives up). The least of those prices, or A when
 * none is below it, is at most the money of every cover: covers outside the set pay A or more.
 *
 * Gives up ("open") when too many holders keep a choice (at 100k users the gap, 17,400, exceeds every single
 * CAL's price, so no term can reach it and nothing is forced), or a part or the count vectors grow past the
 * limits. Every tier a holder could hold is read from its chain (at most 30 tiers).
 */
export function boundByCutFlow(
  problem: CutFlowBoundProblem,
  limits: CutFlowLimits = DEFAULT_LIMITS,
): CutFlowBound {
  const { flow, pools, market, answer } = problem;
  const { layout, cut, capacities, scale, tieTotal } = flow;
  const { userTop, deviceTop, edgeUser, edgeDevice, edgeTier } = layout.graph;
  const { pricedFlow, chainFlow, edgeFlow } = cut;
  if (layout.maxTier >= 30) return { kind: "open", reason: "more than 30 tiers" };
  const reach = scale * ((answer - 1) * problem.moneyScale + problem.multiplierMass) + tieTotal;
  if (!Number.isSafeInteger(reach) || !Number.isSafeInteger(cut.value))
    return { kind: "open", reason: "weights past the safe integers" };
  const budget = reach - cut.value;
  const proven = {
    kind: "bound",
    bound: answer,
    freeHolders: 0,
    parts: 0,
    countVectors: 0,
  } as const;
  if (budget < 0) return proven;

  const users = userTop.length;
  const holders = users + deviceTop.length;
  const topOf = (h: number) => (h < users ? userTop[h] : deviceTop[h - users]) as number;
  const firstOf = (h: number) =>
    (h < users ? layout.userFirst[h] : layout.deviceFirst[h - users]) as number;
  const capacity = (h: number, k: number) =>
    h < users ? capacities.user(h, k) : capacities.device(h - users, k);
  /** The terms of P holder h pays at tier x (-1: no CAL, nothing). */
  const termsAt = (h: number, x: number): number => {
    if (x < 0) return 0;
    const first = firstOf(h);
    let sum = 0;
    for (let k = 0; k <= x; k++) sum += capacity(h, k) - (pricedFlow[first + k] as number);
    return sum + (x < topOf(h) ? (chainFlow[first + x] as number) : 0);
  };

  // Options as bits: bit x + 1 for tier x, bit 0 for no CAL.
  const mask = new Int32Array(holders);
  let choosing = 0;
  for (let h = 0; h < holders; h++) {
    const top = topOf(h);
    let m = 1;
    const first = top >= 0 ? firstOf(h) : 0;
    let sum = 0;
    for (let k = 0; k <= top; k++) {
      sum += capacity(h, k) - (pricedFlow[first + k] as number);
      if (sum > budget) break;
      if (sum + (k < top ? (chainFlow[first + k] as number) : 0) <= budget) m |= 1 << (k + 1);
    }
    mask[h] = m;
    if ((m & (m - 1)) !== 0) choosing++;
  }
  // Propagation only narrows choices, and its edges pass is as long as the graph: not worth starting when
  // many times the limit keep a choice.
  if (choosing > 8 * limits.freeHolders)
    return { kind: "open", reason: `${choosing} holders keep a choice` };

  // Each holder's edges (users 0..users-1, devices after them).
  const start = new Int32Array(holders + 1);
  for (let e = 0; e < edgeTier.length; e++) {
    const u = edgeUser[e] as number;
    const d = edgeDevice[e] as number;
    if (u >= 0) start[u + 1] = (start[u + 1] as number) + 1;
    if (d >= 0) start[users + d + 1] = (start[users + d + 1] as number) + 1;
  }
  for (let h = 0; h < holders; h++) start[h + 1] = (start[h + 1] as number) + (start[h] as number);
  const incident = new Int32Array(start[holders] as number);
  const fill = start.slice(0, holders);
  for (let e = 0; e < edgeTier.length; e++) {
    const u = edgeUser[e] as number;
    const d = edgeDevice[e] as number;
    for (const h of [u, d < 0 ? -1 : users + d]) {
      if (h < 0) continue;
      const at = fill[h] as number;
      incident[at] = e;
      fill[h] = at + 1;
    }
  }

  // Bits of the options below tier t (no CAL and tiers 0..t-1).
  const below = (t: number) => (1 << (t + 1)) - 1;
  const queue: number[] = [];
  let empty = false;
  const restrict = (h: number, keep: number) => {
    const m = (mask[h] as number) & keep;
    if (m === mask[h]) return;
    mask[h] = m;
    if (m === 0) empty = true;
    queue.push(h);
  };
  /** Edge e's consequences for its ends' options. */
  const propagate = (e: number) => {
    const t = edgeTier[e] as number;
    const u = edgeUser[e] as number;
    const d = edgeDevice[e] as number;
    const low = below(t);
    if (u < 0) return restrict(users + d, ~low);
    if (d < 0) return restrict(u, ~low);
    const dh = users + d;
    // Covered: an end that cannot reach t leaves it to the other.
    if (((mask[u] as number) & ~low) === 0) restrict(dh, ~low);
    if (((mask[dh] as number) & ~low) === 0) restrict(u, ~low);
    // Not covered twice when that alone costs more than the budget.
    if ((edgeFlow[e] as number) > budget) {
      if (((mask[u] as number) & low) === 0) restrict(dh, low);
      if (((mask[dh] as number) & low) === 0) restrict(u, low);
    }
  };
  for (let e = 0; e < edgeTier.length && !empty; e++) propagate(e);
  while (queue.length > 0 && !empty) {
    const h = queue.pop() as number;
    for (let i = start[h] as number; i < (start[h + 1] as number) && !empty; i++)
      propagate(incident[i] as number);
  }
  if (empty) return proven;

  // The forced holders: their tiers, counts and terms.
  const tiers = market.tiers;
  const single = (h: number) => 31 - Math.clz32(mask[h] as number) - 1;
  const isFree = (h: number) => ((mask[h] as number) & ((mask[h] as number) - 1)) !== 0;
  const counts = new Array<number>(2 * tiers).fill(0);
  let fixedTerms = 0;
  let free = 0;
  for (let h = 0; h < holders; h++) {
    if (isFree(h)) {
      free++;
      continue;
    }
    const x = single(h);
    if (x >= 0) addOne(counts, (h < users ? 0 : tiers) + x);
    fixedTerms += termsAt(h, x);
  }
  if (free > limits.freeHolders) return { kind: "open", reason: `${free} holders keep a choice` };
  for (let e = 0; e < edgeTier.length; e++) {
    const u = edgeUser[e] as number;
    const d = edgeDevice[e] as number;
    if (u < 0 || d < 0 || isFree(u) || isFree(users + d)) continue;
    const t = edgeTier[e] as number;
    if (single(u) >= t && single(users + d) >= t) fixedTerms += edgeFlow[e] as number;
  }
  const room = budget - fixedTerms;
  if (room < 0) return proven;

  // The free holders in parts, each part's least P per count vector (relative to the forced counts).
  let states = new Map<string, { counts: number[]; terms: number }>([
    [counts.join(","), { counts, terms: 0 }],
  ]);
  const seen = new Uint8Array(holders);
  let work = 0;
  let parts = 0;
  for (let root = 0; root < holders; root++) {
    if (seen[root] || !isFree(root)) continue;
    parts++;
    const part: number[] = [root];
    seen[root] = 1;
    for (let i = 0; i < part.length; i++) {
      const h = part[i] as number;
      for (let j = start[h] as number; j < (start[h + 1] as number); j++) {
        const other = otherEnd(incident[j] as number, h);
        if (other >= 0 && !seen[other] && isFree(other)) {
          seen[other] = 1;
          part.push(other);
        }
      }
    }
    const options = enumeratePart(part);
    if (options === undefined)
      return { kind: "open", reason: `a part of ${part.length} holders past the work limit` };
    const next = new Map<string, { counts: number[]; terms: number }>();
    for (const state of states.values())
      for (const option of options) {
        const terms = state.terms + option.terms;
        if (terms > room) continue;
        work++;
        const c = state.counts.map((n, i) => n + (option.delta[i] as number));
        const key = c.join(",");
        const known = next.get(key);
        if (!known || known.terms > terms) next.set(key, { counts: c, terms });
      }
    if (next.size > limits.countVectors || work > limits.work)
      return { kind: "open", reason: "too many count vectors" };
    states = next;
  }

  let least = answer;
  for (const { counts: c } of states.values()) {
    const needs: Need[] = [];
    for (let x = 0; x < tiers; x++) {
      if ((c[tiers + x] as number) > 0)
        needs.push({ type: "device", tier: x, count: c[tiers + x] as number });
      if ((c[x] as number) > 0) needs.push({ type: "user", tier: x, count: c[x] as number });
    }
    const priced = priceCalNeedsCost(needs, pools, market);
    if (!priced.exact) return { kind: "open", reason: "a count vector not priced exactly" };
    least = Math.min(least, priced.cost);
  }
  return { kind: "bound", bound: least, freeHolders: free, parts, countVectors: states.size };

  /** The holder at edge e's other end from h (-1: none). */
  function otherEnd(e: number, h: number): number {
    const u = edgeUser[e] as number;
    const d = edgeDevice[e] as number;
    if (h < users) return d < 0 ? -1 : users + d;
    return u;
  }

  /**
   * Every tier choice of a part's holders that covers its edges within the budget: per count vector (added to
   * the forced counts), the least P. Edges to forced holders are folded into each option (y_e when both ends
   * hold its tier; an option leaving such an edge uncovered is dropped). Undefined past the work limit.
   */
  function enumeratePart(part: readonly number[]) {
    const position = new Map<number, number>();
    for (let i = 0; i < part.length; i++) position.set(part[i] as number, i);
    // Per holder: its options (tier, terms with the forced ends folded in) and its edges to holders before it.
    const choices = part.map((h) => {
      const out: { x: number; terms: number }[] = [];
      for (let x = -1; x < 31; x++) {
        if (!((mask[h] as number) & (1 << (x + 1)))) continue;
        let terms = termsAt(h, x);
        let covers = true;
        for (let j = start[h] as number; j < (start[h + 1] as number); j++) {
          const e = incident[j] as number;
          const t = edgeTier[e] as number;
          const other = otherEnd(e, h);
          if (other >= 0 && isFree(other)) continue;
          const otherHolds = other >= 0 && single(other) >= t;
          if (x < t && !otherHolds) covers = false;
          if (x >= t && otherHolds) terms += edgeFlow[e] as number;
        }
        if (covers && terms <= room) out.push({ x, terms });
      }
      return out;
    });
    const earlier = part.map((h, i) => {
      const out: { e: number; j: number }[] = [];
      for (let k = start[h] as number; k < (start[h + 1] as number); k++) {
        const e = incident[k] as number;
        const j = position.get(otherEnd(e, h));
        if (j !== undefined && j < i) out.push({ e, j });
      }
      return out;
    });
    const chosen = new Int32Array(part.length);
    const best = new Map<string, { delta: number[]; terms: number }>();
    let ok = true;
    const walk = (i: number, terms: number) => {
      if (!ok) return;
      if (++work > limits.work) {
        ok = false;
        return;
      }
      if (i === part.length) {
        const delta = new Array<number>(2 * tiers).fill(0);
        part.forEach((h, j) => {
          const x = chosen[j] as number;
          if (x >= 0) addOne(delta, (h < users ? 0 : tiers) + x);
        });
        const key = delta.join(",");
        const known = best.get(key);
        if (!known || known.terms > terms) best.set(key, { delta, terms });
        return;
      }
      for (const option of choices[i] as { x: number; terms: number }[]) {
        let sum = terms + option.terms;
        let covers = true;
        for (const { e, j } of earlier[i] as { e: number; j: number }[]) {
          const t = edgeTier[e] as number;
          const other = chosen[j] as number;
          if (option.x < t && other < t) covers = false;
          else if (option.x >= t && other >= t) sum += edgeFlow[e] as number;
        }
        if (!covers || sum > room) continue;
        chosen[i] = option.x;
        walk(i + 1, sum);
      }
    };
    walk(0, 0);
    return ok ? [...best.values()] : undefined;
  }
}

function addOne(counts: number[], at: number): void {
  counts[at] = (counts[at] as number) + 1;
}
