/** The least unions per k, exact where `exact[k]`, else a lower bound; the work it took. */
export interface LeastUnionsByShares {
  /** least[k]: the fewest users any k of the sets cover together (a lower bound where not exact). */
  readonly least: readonly number[];
  readonly exact: readonly boolean[];
  /** witness[k]: k sets (indices) whose union is least[k] where it was reached, else undefined. */
  readonly witness: readonly (readonly number[] | undefined)[];
  readonly work: number;
}

/**
 * The least union of k sets, per k up to `kMax`, by a branch and bound whose node bound shares each user out:
 * a user not yet covered, in f undecided sets, gives 1/f to each of them, so any k' of those sets cover at
 * least the sum of their shares more users (a user counts once however many of them hold it), and the k'
 * smallest shares bound what the branch can still reach. Meant for small sets over a few dozen devices (a
 * ward's newer pairs: 40 devices, 2–15 users each), where the closure's cuts are only the concave hull of the
 * curve: on the generated 1,383-pair ward 16, 17, 18 lowered devices need 42, 45, 47 users, the hull 39, 41, 44.
 * `floors[k]`, when given, is a known lower bound (a search stops at it); `work` is counted in units of a set's
 * member visited, and once it runs out the remaining k keep their floors (exact false).
 */
export function searchLeastUnionsByShares(
  sets: readonly (readonly number[])[],
  universe: number,
  kMax: number,
  work: { left: number },
  floors: readonly number[] = [],
): LeastUnionsByShares {
  const n = sets.length;
  const top = Math.min(kMax, n);
  const least: number[] = [0];
  const exact: boolean[] = [true];
  const witness: (readonly number[] | undefined)[] = [[]];
  const search = createSharesSearch(sets, universe);
  // Upper values to start from: the greedy chain (each step the set adding the fewest users).
  const { greedy, chain, spent: chainWork } = greedyChain(sets, universe, top);
  let spent = chainWork;
  let out = false;
  for (let k = 1; k <= top; k++) {
    const floor = Math.max(floors[k] ?? 0, least[k - 1] as number);
    const best = greedy[k] as number;
    if (out || best <= floor) {
      least.push(out ? floor : best);
      exact.push(!out);
      witness.push(out ? undefined : chain.slice(0, k));
      continue;
    }
    const r = search(k, best, floor, work.left - spent);
    spent += r.work;
    out = r.out;
    least.push(out ? floor : (r.best as number));
    exact.push(!out);
    witness.push(out ? undefined : (r.found ?? chain.slice(0, k)));
  }
  work.left -= spent;
  return { least, exact, witness, work: spent };
}

/** What `unionAtMost` learnt: k sets within the limit (their indices), none (every k sets cover at least `least`), or
 * nothing (its work ran out). */
export type UnionTest =
  | { readonly kind: "found"; readonly sets: readonly number[]; readonly union: number }
  | { readonly kind: "none"; readonly least: number }
  | { readonly kind: "stopped" };

/**
 * Whether some k of the sets cover at most `limit` users together, by the same branch and bound as
 * `searchLeastUnionsByShares` with `limit` + 1 as its incumbent: far cheaper than the least union itself when the
 * limit is well below it (most branches end at the root's few levels), which is what a bound needs to rule out a
 * cell it does not believe. When none, `least` is the least node bound or leaf union the search ended on (at
 * least `limit` + 1, a valid lower bound on the least union). `search` reuses one `createSharesSearch` across tests.
 */
export function unionAtMost(
  search: SharesSearch,
  k: number,
  limit: number,
  work: { left: number },
): UnionTest {
  const r = search(k, limit + 1, limit, work.left);
  work.left -= r.work;
  if (r.out) return { kind: "stopped" };
  if (r.found) return { kind: "found", sets: r.found, union: r.best };
  return { kind: "none", least: Math.max(limit + 1, r.lowest) };
}

/** One k's depth-first search from an incumbent `best`, stopping at `floor`; see `createSharesSearch`. */
export type SharesSearch = (
  k: number,
  best: number,
  floor: number,
  workLeft: number,
) => {
  /** The least union found below the incumbent, else the incumbent. */
  readonly best: number;
  readonly found: readonly number[] | undefined;
  /** The least node bound or leaf union the search ended on without improving (a lower bound when none found). */
  readonly lowest: number;
  readonly out: boolean;
  readonly work: number;
};

/**
 * The least union of k sets, one k per call, by the shares branch and bound: its state is undone after each call,
 * so one search serves every k and every limit on the same sets.
 */
