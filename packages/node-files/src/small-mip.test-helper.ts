import type { MipModel } from "@calwise/core";

/**
 * min 3x + 5y subject to x + 2y ≥ 3, 0 ≤ x, y ≤ 10 integers: (1, 1) costs 8; the LP relaxation (0, 1.5) only
 * 7.5. The HiGHS adapter's tests solve it.
 */
export const smallMip: MipModel = {
  cost: Float64Array.from([3, 5]),
  lower: new Float64Array(2),
  upper: Float64Array.from([10, 10]),
  integer: Uint8Array.from([1, 1]),
  rowLower: Float64Array.from([3]),
  rowUpper: Float64Array.from([Number.POSITIVE_INFINITY]),
  starts: Int32Array.from([0, 2]),
  indices: Int32Array.from([0, 1]),
  values: Float64Array.from([1, 2]),
};
