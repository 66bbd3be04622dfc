/**
 * One way a ward's devices can keep an older CAL, found by the bound (the least union of k devices' newer users):
 * the users to hold CALs, the devices at the oldest tier, the ward's other devices and users (at their pairs'
 * tier, and without a CAL). The planner tries it as a cover (with the rest of its best one): where the bound's
 * cheapest cell is a real cover, the answer meets the bound.
 */
export interface TierLowering {
  readonly users: readonly string[];
  readonly lowered: readonly string[];
  readonly otherDevices: readonly string[];
  readonly otherUsers: readonly string[];
}
