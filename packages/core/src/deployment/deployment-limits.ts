/**
 * The most a deployment may expand to (docs/limits.md): ranges such as `U{1..1000000}` and server lists make a
 * short file stand for many accesses, so the expansion is capped before it is built, not after.
 */
export const deploymentLimits = {
  /** Names one range (`U{1..20}`) stands for. */
  maxRangeNames: 1_000_000,
  /** Names all ranges of a deployment stand for together. */
  maxExpandedNames: 2_000_000,
  /** (user, device, server) accesses after every range and server list is expanded. */
  maxExpandedAccesses: 2_000_000,
} as const;
