import type { ClosureCut } from "./bound-unions-by-closure.ts";
import { CLOSURE_SCALE } from "./tier-bound-limits.ts";

/**
 * What the closure's cuts (`boundUnionsByClosure`, prices in 1/`CLOSURE_SCALE` of a user) allow of a part of
 * `users` users and `devices` devices: each cut says the users holding CALs are at least
 * (least + α·r + β·q) / scale when r devices are released and q released or at t0.
 */
export function createCutLimits(cuts: readonly ClosureCut[], users: number, devices: number) {
  const d = devices;
  /** The fewest users the cuts allow with r devices released and q released or at t0. */
  const floorOf = (r: number, q: number) =>
    cuts.reduce(
      (x, c) => Math.max(x, Math.ceil((c.least + c.alpha * r + c.beta * q) / CLOSURE_SCALE - 1e-9)),
      0,
    );
  // Per (u, r), the most q the cuts allow (−1: none, −2: not yet computed); the cuts do not change while the
  // curves are raised, so each (u, r) the table reaches is computed once.
  const cutQ = new Int32Array((users + 1) * (d + 1)).fill(-2);
  /** The most devices released or at t0 the cuts allow with u users and r released; −1 when none. */
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
  return { floorOf, cutQOf };
}
