import { createSharesSearch, unionAtMost } from "./search-least-unions-by-shares.ts";

/**
 * A ward's two least-union curves as the bound by tiers reads them: `released[r]` users at least release r devices
 * (the union of their users), `lowered[q]` users at least release or lower q devices (the union of their newer
 * pairs' users). Lower bounds, raised in place; `reached*[k]` is the union of some k sets found (an upper value:
 * where it meets the curve the curve is exact).
 */
export interface WardCurves {
  readonly released: number[];
  readonly lowered: number[];
  readonly reachedReleased: number[];
  readonly reachedLowered: number[];
  /** Per q, the sets of a lowering reached (indices into the newer sets), where one was found. */
  readonly loweredWitness: (readonly number[] | undefined)[];
}

/** The ward's cell the bound is cheapest at with the curves as they are: its users, and the r and q it took. */
export interface CheapestCell {
  readonly price: number;
  readonly users: number;
  readonly released: number;
  readonly lowered: number;
}

/**
 * Raises a ward's curves only where the bound's cheapest cell needs it, until the bound meets `target` (the best
 * cover's price: nothing above it is needed), the cheapest cell's r and q are both reached by real sets (the
 * curves cannot rule it out; the joint sets and the cuts already had their say), or the work runs out. Each step
 * asks one question of the shares branch and bound (`unionAtMost`): can r devices be released (or q lowered)
 * with the cell's u users? No raises the curve at r (and every larger k) past u; yes notes the sets. The exact
 * curves cost tens of millions of units per k near their value on a 120-user ward (k = 6 released: 87M); the
 * question well below it costs little (22 released within 66 users: 21 thousand), and only the k the prices
 * reach are asked. Returns the witness of the cell it stopped at, when that cell's lowering was reached.
 */
export function refineWardCurves(
  releasable: readonly (readonly number[])[],
  newer: readonly (readonly number[])[],
  universe: number,
  curves: WardCurves,
  cheapest: () => CheapestCell | undefined,
  target: number,
  work: { left: number },
): { steps: number; stopped: "met" | "reached" | "work"; witness?: readonly number[] } {
  let released: ReturnType<typeof createSharesSearch> | undefined;
  let lowered: ReturnType<typeof createSharesSearch> | undefined;
  let steps = 0;
  for (;;) {
    const cell = cheapest();
    if (!cell || cell.price >= target) return { steps, stopped: "met" };
    const { users: u, released: r, lowered: q } = cell;
    steps++;
    if (r > 0 && (curves.reachedReleased[r] as number) > u) {
      released ??= createSharesSearch(releasable, universe);
      const test = unionAtMost(released, r, u, work);
      if (test.kind === "stopped") return { steps, stopped: "work" };
      if (test.kind === "none") raise(curves.released, r, test.least);
      else reach(curves.reachedReleased, r, test.union);
      continue;
    }
    if (q > 0 && (curves.reachedLowered[q] as number) > u) {
      lowered ??= createSharesSearch(newer, universe);
      const test = unionAtMost(lowered, q, u, work);
      if (test.kind === "stopped") return { steps, stopped: "work" };
      if (test.kind === "none") raise(curves.lowered, q, test.least);
      else {
        reach(curves.reachedLowered, q, test.union);
        curves.loweredWitness[q] = test.sets;
      }
      continue;
    }
    const witness = curves.loweredWitness[q];
    return witness ? { steps, stopped: "reached", witness } : { steps, stopped: "reached" };
  }
}

/** No k sets within `least` − 1 users: nor any more sets (a larger choice holds a k-subset). */
function raise(curve: number[], k: number, least: number): void {
  for (let j = k; j < curve.length; j++) curve[j] = Math.max(curve[j] as number, least);
}

/** Some k sets within `union` users: so are any fewer of them (a subset's union is no larger). */
function reach(reached: number[], k: number, union: number): void {
  for (let j = k; j >= 0; j--) reached[j] = Math.min(reached[j] as number, union);
}
