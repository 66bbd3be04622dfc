import type { PackOffer } from "./choose-pack-purchase.ts";

/** Units to buy at each version (each bought as that version's cheapest packs) and their total price. */
export interface VersionedPurchase {
  readonly units: readonly number[];
  readonly cost: number;
}

/** Default limit on the dynamic programme's steps: past it the caller falls back to a heuristic. */
export const VERSIONED_PURCHASE_WORK = 8_000_000;

/**
 * The cheapest purchase for needs at several version tiers of one CAL type, exactly, at any size: a CAL of
 * version v serves any need at tier ≤ v, packs of every version may be bought, over-buying is allowed.
 * `needed[k]` is the needs at tier k and `packsByVersion[v]` the packs of exactly version v (empty: unsold);
 * every tier with needs must have packs at it or above. Returns the units to buy per version (the cheapest
 * packs of that version for them, `choosePackPurchase`, cost exactly what is summed here), or undefined when
 * the programme would take more than `maxWork` steps or its sums could pass float64's exact integers.
 *
 * A purchase serves the needs iff, for every tier k, the units bought at versions ≥ k reach the needs at
 * tiers ≥ k (Hall's condition on nested sets). From the newest version down, F(E) is the least price of the
 * versions decided so far that leaves at least E units over for older tiers; version v gives
 * G(X) = min over E of F(E) + C_v(X − E), with X = E' + need_v and C_v the cheapest cover by v's packs alone.
 * Every function here is a staircase: a table, then each `period` more units cost `step` more. C_v is one
 * past its window (see `periodicCost`), and two facts about some best purchase keep each G short:
 *
 * - A version v whose packs are all dearer per unit than some pack B above it (size b) buys fewer than b
 *   packs: b of them hold a subset whose sizes add up to a multiple of b (prefix sums modulo b), and B's
 *   serve every tier they served, for strictly less. So u ≤ (b − 1)·(v's largest size).
 * - A version v whose cheapest pack per unit (size a) is no dearer than any pack above it receives less than
 *   (2a − 1)·M excess from above (M the largest size above): among best purchases take one with the least
 *   Σ size × version. If E_{v+1} ≥ a·M, let y be the highest version with E_k ≥ a·M for every tier k in
 *   (v, y]. With a packs at versions (v, y], a subset of them adding up to m·a units can be swapped for m of
 *   v's pack: no dearer, every tier in (v, y] keeps its a·M spare, tiers ≤ v keep their units, and the sum
 *   falls. So fewer than a packs are there, and E_{v+1} ≤ their units + E_{y+1} < (a − 1)·M + a·M.
 *
 * Beyond its table G repeats the step of F (first case: u stays the same) or of C_v (second: u grows), so
 * each version's table is short. Over the part of the range where one function is in its period, the prefix
 * minimum of period·(the other) − n·step along each residue modulo the period reads all its terms in one look,
 * so each entry costs the other function's window plus one period. Work is counted before it is done: past
 * `maxWork` (price lists whose windows run to thousands of units) the answer is undefined at once.
 */
