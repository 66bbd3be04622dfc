import { allocateOwned, type Need, type OwnedPool } from "../compliance/allocate-owned.ts";
import type { CalMix, CoverEdge } from "./choose-cal-mix.ts";
import { internCoverEdges } from "./intern-cover-edges.ts";
import { type CalMarket, priceCalNeedsCost } from "./price-cal-needs.ts";

/** What one call did: moves kept, moves priced, and the work counted (pair visits). */
export interface CoverMovesStats {
  readonly kept: number;
  readonly tried: number;
  readonly work: number;
}

/** The improved cover (undefined when no move lowered the money), and the work it took. */
export interface ImprovedCover {
  readonly mix: CalMix | undefined;
  readonly stats: CoverMovesStats;
}

/** Distinct count vectors priced at most per call: each is one `priceCalNeedsCost`. */
const PRICED_VECTORS = 4_096;

/**
 * Local search over a cover in real money, after the Lagrangian heuristic and the owned-CAL repair. A move
 * sets one holder to another tier (or drops or adds it) and keeps the cover whole around it: lowering raises
 * the other side's holders of the pairs it no longer covers; raising lowers (or drops) the other side's holders
 * it now makes needless; then the holders next to the ones it raised are lowered as far as the cover allows.
 * The cover's money depends only on how many holders of each type hold each tier, so a move is priced by
 * `priceCalNeedsCost` on the new counts (owned CALs by value, then packs; each count vector priced once) and
 * kept when it pays less, or the same with fewer CALs left to buy than the owned CALs cover (which walks
 * across a pack's slack toward a move that frees the pack). Every kept move lowers that pair strictly, so the
 * search cannot cycle; it ends when a pass over all holders keeps none or `work` pair visits are spent
 * (counted, so the same input always gives the same answer). Never dearer than the cover it was given.
 */
