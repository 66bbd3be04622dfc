import type { TierPricer } from "./create-tier-pricer.ts";
import { listCorners, type TierTable } from "./tier-table.ts";

/** What a ward solved last sees of its branch: the other parts' table, the settled holders, the prices, the best. */
export interface WardRefine {
  readonly rest: TierTable;
  readonly settled: { readonly users: number; readonly newer: number; readonly devices: number };
  readonly price: TierPricer;
  /** No cell needs ruling out at or above this price. */
  readonly target: number;
}

/**
 * The ward's table's cheapest cell with the rest of the branch (its table and settled holders), priced. Per ward
 * cell, `priced` keeps its least over the rest's cells, capped at the target (nothing above it is asked): exact
 * (a non-negative value) or, where it was no cheaper than the cheapest cell so far, that price as a floor (stored
 * as −1 − floor), priced again only once it could be the cheapest.
 */
export function cheapestWardCell(ward: TierTable, refine: WardRefine, priced: Map<number, number>) {
  const { rest, settled, price, target } = refine;
  const wc = listCorners(ward);
  const rc = listCorners(rest);
  const side = ward.newer + 1;
  let least = target;
  let users = -1;
  let newer = -1;
  for (let i = 0; i < wc.length; i += 3) {
    const key = ((wc[i] as number) * side + (wc[i + 1] as number)) * side + (wc[i + 2] as number);
    const kept = priced.get(key);
    if (kept !== undefined && (kept >= 0 || -1 - kept >= least)) {
      if (kept >= 0 && kept < least) {
        least = kept;
        users = wc[i] as number;
        newer = wc[i + 1] as number;
      }
      continue;
    }
    // Priced from the cheapest so far down: a rest cell whose floor is no better is not priced.
    let cell = least;
    for (let j = 0; j < rc.length; j += 3) {
      const u = settled.users + (wc[i] as number) + (rc[j] as number);
      const n = settled.newer + (wc[i + 1] as number) + (rc[j + 1] as number);
      const m = settled.devices + (wc[i + 2] as number) + (rc[j + 2] as number);
      if (price.floor(u, n, m) >= cell) continue;
      cell = Math.min(cell, price(u, n, m));
    }
    if (cell < least) {
      priced.set(key, cell);
      least = cell;
      users = wc[i] as number;
      newer = wc[i + 1] as number;
    } else priced.set(key, least < target ? -1 - least : target);
  }
  // Every cell at the target or above: the cheapest is met (any one of them stands for it).
  if (users < 0) return wc.length > 0 ? { price: target, users: 0, newer: 0 } : undefined;
  return { price: least, users, newer };
}