export function chooseVersionedPurchase(
  needed: readonly number[],
  packsByVersion: readonly (readonly PackOffer[])[],
  maxWork = VERSIONED_PURCHASE_WORK,
): VersionedPurchase | undefined {
  const tiers = needed.length;
  for (const n of needed)
    if (!Number.isSafeInteger(n) || n < 0)
      throw new RangeError(`needs must be non-negative safe integers, got ${n}`);
  if (packsByVersion.length !== tiers)
    throw new RangeError("chooseVersionedPurchase needs one pack list per tier");
  const costs = packsByVersion.map((packs) => (packs.length > 0 ? periodicCost(packs) : undefined));
  let top = tiers - 1;
  while (top >= 0 && !costs[top]) top--;
  for (let k = top + 1; k < tiers; k++)
    if ((needed[k] as number) > 0)
      throw new RangeError(`needs at tier ${k} have no pack at or above it`);
  // older[v]: needs at tiers below v, the most excess worth carrying past version v.
  const older = new Array<number>(tiers + 1).fill(0);
  for (let v = 1; v <= tiers; v++) older[v] = (older[v - 1] as number) + (needed[v - 1] as number);
  const total = older[tiers] as number;
  let largest = 0;
  let dearest = 0;
  for (const packs of packsByVersion)
    for (const p of packs) {
      largest = Math.max(largest, p.size);
      dearest = Math.max(dearest, p.price);
    }
  // Any finite F is at most tiers·total·dearest (n units never cost more than n of any pack); the largest sum
  // formed is size·F + total·price.
  if ((largest * tiers + 1) * (total + largest + 1) * dearest * 2 > Number.MAX_SAFE_INTEGER)
    return undefined;

  // Per version, from the newest down: how the units bought there are read back for a wanted X.
  const choices: (Choice | undefined)[] = new Array(tiers).fill(undefined);
  let f: Staircase | undefined; // undefined: nothing bought yet (F is 0 at E = 0 only)
  let work = 0;
  let cheapestAbove: PackOffer | undefined; // lowest price per unit at versions above v
  let largestAbove = 0;
  for (let v = tiers - 1; v >= 0; v--) {
    const need = needed[v] as number;
    const c = costs[v];
    const span = (older[v + 1] as number) + 1; // X in 0..older[v+1]
    if (c) {
      let g: { readonly g: Staircase; readonly choice: Choice };
      if (!f) {
        g = {
          g: c.staircase,
          choice: { table: undefined, start: c.start, period: c.size, toUnits: true },
        };
      } else if (cheapestAbove && cheaper(cheapestAbove, c.anchor)) {
        const most = (cheapestAbove.size - 1) * c.largest;
        const length = f.period === 0 ? span : Math.min(span, f.start + most + f.period);
        // Counted before the work is done: a price list past the limit costs nothing but the fallback.
        work += length * (f.period === 0 ? Math.min(most, length) + 1 : f.start + f.period) + most;
        if (work > maxWork) return undefined;
        g = withFewUnits(f, c, most, length);
      } else {
        const cap = Math.min((2 * c.size - 1) * largestAbove - 1, span - 1);
        const length = Math.min(span, cap + c.start + c.size);
        work += length * (c.start + c.size) + cap;
        if (work > maxWork) return undefined;
        g = withLongPurchases(f, c, cap, length, span);
      }
      choices[v] = g.choice;
      f = shift(g.g, need);
      for (const p of packsByVersion[v] as readonly PackOffer[]) {
        largestAbove = Math.max(largestAbove, p.size);
        if (!cheapestAbove || cheaper(p, cheapestAbove)) cheapestAbove = p;
      }
    } else if (f) {
      // Nothing sold at v: its needs come from the excess above.
      f = shift(f, need);
    }
  }
  if (!f) throw new RangeError("no pack is sold");
  const cost = valueAt(f, 0);
  if (!Number.isFinite(cost)) throw new RangeError("a tier with needs has no pack at or above it");
  // Walk back up: at version v the excess wanted below is e, so X = e + need_v; u units are bought there.
  const units = new Array<number>(tiers).fill(0);
  let excess = 0;
  for (let v = 0; v < tiers; v++) {
    const x = excess + (needed[v] as number);
    const choice = choices[v];
    const u = choice ? unitsAt(choice, x) : 0;
    units[v] = u;
    excess = x - u;
  }
  return { units, cost };
}

/** f(n) = table[n] below start + period, then f(n + period) = f(n) + step (no period: only the table). */
interface Staircase {
  readonly table: Float64Array;
  readonly start: number;
  readonly period: number;
  readonly step: number;
}

/** The units bought at a version for each X: a table, then each period more goes to the units or the excess. */
interface Choice {
  /** Undefined: u = X below start + period. */
  readonly table: Int32Array | undefined;
  readonly start: number;
  readonly period: number;
  readonly toUnits: boolean;
}

function valueAt(s: Staircase, n: number): number {
  if (n < s.table.length) return s.table[n] as number;
  if (s.period === 0) throw new RangeError("read past a staircase without a period");
  const m = Math.floor((n - s.start) / s.period);
  return (s.table[n - m * s.period] as number) + m * s.step;
}

