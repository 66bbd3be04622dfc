import type { CoverEdge } from "./choose-cal-mix.ts";
import { internCoverEdges } from "./intern-cover-edges.ts";

/** Per type, how many distinct holders could cover an edge of each tier 0..tiers-1; and all holders. */
export interface HoldersPerTier {
  readonly user: number[];
  readonly device: number[];
  readonly holders: number;
}

/**
 * Counts, for each tier, the distinct users and devices that have an edge of exactly that tier they
 * could cover (a cheapest cover never gives a holder a tier none of its pairs needs), and the holders. Runs over the interned edges (`internCoverEdges`, shared with `chooseCalMix`, so the
 * ids are hashed once per family), marking (holder, tier) in a typed array: no string per edge.
 */
export function countHoldersPerTier(edges: readonly CoverEdge[], tiers: number): HoldersPerTier {
  const { userNames, deviceNames, edgeUser, edgeDevice, edgeTier } = internCoverEdges(edges);
  const user = new Array<number>(tiers).fill(0);
  const device = new Array<number>(tiers).fill(0);
  const userSeen = new Uint8Array(userNames.length * tiers);
  const deviceSeen = new Uint8Array(deviceNames.length * tiers);
  for (let e = 0; e < edgeTier.length; e++) {
    const tier = edgeTier[e] as number;
    if (!(tier >= 0 && tier < tiers))
      throw new RangeError(`edge ${e} has tier ${tier} of ${tiers}`);
    const u = edgeUser[e] as number;
    if (u >= 0 && userSeen[u * tiers + tier] === 0) {
      userSeen[u * tiers + tier] = 1;
      user[tier] = (user[tier] as number) + 1;
    }
    const d = edgeDevice[e] as number;
    if (d >= 0 && deviceSeen[d * tiers + tier] === 0) {
      deviceSeen[d * tiers + tier] = 1;
      device[tier] = (device[tier] as number) + 1;
    }
  }
  return { user, device, holders: userNames.length + deviceNames.length };
}