export function improveCoverByMoves(
  edges: readonly CoverEdge[],
  mix: CalMix,
  pools: readonly OwnedPool[],
  market: CalMarket,
  work: number,
): ImprovedCover {
  const { userNames, deviceNames, edgeUser, edgeDevice, edgeTier, userTop, deviceTop } =
    internCoverEdges(edges);
  // A holder above the newest tier its pairs need only pays more (and tiers no pack sells are priced by weight).
  const tops: Int32Array[] = [userTop, deviceTop];
  const tiers = market.tiers;
  // Side 0 = users, 1 = devices; per side the holders' tiers (-1: none) and their pairs (compressed rows).
  const tier: Int32Array[] = [
    tiersOf(userNames, mix.userTier),
    tiersOf(deviceNames, mix.deviceTier),
  ];
  const ends: Int32Array[] = [edgeUser, edgeDevice];
  const rows: Rows[] = [rowsOf(edgeUser, userNames.length), rowsOf(edgeDevice, deviceNames.length)];
  const counts = new Int32Array(2 * tiers);
  for (let side = 0; side < 2; side++)
    for (const t of tier[side] as Int32Array) if (t >= 0) add(counts, side * tiers + t, 1);

  const memo = new Map<string, { cost: number; short: number }>();
  const price = (): { cost: number; short: number } | undefined => {
    const key = counts.join(",");
    const known = memo.get(key);
    if (known) return known;
    if (memo.size >= PRICED_VECTORS) return undefined;
    const needs: Need[] = [];
    for (let t = 0; t < tiers; t++) {
      const users = counts[t] as number;
      const devices = counts[tiers + t] as number;
      if (devices > 0) needs.push({ type: "device", tier: t, count: devices });
      if (users > 0) needs.push({ type: "user", tier: t, count: users });
    }
    const cost = priceCalNeedsCost(needs, pools, market).cost;
    const short = allocateOwned(needs, pools).needs.reduce((s, n) => s + n.shortfall, 0);
    const value = { cost, short };
    memo.set(key, value);
    return value;
  };
  const start = price();
  if (!start) return { mix: undefined, stats: { kept: 0, tried: 0, work: 0 } };
  let current = start;

  // The change log of the move being tried: side, holder, tier before (undone in reverse when not kept).
  const logSide: number[] = [];
  const logHolder: number[] = [];
  const logTier: number[] = [];
  const set = (side: number, h: number, t: number) => {
    const row = tier[side] as Int32Array;
    const was = row[h] as number;
    if (was === t) return;
    logSide.push(side);
    logHolder.push(h);
    logTier.push(was);
    if (was >= 0) add(counts, side * tiers + was, -1);
    if (t >= 0) add(counts, side * tiers + t, 1);
    row[h] = t;
  };
  const undo = () => {
    for (let k = logSide.length - 1; k >= 0; k--) {
      const side = logSide[k] as number;
      const row = tier[side] as Int32Array;
      const now = row[logHolder[k] as number] as number;
      const was = logTier[k] as number;
      if (now >= 0) add(counts, side * tiers + now, -1);
      if (was >= 0) add(counts, side * tiers + was, 1);
      row[logHolder[k] as number] = was;
    }
    logSide.length = 0;
    logHolder.length = 0;
    logTier.length = 0;
  };
  let spent = 0;
  /**
   * The least tier holder h of `side` may hold with the other side as it is, or `stop` as soon as it is known to
   * be at least that (a ward device one of whose users holds nothing is seen at its first such pair).
   */
  const required = (side: number, h: number, stop: number): number => {
    const other = 1 - side;
    const { start: first, list } = rows[side] as Rows;
    const otherTier = tier[other] as Int32Array;
    const otherEnd = ends[other] as Int32Array;
    let need = -1;
    const last = first[h + 1] as number;
    for (let k = first[h] as number; k < last; k++) {
      spent++;
      const e = list[k] as number;
      const t = edgeTier[e] as number;
      if (t <= need) continue;
      const o = otherEnd[e] as number;
      if (o < 0 || (otherTier[o] as number) < t) {
        need = t;
        if (need >= stop) return need;
      }
    }
    return need;
  };
  /** Lowers the holders of `side` next to `h` (on the other side) as far as the cover allows. */
  const lowerAround = (side: number, h: number) => {
    const other = 1 - side;
    const { start: first, list } = rows[other] as Rows;
    const end = ends[side] as Int32Array;
    const row = tier[side] as Int32Array;
    for (let k = first[h] as number; k < (first[h + 1] as number); k++) {
      const q = end[list[k] as number] as number;
      if (q < 0 || (row[q] as number) < 0) continue;
      const now = row[q] as number;
      const need = required(side, q, now);
      if (need < now) set(side, q, need);
    }
  };

  let kept = 0;
  let tried = 0;
  let improved = true;
  while (improved && spent < work) {
    improved = false;
    for (let side = 0; side < 2 && spent < work; side++) {
      const other = 1 - side;
      const row = tier[side] as Int32Array;
      const { start: first, list } = rows[side] as Rows;
      const otherEnd = ends[other] as Int32Array;
      const otherTier = tier[other] as Int32Array;
      const top = tops[side] as Int32Array;
      for (let h = 0; h < row.length && spent < work; h++) {
        for (let target = -1; target <= (top[h] as number) && spent < work; target++) {
          const was = row[h] as number;
          if (target === was) continue;
          tried++;
          set(side, h, target);
          let feasible = true;
          if (target < was) {
            // Lowered: the other side covers its pairs above the new tier, then its other neighbours shrink.
            const raised: number[] = [];
            const last = first[h + 1] as number;
            spent += last - (first[h] as number);
            for (let k = first[h] as number; k < last; k++) {
              const e = list[k] as number;
              const t = edgeTier[e] as number;
              if (t <= target) continue;
              const o = otherEnd[e] as number;
              if (o < 0) {
                feasible = false;
                break;
              }
              if ((otherTier[o] as number) < t) {
                set(other, o, t);
                raised.push(o);
              }
            }
            if (feasible) for (const o of raised) lowerAround(side, o);
          } else {
            // Raised (or added): the other side's holders it now makes needless are lowered or dropped.
            lowerAround(other, h);
          }
          const after = feasible ? price() : undefined;
          if (
            after &&
            (after.cost < current.cost ||
              (after.cost === current.cost && after.short < current.short))
          ) {
            current = after;
            kept++;
            improved = true;
            logSide.length = 0;
            logHolder.length = 0;
            logTier.length = 0;
          } else undo();
        }
      }
    }
  }
  const stats = { kept, tried, work: spent };
  if (current.cost >= start.cost) return { mix: undefined, stats };
  return {
    mix: {
      ...mix,
      userTier: namedTiers(userNames, tier[0] as Int32Array),
      deviceTier: namedTiers(deviceNames, tier[1] as Int32Array),
    },
    stats,
  };
}

/** Per holder number, its tier in the cover (-1 when it holds none). */
function tiersOf(names: readonly string[], tiers: ReadonlyMap<string, number>): Int32Array {
  const out = new Int32Array(names.length).fill(-1);
  names.forEach((name, i) => {
    const t = tiers.get(name);
    if (t !== undefined) out[i] = t;
  });
  return out;
}

/** The pairs of each holder as compressed rows: holder h's pairs are list[start[h] … start[h + 1] − 1]. */
interface Rows {
  readonly start: Int32Array;
  readonly list: Int32Array;
}

function rowsOf(end: Int32Array, holders: number): Rows {
  const start = new Int32Array(holders + 1);
  for (const h of end) if (h >= 0) add(start, h + 1, 1);
  for (let h = 0; h < holders; h++) start[h + 1] = (start[h + 1] as number) + (start[h] as number);
  const fill = start.slice(0, holders);
  const list = new Int32Array(start[holders] as number);
  end.forEach((h, e) => {
    if (h >= 0) list[fill[h] as number] = e;
    add(fill, h, 1);
  });
  return { start, list };
}

/** The cover's tiers by holder name, in holder order (holders with none left out). */
function namedTiers(names: readonly string[], tiers: Int32Array): Map<string, number> {
  const out = new Map<string, number>();
  tiers.forEach((t, i) => {
    if (t >= 0) out.set(names[i] as string, t);
  });
  return out;
}

function add(values: Int32Array, at: number, by: number): void {
  values[at] = (values[at] as number) + by;
}