function unitsAt(c: Choice, x: number): number {
  const length = c.start + c.period;
  if (x < length || c.period === 0) return c.table ? (c.table[x] as number) : x;
  const m = Math.floor((x - c.start) / c.period);
  const base = c.table ? (c.table[x - m * c.period] as number) : x - m * c.period;
  return c.toUnits ? base + m * c.period : base;
}

/** F'(E) = G(E + need): the same staircase read `need` further on. */
function shift(g: Staircase, need: number): Staircase {
  if (need === 0) return g;
  if (g.period === 0) return { ...g, table: g.table.subarray(need) };
  const start = Math.max(0, g.start - need);
  const table = new Float64Array(start + g.period);
  for (let n = 0; n < table.length; n++) table[n] = valueAt(g, n + need);
  return { table, start, period: g.period, step: g.step };
}

/** p strictly cheaper per unit than q (cross-multiplied in BigInt: the products may pass 2^53). */
function cheaper(p: PackOffer, q: PackOffer): boolean {
  return BigInt(p.price) * BigInt(q.size) < BigInt(q.price) * BigInt(p.size);
}

/** C(n), the cheapest cover of n units by one version's packs: a table up to the period's start, then periodic. */
interface PeriodicCost {
  readonly staircase: Staircase;
  /** From here on C(n + size) = C(n) + price. */
  readonly start: number;
  readonly size: number;
  readonly price: number;
  readonly anchor: PackOffer;
  readonly largest: number;
}

function periodicCost(packs: readonly PackOffer[]): PeriodicCost {
  let anchor = packs[0] as PackOffer;
  let largest = 0;
  for (const p of packs) {
    largest = Math.max(largest, p.size);
    if (cheaper(p, anchor) || (!cheaper(anchor, p) && p.size > anchor.size)) anchor = p;
  }
  const { size, price } = anchor;
  // Periodic from (size − 1)·largest on (see `choosePackPurchase`); the table reaches one period past it.
  const from = (size - 1) * largest;
  const table = new Float64Array(from + size + 1).fill(Number.POSITIVE_INFINITY);
  table[0] = 0;
  for (let n = 1; n < table.length; n++)
    for (const p of packs) {
      const t = p.price + (table[Math.max(0, n - p.size)] as number);
      if (t < (table[n] as number)) table[n] = t;
    }
  // The period starts where the last run of C(n + size) = C(n) + price reaching `from` starts.
  let start = from;
  while (start > 0 && table[start - 1 + size] === (table[start - 1] as number) + price) start--;
  return {
    staircase: { table: table.slice(0, start + size), start, period: size, step: price },
    start,
    size,
    price,
    anchor,
    largest,
  };
}

/**
 * A version dearer than a pack above it: G(X) = min over u ≤ min(X, most) of F(X − u) + C(u). Past F's
 * table plus `most`, G repeats F's step with the same u (the least of equals). Where F is periodic, the u with
 * X − u in F's period are read per residue ρ of X − u − F.start: prefix minima of period·C(u) − u·step along
 * u's residue, as for long purchases with the roles of F and C swapped.
 */
