// Shared by the cover tests: a pair and a cover written by hand.
import type { Need } from "../compliance/allocate-owned.ts";
import type { CalMix, CoverEdge } from "./choose-cal-mix.ts";

/** A pair either side may cover, at `tier`. */
export function pair(user: string, device: string, tier = 0): CoverEdge {
  return { user, device, tier, deviceOnly: false, userOnly: false };
}

/** A cover given as (holder, tier) lists; no cut made it, so it has no certificate. */
export function mixOf(
  users: readonly (readonly [string, number])[],
  devices: readonly (readonly [string, number])[],
): CalMix {
  return {
    userTier: new Map(users),
    deviceTier: new Map(devices),
    cost: 0,
    tieBreak: "none",
    certificate: undefined as unknown as CalMix["certificate"],
  };
}

/** A cover's needs: how many users, then devices, hold a CAL of each of `tiers` tiers. */
export function needsOf(mix: CalMix, tiers: number): Need[] {
  const needs: Need[] = [];
  for (const [type, held] of [
    ["user", mix.userTier],
    ["device", mix.deviceTier],
  ] as const) {
    const counts = new Array<number>(tiers).fill(0);
    for (const t of held.values()) counts[t] = (counts[t] as number) + 1;
    counts.forEach((count, tier) => {
      if (count > 0) needs.push({ type, tier, count });
    });
  }
  return needs;
}
