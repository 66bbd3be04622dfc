const dayMs = 86_400_000;

/** Whether the two characters of `text` at `at` are the decimal digits of `value` (0 … 99). */
function hasTwoDigits(text: string, at: number, value: number): boolean {
  return (
    text.charCodeAt(at) === 48 + Math.floor(value / 10) &&
    text.charCodeAt(at + 1) === 48 + (value % 10)
  );
}

// The "YYYY-MM-DDT" of the two days last asked (a log's first and last times are mostly of a few days).
const cachedDays = [Number.NaN, Number.NaN];
const cachedPrefixes = ["", ""];
let cacheNext = 0;

/** The ISO date and "T" of day `day` (days since 1970-01-01), remembered for the next asks. */
function datePrefixOf(day: number): string {
  if (cachedDays[0] === day) return cachedPrefixes[0] as string;
  if (cachedDays[1] === day) return cachedPrefixes[1] as string;
  const prefix = new Date(day * dayMs).toISOString().slice(0, 11);
  cachedDays[cacheNext] = day;
  cachedPrefixes[cacheNext] = prefix;
  cacheNext = 1 - cacheNext;
  return prefix;
}

/**
 * Whether `time` is the ISO text of the instant `ms` (`new Date(ms).toISOString()`), without making
 * a Date or a string per call: the date part is compared with the day's text (remembered), the time
 * of day digit by digit. The ledger asks this twice per logon group and keeps the text only when not.
 */
export function isIsoText(time: string, ms: number): boolean {
  if (time.length !== 24 || !Number.isInteger(ms) || time.charCodeAt(23) !== 90) return false;
  if (time.charCodeAt(13) !== 58 || time.charCodeAt(16) !== 58 || time.charCodeAt(19) !== 46)
    return false;
  const day = Math.floor(ms / dayMs);
  // Instants past ±8.64e15 ms are no Date; years outside 0 … 9999 are not 24 characters either.
  const prefix = Math.abs(ms) <= 8.64e15 ? datePrefixOf(day) : "";
  // A year of six digits and a sign ("-000001-12-") is no prefix of a 24-character ISO text.
  if (prefix.charCodeAt(10) !== 84 || !time.startsWith(prefix)) return false;
  let rest = ms - day * dayMs;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const millis = rest - second * 1000;
  return (
    hasTwoDigits(time, 11, hour) &&
    hasTwoDigits(time, 14, minute) &&
    hasTwoDigits(time, 17, second) &&
    time.charCodeAt(20) === 48 + Math.floor(millis / 100) &&
    hasTwoDigits(time, 21, millis % 100)
  );
}
