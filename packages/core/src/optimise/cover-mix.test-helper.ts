// Shared by the cover tests: a pair and a cover written by hand.
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
