import { formatIsoTime } from "./format-iso-time.ts";

/**
 * Whether `time` is the ISO text of the instant `ms` (`new Date(ms).toISOString()`), without making
 * a Date per call (`formatIsoTime`: the day's text remembered, the time of day from digit tables).
 * The ledger asks this twice per logon group and keeps the text only when not.
 */
export function isIsoText(time: string, ms: number): boolean {
  // Instants past ±8.64e15 ms are no Date; years outside 0 … 9999 are not 24 characters either.
  if (time.length !== 24 || !Number.isInteger(ms) || Math.abs(ms) > 8.64e15) return false;
  return time === formatIsoTime(ms);
}
