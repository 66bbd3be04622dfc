import { isoDatePrefix } from "./iso-date-prefix.ts";

const dayMs = 86_400_000;
/**
 * `new Date(ms).toISOString()`, without a Date for instants of the years 0000 to 9999: the date
 * part is the day's text (remembered), the time of day from its digits. The trail writes first
 * and last seen of every access this way (several times each); other instants go through Date.
 * The text is made by one `String.fromCharCode`, a flat string of 24 bytes: a template of seven
 * parts would be a tree of concatenations, about 185 bytes for each first and last seen the trail holds.
 */
export function formatIsoTime(ms: number): string {
  if (!Number.isInteger(ms)) return new Date(ms).toISOString();
  const day = Math.floor(ms / dayMs);
  const prefix = isoDatePrefix(day);
  if (prefix.charCodeAt(10) !== 84) return new Date(ms).toISOString();
  let rest = ms - day * dayMs;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const millis = rest - second * 1000;
  return String.fromCharCode(
    prefix.charCodeAt(0),
    prefix.charCodeAt(1),
    prefix.charCodeAt(2),
    prefix.charCodeAt(3),
    prefix.charCodeAt(4),
    prefix.charCodeAt(5),
    prefix.charCodeAt(6),
    prefix.charCodeAt(7),
    prefix.charCodeAt(8),
    prefix.charCodeAt(9),
    84,
    48 + Math.floor(hour / 10),
    48 + (hour % 10),
    58,
    48 + Math.floor(minute / 10),
    48 + (minute % 10),
    58,
    48 + Math.floor(second / 10),
    48 + (second % 10),
    46,
    48 + Math.floor(millis / 100),
    48 + (Math.floor(millis / 10) % 10),
    48 + (millis % 10),
    90,
  );
}
