import type { NeedsPurchase } from "./price-cal-needs.ts";

/** Units of one version bought, with the needs they serve per tier (a later version serves earlier needs). */
export interface ServingPurchase extends NeedsPurchase {
  /** Per tier needed, oldest first: how many of `units` serve needs of that tier (they sum to `units`). */
  readonly serves: readonly { readonly tier: number; readonly units: number }[];
}

/**
 * Which needs each purchase serves: the newest needs go to the newest units, as the purchases' `units` were
 * counted. Units bought at or above each tier reach the needs at or above it, so every need lands on a version
 * at or above its own; a need left over, or on an older version, is a broken invariant.
 */
export function attributeNeeds(
  needs: readonly number[],
  purchases: readonly NeedsPurchase[],
): ServingPurchase[] {
  const left = [...needs];
  let tier = left.length - 1;
  const newestFirst = [...purchases].sort((a, b) => b.tier - a.tier);
  const serves = new Map<NeedsPurchase, { tier: number; units: number }[]>();
  for (const p of newestFirst) {
    const parts: { tier: number; units: number }[] = [];
    let units = p.units;
    while (units > 0) {
      while (tier >= 0 && left[tier] === 0) tier--;
      if (tier < 0 || tier > p.tier)
        throw new Error(`purchase at tier ${p.tier} cannot serve the need at tier ${tier}`);
      const take = Math.min(units, left[tier] as number);
      left[tier] = (left[tier] as number) - take;
      units -= take;
      parts.unshift({ tier, units: take });
    }
    serves.set(p, parts);
  }
  if (left.some((n) => n > 0)) throw new Error("purchases serve fewer needs than left to buy");
  return purchases.map((p) => ({ ...p, serves: serves.get(p) ?? [] }));
}
