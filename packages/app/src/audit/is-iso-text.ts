import { formatIsoTime } from "./format-iso-time.ts";
import { isoDatePrefix } from "./iso-date-prefix.ts";

const dayMs = 86_400_000;

/**
 * Whether `time` is the ISO text of the instant `ms` (`new Date(ms).toISOString()`), without making
 * a Date or a string per call: the day's "YYYY-MM-DDT" remembered (`isoDatePrefix`), the time of day
 * compared digit by digit. The ledger asks this for every first and last seen it moves (with
 * settled groups, about once per event) and keeps the text only when not.
 */
export function isIsoText(time: string, ms: number): boolean {
  // Instants past ±8.64e15 ms are no Date; years outside 0 … 9999 are not 24 characters either.
  if (time.length !== 24 || !Number.isInteger(ms) || Math.abs(ms) > 8.64e15) return false;
  const day = Math.floor(ms / dayMs);
  const prefix = isoDatePrefix(day);
  if (prefix.charCodeAt(10) !== 84) return time === formatIsoTime(ms);
  for (let index = 0; index < 11; index++)
    if (time.charCodeAt(index) !== prefix.charCodeAt(index)) return false;
  let rest = ms - day * dayMs;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const millis = rest - second * 1000;
  return (
    twoDigits(time, 11, hour) &&
    time.charCodeAt(13) === 58 &&
    twoDigits(time, 14, minute) &&
    time.charCodeAt(16) === 58 &&
    twoDigits(time, 17, second) &&
    time.charCodeAt(19) === 46 &&
    time.charCodeAt(20) === 48 + Math.floor(millis / 100) &&
    twoDigits(time, 21, millis % 100) &&
    time.charCodeAt(23) === 90
  );
}

/** Whether time[at, at + 2) is `value` (0 to 99) in two decimal digits. */
function twoDigits(time: string, at: number, value: number): boolean {
  return (
    time.charCodeAt(at) === 48 + Math.floor(value / 10) &&
    time.charCodeAt(at + 1) === 48 + (value % 10)
  );
}
