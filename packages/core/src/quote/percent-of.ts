import { divideRounded } from "./divide-rounded.ts";
import type { RoundingMode } from "./rounding-mode.ts";

/** Basis points in one whole: 10,000 bp = 100 %. */
export const BASIS_POINTS_PER_WHOLE = 10_000n;

/**
 * `basisPoints` (1/100 of a percent) of an amount in integer minor units, rounded with a named rule.
 * Exact: the product is formed in BigInt, then divided once. Throws (a bug) when an input is not a safe integer.
 */
export function percentOf(amount: number, basisPoints: number, mode: RoundingMode): number {
  if (!Number.isSafeInteger(amount))
    throw new RangeError(`amount must be integer minor units, got ${amount}`);
  if (!Number.isSafeInteger(basisPoints))
    throw new RangeError(`basis points must be an integer, got ${basisPoints}`);
  return Number(divideRounded(BigInt(amount) * BigInt(basisPoints), BASIS_POINTS_PER_WHOLE, mode));
}
