import { formatIsoTime } from "./format-iso-time.ts";
import { isoDatePrefix } from "./iso-date-prefix.ts";

const dayMs = 86_400_000;

/**
 * Whether `time` is the ISO text of the instant `ms` (`new Date(ms).toISOString()`), without making
 * a Date or a string per call: the day's "YYYY-MM-DDT" remembered (`isoDatePrefix`), the time of day
 * read from its digits and compared. The ledger asks this for every first and last seen it moves (with
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
  // The time of day read from the text: within its ranges, its digits are the instant's only when
  // they add up to the instant's milliseconds of the day.
  const hour = twoDigits(time, 11);
  const minute = twoDigits(time, 14);
  const second = twoDigits(time, 17);
  const millis = 10 * twoDigits(time, 20) + digit(time, 22);
  return (
    time.charCodeAt(13) === 58 &&
    time.charCodeAt(16) === 58 &&
    time.charCodeAt(19) === 46 &&
    time.charCodeAt(23) === 90 &&
    hour >= 0 &&
    hour < 24 &&
    minute >= 0 &&
    minute < 60 &&
    second >= 0 &&
    second < 60 &&
    millis >= 0 &&
    ((hour * 60 + minute) * 60 + second) * 1000 + millis === ms - day * dayMs
  );
}

/** The decimal digit at time[at], or a large negative number when it is none. */
function digit(time: string, at: number): number {
  const value = time.charCodeAt(at) - 48;
  return value >= 0 && value <= 9 ? value : -1e9;
}

/** The two decimal digits at time[at, at + 2) as a number, negative when either is no digit. */
function twoDigits(time: string, at: number): number {
  return 10 * digit(time, at) + digit(time, at + 1);
}
