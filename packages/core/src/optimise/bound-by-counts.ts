import type { Need, OwnedPool } from "../compliance/allocate-owned.ts";
import { type CalMarket, priceCalNeedsCost } from "./price-cal-needs.ts";

/**
 * What one minimum cut proves about every cover: with weights per holder type and tier (the cost of a user or a
 * device holding a CAL of that tier), no cover weighs less than `least`.
 */
export interface CoverInequality {
  readonly userWeight: readonly number[];
  readonly deviceWeight: readonly number[];
  readonly least: number;
}

/** A lower bound on the money, or why none was computed. */
export type CountBound =
  | { readonly kind: "bound"; readonly bound: number; readonly points: number }
  | { readonly kind: "skipped"; readonly reason: string };

/** How many count vectors `boundByCounts` would enumerate for these holder counts per tier. */
export function countCountVectors(
  maxUsers: readonly number[],
  maxDevices: readonly number[],
): number {
  const maxima = [...maxUsers, ...maxDevices].filter((max) => max > 0);
  let points = 1;
  for (const max of maxima.slice(0, -1)) points *= max + 1;
  return points;
}

/**
 * A lower bound in real money over counts: every cover has, per type and tier, a number of holders n that meets
 * every cut's inequality (Σ weight·n ≥ least) and no more holders than there are; so the least real price
 * (`priceCalNeeds`, owned CALs and whole packs) over all such count vectors is at most the price of the best
 * cover. Count vectors are enumerated (all slots but the last; the last takes the least count the
 * inequalities allow, as the real price only grows with needs) while there are at most `maxPoints`.
 */
export function boundByCounts(
  inequalities: readonly CoverInequality[],
  maxUsers: readonly number[],
  maxDevices: readonly number[],
  pools: readonly OwnedPool[],
  market: CalMarket,
  maxPoints: number,
): CountBound {
  const slots = [
    ...maxUsers.map((max, tier) => ({ type: "user" as const, tier, max })),
    ...maxDevices.map((max, tier) => ({ type: "device" as const, tier, max })),
  ].filter((s) => s.max > 0);
  if (slots.length === 0) return { kind: "skipped", reason: "no holders" };
  const weight = (j: number, s: number) => {
    const slot = slots[s] as (typeof slots)[number];
    const q = inequalities[j] as CoverInequality;
    return ((slot.type === "user" ? q.userWeight : q.deviceWeight)[slot.tier] ?? 0) as number;
  };
  const last = slots.length - 1;
  const points = countCountVectors(maxUsers, maxDevices);
  if (points > maxPoints) return { kind: "skipped", reason: `${points} count vectors` };

  const counts = new Array<number>(slots.length).fill(0);
  const partial = new Array<number>(inequalities.length).fill(0);
  let best = Number.POSITIVE_INFINITY;
  let exact = true;
  const walk = (s: number): void => {
    if (s === last) {
      let y = 0;
      for (let j = 0; j < inequalities.length; j++) {
        const missing = (inequalities[j] as CoverInequality).least - (partial[j] as number);
        if (missing <= 0) continue;
        const w = weight(j, last);
        if (w <= 0) return;
        y = Math.max(y, Math.ceil(missing / w));
      }
      if (y > (slots[last] as { max: number }).max) return;
      counts[last] = y;
      const needs: Need[] = slots.flatMap((slot, i) =>
        (counts[i] as number) > 0
          ? [{ type: slot.type, tier: slot.tier, count: counts[i] as number }]
          : [],
      );
      const p = priceCalNeedsCost(needs, pools, market);
      if (!p.exact) exact = false;
      best = Math.min(best, p.cost);
      return;
    }
    const max = (slots[s] as { max: number }).max;
    for (let n = 0; n <= max; n++) {
      counts[s] = n;
      for (let j = 0; j < inequalities.length; j++)
        partial[j] = (partial[j] as number) + n * weight(j, s);
      walk(s + 1);
      for (let j = 0; j < inequalities.length; j++)
        partial[j] = (partial[j] as number) - n * weight(j, s);
    }
    counts[s] = 0;
  };
  walk(0);
  if (!exact) return { kind: "skipped", reason: "a purchase was priced by a heuristic" };
  if (best === Number.POSITIVE_INFINITY) return { kind: "skipped", reason: "no count vector" };
  return { kind: "bound", bound: best, points };
}
