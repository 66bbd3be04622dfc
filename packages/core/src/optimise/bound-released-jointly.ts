import { boundUnionsByClosure, type ClosureCut } from "./bound-unions-by-closure.ts";

/**
 * Per released count r (index 0, 1, 2 while the work lasts), per user count u: at most how many devices are
 * released or lowered (q, the released ones included) when r given devices are released with u users; −1 when
 * no r devices can be released with u users. Each released set R is enumerated (its users U_R are in the cover)
 * and the other devices are lowered at most as the closure of their newer users outside U_R allows
 * (`boundUnionsByClosure`, lowered prices β only): u ≥ |U_R| + least_R(β) + β·(q − r). This is the joint least
 * union the closure's linear cuts on (r, q) miss: a ward's released curve is concave (18, 31, 42 users for 1, 2, 3
 * devices), and its chords let a bound release three devices with the very users that lower eighteen more.
 * The same users release any subset of R and lower the rest of it, so r + 1 released devices allow no more than
 * the r of any subset (callers cap every r past the last level by it), and a pair is skipped when its two singles
 * already allow no more than the best pair so far. Work counted against `budget`; a level whose sets were not all
 * seen is dropped (the levels returned are complete, so each is a valid bound).
 */
export function boundReleasedJointly(
  /** Per device, the users of its newer pairs (lowering it needs them). */
  newer: readonly (readonly number[])[],
  /** Per device, all its users (releasing it needs them); undefined when it cannot be released. */
  all: readonly (readonly number[] | undefined)[],
  universe: number,
  /** Lowered prices to try (integers, in 1/scale of a user); the released sets use those that bind r = 0. */
  betas: readonly number[],
  scale: number,
  budget: { left: number },
): Int32Array[] {
  const m = newer.length;
  const spend = (units: number) => {
    budget.left -= units;
  };
  const inUnion = new Int32Array(universe);
  let prices = betas.map((b) => [0, b] as [number, number]);
  // The prices that bound some u when nothing is released: the released sets' closures are solved at those.
  const binding = new Set<number>();
  const allowed = (cuts: readonly ClosureCut[], room: number, most: number) => {
    let q = most;
    let tightest = -1;
    for (const cut of cuts) {
      const left = room - cut.least;
      if (left < 0) return { q: -1, tightest: cut.beta };
      const k = Math.floor(left / cut.beta);
      if (k < q) {
        q = k;
        tightest = cut.beta;
      }
    }
    return { q, tightest };
  };
  // The most q per u for one released set (its users marked in inUnion, `union` of them), at most `cap`.
  const solve = (released: readonly number[], union: number, cap?: Int32Array): Int32Array => {
    const sets: number[][] = [];
    for (let j = 0; j < m; j++) {
      if (released.includes(j)) continue;
      const rest: number[] = [];
      for (const p of newer[j] as readonly number[]) if (inUnion[p] === 0) rest.push(p);
      sets.push(rest);
      spend((newer[j] as readonly number[]).length + 1);
    }
    const closure = boundUnionsByClosure(
      { newer: sets, all: sets.map(() => undefined), universe },
      prices,
      scale,
      Number.POSITIVE_INFINITY,
    );
    spend(closure.work + universe);
    const out = new Int32Array(universe + 1).fill(-1);
    for (let u = union; u <= universe; u++) {
      const { q, tightest } = allowed(closure.cuts, (u - union) * scale, sets.length);
      if (released.length === 0 && tightest > 0) binding.add(tightest);
      if (q < 0) continue;
      const total = q + released.length;
      out[u] = cap ? Math.min(total, cap[u] as number) : total;
    }
    return out;
  };
  const mark = (list: readonly number[], by: number) => {
    let grown = 0;
    for (const p of list) {
      if (by > 0 && inUnion[p] === 0) grown++;
      inUnion[p] = (inUnion[p] as number) + by;
    }
    spend(list.length);
    return grown;
  };

  const levels: Int32Array[] = [solve([], 0)];
  if (budget.left < 0) return [];
  prices = [...binding].sort((x, y) => x - y).map((b) => [0, b] as [number, number]);
  if (prices.length === 0) return levels;
  // r = 1: every releasable device.
  const releasable = all.flatMap((l, j) => (l ? [j] : []));
  const single = new Map<number, Int32Array>();
  const one = new Int32Array(universe + 1).fill(-1);
  for (const j of releasable) {
    const list = all[j] as readonly number[];
    const union = mark(list, 1);
    const most = solve([j], union, levels[0]);
    mark(list, -1);
    single.set(j, most);
    for (let u = union; u <= universe; u++)
      if ((most[u] as number) > (one[u] as number)) one[u] = most[u] as number;
    if (budget.left < 0) return levels;
  }
  levels.push(one);
  // r = 2: pairs by their union, least first.
  const pairs: [number, number, number][] = [];
  for (let a = 0; a < releasable.length; a++) {
    const ja = releasable[a] as number;
    const base = mark(all[ja] as readonly number[], 1);
    for (let b = a + 1; b < releasable.length; b++) {
      const jb = releasable[b] as number;
      let grown = 0;
      for (const p of all[jb] as readonly number[]) if (inUnion[p] === 0) grown++;
      spend((all[jb] as readonly number[]).length);
      pairs.push([ja, jb, base + grown]);
    }
    mark(all[ja] as readonly number[], -1);
    if (budget.left < 0) return levels;
  }
  pairs.sort((x, y) => x[2] - y[2]);
  const two = new Int32Array(universe + 1).fill(-1);
  const cap = new Int32Array(universe + 1);
  for (const [ja, jb, union] of pairs) {
    const fa = single.get(ja) as Int32Array;
    const fb = single.get(jb) as Int32Array;
    let useful = false;
    for (let u = union; u <= universe; u++) {
      const c = Math.min(fa[u] as number, fb[u] as number);
      cap[u] = c;
      if (c > (two[u] as number)) useful = true;
    }
    spend(universe);
    if (!useful) {
      // Its bound is its singles' least, no more than the pairs seen: the level stays a valid maximum.
      continue;
    }
    mark(all[ja] as readonly number[], 1);
    mark(all[jb] as readonly number[], 1);
    const most = solve([ja, jb], union, cap);
    mark(all[ja] as readonly number[], -1);
    mark(all[jb] as readonly number[], -1);
    for (let u = union; u <= universe; u++)
      if ((most[u] as number) > (two[u] as number)) two[u] = most[u] as number;
    if (budget.left < 0) return levels;
  }
  levels.push(two);
  return levels;
}
