import type { RoundingMode } from "./rounding-mode.ts";

/**
 * Divides two integers exactly and rounds the quotient with a named rule. BigInt throughout, so no product or
 * quotient ever loses a digit. The denominator must be positive; a zero or negative one is a bug and throws.
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator <= 0n)
    throw new RangeError(`divideRounded needs a positive denominator, got ${denominator}`);
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = magnitude / denominator;
  const remainder = magnitude % denominator;
  const rounded = quotient + (roundsAway(quotient, remainder, denominator, mode) ? 1n : 0n);
  return negative ? -rounded : rounded;
}

/** Whether the magnitude rounds away from zero, given its truncated quotient and remainder. */
function roundsAway(
  quotient: bigint,
  remainder: bigint,
  denominator: bigint,
  mode: RoundingMode,
): boolean {
  if (remainder === 0n) return false;
  const twice = remainder * 2n;
  switch (mode) {
    case "down":
      return false;
    case "up":
      return true;
    case "half-up":
      return twice >= denominator;
    case "half-down":
      return twice > denominator;
    case "half-even":
      return twice > denominator || (twice === denominator && quotient % 2n === 1n);
  }
}
