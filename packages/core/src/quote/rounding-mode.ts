/** The named rounding rules a quote may use; every rounded amount in a quote says which one applied. */
export const roundingModes = ["half-even", "half-up", "half-down", "up", "down"] as const;

/**
 * How an exact quotient is rounded to an integer: `half-even` (banker's rounding, the default), `half-up` and
 * `half-down` (ties away from / towards zero), `up` (away from zero) and `down` (towards zero).
 */
export type RoundingMode = (typeof roundingModes)[number];

/** The default rounding of percentages in quotes. */
export const DEFAULT_ROUNDING: RoundingMode = "half-even";
