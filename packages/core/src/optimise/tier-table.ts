/**
 * Per (users u, devices at the newer tier n): the fewest devices holding any CAL, over the covers of one part
 * (Infinity where none). Rows are user counts, columns newer-tier device counts.
 */
export interface TierTable {
  readonly users: number;
  readonly newer: number;
  /** (users + 1) × (newer + 1) cells, row-major. */
  readonly least: Float64Array;
}

/** Counts work; `fromBudget` false counts it only toward the hard cap (convolutions, pricing). */
export type Spend = (units: number, fromBudget?: boolean) => void;

/** Adds a table shifted by settled holders into a larger one (the lesser value per cell). */
export function placeTable(
  out: TierTable,
  t: TierTable,
  users: number,
  newer: number,
  devices: number,
): void {
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

export function emptyTable(users: number, newer: number): TierTable {
  return {
    users,
    newer,
    least: new Float64Array((users + 1) * (newer + 1)).fill(Number.POSITIVE_INFINITY),
  };
}

/** At most u users and at most n newer devices: a cover with fewer of either counts too. */
export function monotone(t: TierTable): TierTable {
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
export function convolveTables(a: TierTable, b: TierTable, spend: Spend): TierTable {
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

/** A table's staircase as (users, newer, least) triples: the finite cells below their left and upper neighbours. */
export function listCorners(t: TierTable): number[] {
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
