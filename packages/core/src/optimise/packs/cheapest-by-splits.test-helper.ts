import type { PackOffer } from "./choose-pack-purchase.ts";

/**
 * Reference: every split of the units between versions (newest first, each version's units from what the tiers
 * at or above it still miss up to what all tiers still miss; the oldest takes exactly what is still missed, as
 * more never costs less), each version's units priced by a plain covering programme over its packs.
 */
export function cheapestBySplits(
  needed: readonly number[],
  packs: readonly (readonly PackOffer[])[],
) {
  const tiers = needed.length;
  const atOrAbove = needed.map((_, k) => needed.slice(k).reduce((s, n) => s + n, 0));
  const all = atOrAbove[0] ?? 0;
  const price = packs.map((offers) => {
    const table = new Array<number>(all + 1).fill(Infinity);
    table[0] = 0;
    for (let n = 1; n <= all; n++)
      for (const p of offers)
        table[n] = Math.min(
          table[n] as number,
          p.price + (table[Math.max(0, n - p.size)] as number),
        );
    return table;
  });
  let best = Infinity;
  const walk = (v: number, bought: number, cost: number): void => {
    if (cost >= best) return;
    const table = price[v] as number[];
    const least = Math.max(0, (atOrAbove[v] as number) - bought);
    if (v === 0) {
      best = Math.min(best, cost + (table[least] as number));
      return;
    }
    for (let u = least; u <= all - bought; u++)
      walk(v - 1, bought + u, cost + (table[u] as number));
  };
  walk(tiers - 1, 0, 0);
  return best;
}
