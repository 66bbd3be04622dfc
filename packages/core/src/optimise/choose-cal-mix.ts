import { chooseIndexedCalMix } from "./choose-indexed-cal-mix.ts";
import type { CoverCertificate } from "./cover-certificate.ts";
import { HolderTiers } from "./holder-tiers.ts";
import { internCoverEdges } from "./intern-cover-edges.ts";

/** One pair to cover: the user or the device needs a CAL of at least `tier`. */
export interface CoverEdge {
  readonly user?: string;
  readonly device?: string;
  readonly tier: number;
  /** Only a device CAL can cover it (unattended device, or no user). */
  readonly deviceOnly: boolean;
  /** Only a user CAL can cover it (no device named). */
  readonly userOnly: boolean;
}

/** Cost of holding a CAL of tier k or later, per tier: non-decreasing in k. Integer weights. */
export type TierCosts = readonly number[];

/** The priced problem for one CAL family: edges to cover and what each tier costs a user or a device. */
export interface CalMixProblem {
  readonly edges: readonly CoverEdge[];
  readonly userCost: TierCosts;
  readonly deviceCost: TierCosts;
  /** Holders that already hold a CAL of at least this tier (assigned entitlements): free up to it. */
  readonly heldTier?: ReadonlyMap<string, number>;
}

/** Which tie-break the weights could carry exactly (float64 flows are exact below 2^53). */
export type TieBreak = "count-then-user-then-older-version" | "count-then-user" | "count" | "none";

/** The cheapest cover: for each holder the CAL tier it gets, with the min-cut certificate. */
export interface CalMix {
  readonly userTier: ReadonlyMap<string, number>;
  readonly deviceTier: ReadonlyMap<string, number>;
  /** Sum of tier costs of the chosen CALs (without tie-break weights). */
  readonly cost: number;
  readonly tieBreak: TieBreak;
  readonly certificate: CoverCertificate;
}

/**
 * Finds the exact minimum-cost user/device CAL cover with version tiers as one minimum cut
 * (`chooseIndexedCalMix`, which builds and checks the network). Ids are interned once per edge array
 * (`internCoverEdges`) and the answer is mapped back to names, in the order holders first appear.
 */
export function chooseCalMix(problem: CalMixProblem): CalMix {
  const interned = internCoverEdges(problem.edges);
  const { userNames, deviceNames } = interned;
  const mix = chooseIndexedCalMix({
    edges: interned,
    userCost: problem.userCost,
    deviceCost: problem.deviceCost,
    userHeld: heldTiers(userNames, problem.heldTier),
    deviceHeld: heldTiers(deviceNames, problem.heldTier),
  });
  // The tiers by holder number as maps by name (no Map of 100,000 names is built: `HolderTiers`).
  const { deployment } = interned;
  return {
    userTier: new HolderTiers(
      userNames,
      mix.userTier,
      deployment && { source: deployment.source, byDeployment: deployment.user },
    ),
    deviceTier: new HolderTiers(
      deviceNames,
      mix.deviceTier,
      deployment && { source: deployment.source, byDeployment: deployment.device },
    ),
    cost: mix.cost,
    tieBreak: mix.tieBreak,
    certificate: mix.certificate,
  };
}

/** Each holder's already-held tier (-1 when none); undefined when no holder holds one. */
function heldTiers(
  names: readonly string[],
  held: ReadonlyMap<string, number> | undefined,
): Int32Array | undefined {
  if (held === undefined || held.size === 0) return undefined;
  const tiers = new Int32Array(names.length).fill(-1);
  for (let i = 0; i < names.length; i++) tiers[i] = held.get(names[i] as string) ?? -1;
  return tiers;
}