export function createSharesSearch(
  sets: readonly (readonly number[])[],
  universe: number,
): SharesSearch {
  const n = sets.length;
  // Users as positions 0..universe−1; per user the sets holding it.
  const count = new Int32Array(universe);
  const free = new Int32Array(universe);
  for (const s of sets) for (const p of s) free[p] = (free[p] as number) + 1;
  const status = new Uint8Array(n); // 0 undecided, 1 chosen, 2 left out
  const share = new Float64Array(n);
  const order = new Float64Array(n);
  const inGroup = new Uint8Array(n);
  const inside = new Int32Array(universe);
  const chosen: number[] = [];
  let union = 0;

  const choose = (d: number, by: number) => {
    for (const p of sets[d] as readonly number[]) {
      const c = (count[p] as number) + by;
      if (by > 0 && c === 1) union++;
      if (by < 0 && c === 0) union--;
      count[p] = c;
    }
  };
  const decide = (d: number, by: number) => {
    for (const p of sets[d] as readonly number[]) free[p] = (free[p] as number) - by;
  };

  return (k, start, floor, workLeft) => {
    let best = start;
    let found: number[] | undefined;
    let lowest = Number.POSITIVE_INFINITY;
    let spent = 0;
    let out = false;
    // Depth-first: the undecided set of least share is branched on, chosen first.
    const search = (need: number): boolean => {
      if (need === 0) {
        if (union < best) {
          best = union;
          found = chosen.slice();
        } else lowest = Math.min(lowest, union);
        return best > floor;
      }
      let undecided = 0;
      for (let d = 0; d < n; d++) {
        if (status[d] !== 0) continue;
        let s = 0;
        for (const p of sets[d] as readonly number[])
          if (count[p] === 0) s += 1 / (free[p] as number);
        share[d] = s;
        order[undecided++] = s;
        spent += (sets[d] as readonly number[]).length;
      }
      if (spent > workLeft) {
        out = true;
        return false;
      }
      if (undecided < need) return true;
      const smallest = order.subarray(0, undecided).sort();
      let bound = union;
      for (let i = 0; i < need; i++) bound += smallest[i] as number;
      if (Math.ceil(bound - 1e-9) >= best) {
        lowest = Math.min(lowest, Math.ceil(bound - 1e-9));
        return true;
      }
      // Shares moved toward the sets that bound it (the need smallest): any split of a user's 1 is valid.
      if (need < undecided) {
        const cut = smallest[need - 1] as number;
        inGroup.fill(0);
        for (let d = 0; d < n; d++)
          if (status[d] === 0 && (share[d] as number) <= cut + 1e-12) inGroup[d] = 1;
        inside.fill(0);
        for (let d = 0; d < n; d++)
          if (inGroup[d])
            for (const p of sets[d] as readonly number[]) inside[p] = (inside[p] as number) + 1;
        let m = 0;
        for (let d = 0; d < n; d++) {
          if (status[d] !== 0) continue;
          let s = 0;
          for (const p of sets[d] as readonly number[]) {
            if (count[p] !== 0) continue;
            const a = inside[p] as number;
            const f = free[p] as number;
            // Half the user's 1 spread over all its sets, half over those in the group.
            s += a === 0 ? 1 / f : 0.5 / f + (inGroup[d] ? 0.5 / a : 0);
          }
          share[d] = s;
          order[m++] = s;
          spent += (sets[d] as readonly number[]).length;
        }
        const again = order.subarray(0, m).sort();
        let b = union;
        for (let i = 0; i < need; i++) b += again[i] as number;
        if (Math.ceil(b - 1e-9) >= best) {
          lowest = Math.min(lowest, Math.ceil(b - 1e-9));
          return true;
        }
      }
      let pick = -1;
      for (let d = 0; d < n; d++)
        if (status[d] === 0 && (pick < 0 || (share[d] as number) < (share[pick] as number)))
          pick = d;
      status[pick] = 1;
      decide(pick, 1);
      choose(pick, 1);
      chosen.push(pick);
      const go = search(need - 1);
      chosen.pop();
      choose(pick, -1);
      status[pick] = 2;
      const more = go && search(need);
      decide(pick, -1);
      status[pick] = 0;
      return more;
    };
    search(k);
    // An early stop (out of work, or the floor met) leaves the state half undone: the recursion unwinds it above.
    return { best, found, lowest, out, work: spent };
  };
}

/** Each step the set adding the fewest users: a union per k to start from, and the sets in the order taken. */
function greedyChain(sets: readonly (readonly number[])[], universe: number, top: number) {
  const n = sets.length;
  const greedy: number[] = [0];
  const chain: number[] = [];
  const seen = new Uint8Array(universe);
  const taken = new Uint8Array(n);
  let size = 0;
  let spent = 0;
  for (let k = 1; k <= top; k++) {
    let bestSet = -1;
    let bestNew = Number.POSITIVE_INFINITY;
    for (let d = 0; d < n; d++) {
      if (taken[d]) continue;
      let fresh = 0;
      for (const p of sets[d] as readonly number[]) if (!seen[p]) fresh++;
      if (fresh < bestNew) {
        bestNew = fresh;
        bestSet = d;
      }
    }
    taken[bestSet] = 1;
    chain.push(bestSet);
    for (const p of sets[bestSet] as readonly number[]) {
      if (!seen[p]) size++;
      seen[p] = 1;
    }
    spent += n;
    greedy.push(size);
  }
  return { greedy, chain, spent };
}
