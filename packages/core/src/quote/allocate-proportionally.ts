/**
 * Splits an integer `total` into integer shares proportional to non-negative integer `weights`, so that the
 * shares add up to exactly `total` (largest-remainder method). Each share is its exact proportional value
 * rounded down or up, never further; the units left after rounding down go to the largest remainders, the
 * earlier weight first on a tie, so the split is deterministic. Exact: BigInt throughout.
 * Throws (a bug) when the weights are all zero but the total is not, or an input is not a safe integer.
 */
export function allocateProportionally(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0)
    throw new RangeError(`total must be a non-negative safe integer, got ${total}`);
  for (const w of weights)
    if (!Number.isSafeInteger(w) || w < 0)
      throw new RangeError(`weights must be non-negative safe integers, got ${w}`);
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (sum === 0n) {
    if (total !== 0)
      throw new RangeError(`cannot allocate ${total} over weights that are all zero`);
    return weights.map(() => 0);
  }
  const whole = BigInt(total);
  const floors = weights.map((w) => (whole * BigInt(w)) / sum);
  const remainders = weights.map((w) => (whole * BigInt(w)) % sum);
  let left = whole - floors.reduce((s, f) => s + f, 0n);
  const order = weights
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = remainders[a] as bigint;
      const rb = remainders[b] as bigint;
      return ra === rb ? a - b : ra > rb ? -1 : 1;
    });
  const shares = [...floors];
  for (const i of order) {
    if (left === 0n) break;
    if ((remainders[i] as bigint) === 0n) continue;
    shares[i] = (shares[i] as bigint) + 1n;
    left -= 1n;
  }
  return shares.map(Number);
}
