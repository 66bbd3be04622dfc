const daysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** The decimal digit at bytes[at], or -1 (a plain function: no closure made per call). */
function digitAt(bytes: Uint8Array, at: number): number {
  const digit = (bytes[at] as number) - 0x30;
  return digit >= 0 && digit <= 9 ? digit : -1;
}

/** The two decimal digits at bytes[at], or -1. */
function twoDigitsAt(bytes: Uint8Array, at: number): number {
  const high = digitAt(bytes, at);
  const low = digitAt(bytes, at + 1);
  return high >= 0 && low >= 0 ? 10 * high + low : -1;
}

/** The days from 1970-01-01 to the first of each month of the year last asked (one year at a time). */
let cachedYear = -1;
const cachedMonthDays = new Float64Array(12);

/**
 * The instant of a time already in normaliseEventTime's canonical form
 * (`YYYY-MM-DDTHH:MM:SS[.f{1,7}]Z`, which it returns unchanged), as Date.parse reads it; NaN for any
 * other text (the reference reading then decides). Days past the 28th go through Date.parse.
 */
export function canonicalTimeMs(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (start < 0 || length < 20 || length > 28 || length === 21) return Number.NaN;
  if (bytes[start + 4] !== 0x2d || bytes[start + 7] !== 0x2d || bytes[start + 10] !== 0x54)
    return Number.NaN;
  if (bytes[start + 13] !== 0x3a || bytes[start + 16] !== 0x3a || bytes[end - 1] !== 0x5a)
    return Number.NaN;
  const century = twoDigitsAt(bytes, start);
  const yy = twoDigitsAt(bytes, start + 2);
  const month = twoDigitsAt(bytes, start + 5);
  const day = twoDigitsAt(bytes, start + 8);
  const hour = twoDigitsAt(bytes, start + 11);
  const minute = twoDigitsAt(bytes, start + 14);
  const second = twoDigitsAt(bytes, start + 17);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1 || day > 31) return Number.NaN;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return Number.NaN;
  let millis = 0;
  if (length > 20) {
    if (bytes[start + 19] !== 0x2e) return Number.NaN;
    for (let offset = 20; offset < length - 1; offset++) {
      const d = digitAt(bytes, start + offset);
      if (d < 0) return Number.NaN;
      if (offset < 23) millis += d * (offset === 20 ? 100 : offset === 21 ? 10 : 1);
    }
  }
  const year = 100 * century + yy;
  if (day > 28 || year < 1970) {
    return Date.parse(String.fromCharCode(...bytes.subarray(start, end)));
  }
  if (year !== cachedYear) cacheYear(year);
  const days = (cachedMonthDays[month - 1] as number) + day - 1;
  return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millis;
}

/** Fills cachedMonthDays for `year` (a log's events are mostly of one year). */
function cacheYear(year: number): void {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const yearDays = 365 * (year - 1970) + countLeapDays(year);
  for (let month = 1; month <= 12; month++)
    cachedMonthDays[month - 1] =
      yearDays + (daysBeforeMonth[month - 1] as number) + (leap && month > 2 ? 1 : 0);
  cachedYear = year;
}

/** Leap years before `year` since year 1. */
function leapsBefore(year: number): number {
  const y = year - 1;
  return Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
}

/** Leap days in the years 1970 … year − 1. */
function countLeapDays(year: number): number {
  return leapsBefore(year) - leapsBefore(1970);
}
