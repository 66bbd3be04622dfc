/**
 * A best-found answer's gap above its proven bound as a percentage of its cost, for people: two decimals, and
 * below 0.01 % two significant digits, so that a gap that is there never reads "0 %" (206.00 on 7.55 million
 * is 0.0027 %, not 0.00 %). 0 only when the gap is 0 (or nothing is bought).
 */
export function gapPercent(cost: number, lowerBound: number): number {
  if (cost <= 0 || lowerBound >= cost) return 0;
  const percent = ((cost - lowerBound) / cost) * 100;
  const twoDecimals = Math.round(percent * 100) / 100;
  return twoDecimals >= 0.01 ? twoDecimals : Number(percent.toPrecision(2));
}
