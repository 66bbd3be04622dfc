// The limits of `boundByTiers` (bound-by-tiers.ts) in one place: the part sizes it enumerates or bounds, the
// shares of its work budget, and the closure's prices.

/** A component whose users are at most this many is enumerated subset by subset. */
export const ENUMERATED_USERS = 12;
/** A component whose devices are at most this many is enumerated device state by device state (3^n). */
export const ENUMERATED_DEVICES = 7;
/** Work past this multiple of the budget gives the bound up, whatever the family. */
export const HARD_CAP = 4;
/** The joint least unions of released sets (`boundReleasedJointly`) have this multiple of the budget, shared. */
export const JOINT_SHARE = 4;
/** The least lowerings by shares (`searchLeastUnionsByShares`) up front have this multiple of the budget, shared:
 * their witnesses are covers to try; the bound's own needs are met by the refinement, asked only where it binds. */
export const SHARES_SHARE = 1;
/** The ward curves' refinement (`refineWardCurves`) has this multiple of the budget, shared (the 1,383-pair
 * binding case takes 11M units of it to meet its answer). */
export const REFINE_SHARE = 10;
/** A ward's table of more cells than this is not refined (each step refills it). */
export const REFINE_CELLS = 50_000;
/** The released least unions up front have this fraction of the budget left (the refinement asks the rest). */
export const RELEASED_SHARE = 64;
/** Families with more holders than this are not bounded (the planner gives it no larger ones either). */
export const MAX_HOLDERS = 5_000;
/** A part of this many holders or more, not enumerated, counts as a ward (the least unions search it). */
export const WARD_HOLDERS = 100;
/** Parts with more devices or users than these take the table that holds for any cover. */
export const BOUNDED_DEVICES = 400;
export const BOUNDED_USERS = 2_000;
/** Branching on a part's busiest holder goes this deep before the least unions take over. */
export const MAX_SPLIT_DEPTH = 6;
/** The closure's prices: β per lowered device in steps of 1/4 user, α per released device from this list. */
export const CLOSURE_SCALE = 4;
export const CLOSURE_ALPHAS = [0, 6, 9, 12, 15];
