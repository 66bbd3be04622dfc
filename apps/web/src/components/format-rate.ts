/** A rate in basis points as a percentage for people ("66.7 %"), or "–" when there is none. */
export function formatRate(basisPoints: number | null): string {
  if (basisPoints === null) return "–";
  const whole = Math.trunc(basisPoints / 100);
  const tenth = Math.trunc((basisPoints % 100) / 10);
  return `${whole}${tenth === 0 ? "" : `.${tenth}`} %`;
}
