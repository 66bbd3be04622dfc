import type { TierLowering } from "./bound-by-tiers.ts";
import type { CalMix, CoverEdge } from "./choose-cal-mix.ts";

/**
 * A cover built from a ward's lowering the bound by tiers found (`TierLowering`), the rest taken from `mix`: the
 * lowering's users hold a CAL of their pairs' newest tier, the ward's other users none, and each ward device the
 * least tier its pairs not covered by a user need (none when its users cover them all, so lowered devices keep
 * the oldest tier). Undefined when a pair is left uncovered (a ward user's pair outside the ward that only the
 * mix's own CAL for that user covered).
 */
export function coverFromLowering(
  edges: readonly CoverEdge[],
  mix: CalMix,
  lowering: TierLowering,
): CalMix | undefined {
  const userTier = new Map(mix.userTier);
  const deviceTier = new Map(mix.deviceTier);
  const wardUsers = new Set([...lowering.users, ...lowering.otherUsers]);
  const wardDevices = new Set([...lowering.lowered, ...lowering.otherDevices]);
  for (const u of lowering.otherUsers) userTier.delete(u);
  for (const u of lowering.users) userTier.set(u, 0);
  for (const d of wardDevices) deviceTier.delete(d);
  // Users first (their newest pair's tier), then the devices for the pairs the users leave.
  for (const e of edges)
    if (e.user !== undefined && wardUsers.has(e.user) && userTier.has(e.user) && !e.deviceOnly)
      userTier.set(e.user, Math.max(userTier.get(e.user) as number, e.tier));
  const coveredByUser = (e: CoverEdge) =>
    e.user !== undefined && !e.deviceOnly && (userTier.get(e.user) ?? -1) >= e.tier;
  for (const e of edges) {
    if (e.device === undefined || !wardDevices.has(e.device) || coveredByUser(e)) continue;
    if (e.userOnly) return undefined;
    deviceTier.set(e.device, Math.max(deviceTier.get(e.device) ?? -1, e.tier));
  }
  for (const e of edges)
    if (
      !coveredByUser(e) &&
      (e.userOnly || e.device === undefined || (deviceTier.get(e.device) ?? -1) < e.tier)
    )
      return undefined;
  return { ...mix, userTier, deviceTier };
}