function withFewUnits(f: Staircase, c: PeriodicCost, most: number, length: number) {
  const values = new Float64Array(length);
  const units = new Int32Array(length);
  const top = Math.min(most, length - 1);
  const cAt = Float64Array.from({ length: top + 1 }, (_, n) => valueAt(c.staircase, n));
  const { start, period, step } = f;
  // With no period F is short (its whole domain): every u is read directly.
  const direct = period === 0 ? length : start;
  const { best, at } = residueMinima(
    period === 0 ? 0 : top + 1,
    period,
    step,
    (u) => cAt[u] as number,
  );
  for (let x = 0; x < length; x++) {
    let value = Number.POSITIVE_INFINITY;
    let chosen = 0;
    const offer = (t: number, u: number) => {
      if (t < value || (t === value && u < chosen)) {
        value = t;
        chosen = u;
      }
    };
    // X − u below F's period: read directly.
    for (let u = Math.max(0, x - direct + 1); u <= Math.min(x, top); u++)
      offer(valueAt(f, x - u) + (cAt[u] as number), u);
    if (period === 0) {
      values[x] = value;
      units[x] = chosen;
      continue;
    }
    // X − u = start + ρ + m·period, m ≥ 0: u ≡ x − start − ρ, u ≤ min(that, most).
    for (let r = 0; r < period; r++) {
      const reach = x - start - r;
      if (reach < 0) break;
      let j = reach;
      if (j > top) j -= Math.ceil((j - top) / period) * period;
      if (j < 0) continue;
      const b = best[j] as number;
      if (b === Number.POSITIVE_INFINITY) continue;
      // period·C(u) − u·step + reach·step = period·(C(u) + m·step), m = (reach − u)/period.
      offer((f.table[start + r] as number) + (b + reach * step) / period, at[j] as number);
    }
    values[x] = value;
    units[x] = chosen;
  }
  const periodic = period > 0 && length === start + most + period;
  const begin = periodic ? length - period : 0;
  return {
    g: { table: values, start: begin, period: periodic ? period : 0, step: periodic ? step : 0 },
    choice: { table: units, start: begin, period: periodic ? period : 0, toUnits: false },
  };
}

/**
 * A version no dearer than any pack above it: G(X) = min over E ≤ min(X, cap) of F(E) + C(X − E). Past
 * cap + C's window every X − E is in C's period, so G repeats C's step, the extra units bought at v.
 */
function withLongPurchases(
  f: Staircase,
  c: PeriodicCost,
  cap: number,
  length: number,
  span: number,
) {
  const { start, size, price } = c;
  const window = c.staircase.table;
  const { best, at } = residueMinima(cap + 1, size, price, (j) => valueAt(f, j));
  const values = new Float64Array(length);
  const units = new Int32Array(length);
  for (let x = 0; x < length; x++) {
    let value = Number.POSITIVE_INFINITY;
    let chosen = 0;
    // u below C's period (its window): E = x − u must be within the cap.
    for (let u = Math.max(0, x - cap); u < Math.min(start, x + 1); u++) {
      const t = valueAt(f, x - u) + (window[u] as number);
      if (t < value) {
        value = t;
        chosen = u;
      }
    }
    // u = start + r + m·size: E ≡ x − start − r (mod size), E ≤ min(that, cap); the prefix minimum reads it.
    for (let r = 0; r < size; r++) {
      let j = x - start - r;
      if (j < 0) break;
      if (j > cap) j -= Math.ceil((j - cap) / size) * size;
      if (j < 0) continue;
      const b = best[j] as number;
      if (b === Number.POSITIVE_INFINITY) continue;
      // size·F(i) − i·price + (x − start − r)·price = size·(F(i) + m·price) with m = (x − start − r − i)/size.
      const t = (window[start + r] as number) + (b + (x - start - r) * price) / size;
      const u = x - (at[j] as number);
      if (t < value || (t === value && u < chosen)) {
        value = t;
        chosen = u;
      }
    }
    values[x] = value;
    units[x] = chosen;
  }
  const periodic = length < span;
  const begin = periodic ? length - size : 0;
  return {
    g: { table: values, start: begin, period: periodic ? size : 0, step: periodic ? price : 0 },
    choice: { table: units, start: begin, period: periodic ? size : 0, toUnits: true },
  };
}

/**
 * best[j], at[j] for j < count: the least period·g(i) − i·step over i ≤ j with i ≡ j (mod period), and the
 * least such i. Adding j·step and dividing by period gives g(i) + (j − i)/period·step: the cheapest way to
 * reach j with g's part and whole periods at `step` each.
 */
function residueMinima(count: number, period: number, step: number, g: (i: number) => number) {
  const best = new Float64Array(count);
  const at = new Int32Array(count);
  for (let j = 0; j < count; j++) {
    const here = period * g(j) - j * step;
    if (j >= period && (best[j - period] as number) <= here) {
      best[j] = best[j - period] as number;
      at[j] = at[j - period] as number;
    } else {
      best[j] = here;
      at[j] = j;
    }
  }
  return { best, at };
}
