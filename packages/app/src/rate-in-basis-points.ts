/** `part / whole` in basis points (10000 = all), rounded half up in integers; null when `whole` is 0. */
export function rateInBasisPoints(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.floor((part * 20000 + whole) / (2 * whole));
}
