const dayMs = 86_400_000;

// The "YYYY-MM-DDT" of the two days last asked (a log's first and last times are mostly of a few
// days), then of every day asked, up to a bound (a report's times span a window of about 90 days).
const cachedDays = [Number.NaN, Number.NaN];
const cachedPrefixes = ["", ""];
let cacheNext = 0;
const prefixes = new Map<number, string>();
const maxPrefixes = 4096;

/**
 * The ISO date and "T" of day `day` (days since 1970-01-01), as `toISOString` writes them,
 * remembered for the next asks; "" past Date's range.
 */
export function isoDatePrefix(day: number): string {
  if (cachedDays[0] === day) return cachedPrefixes[0] as string;
  if (cachedDays[1] === day) return cachedPrefixes[1] as string;
  if (Math.abs(day * dayMs) > 8.64e15) return "";
  let prefix = prefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * dayMs).toISOString().slice(0, 11);
    if (prefixes.size === maxPrefixes) prefixes.clear();
    prefixes.set(day, prefix);
  }
  cachedDays[cacheNext] = day;
  cachedPrefixes[cacheNext] = prefix;
  cacheNext = 1 - cacheNext;
  return prefix;
}
