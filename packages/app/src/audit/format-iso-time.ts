import { isoDatePrefix } from "./iso-date-prefix.ts";

const dayMs = 86_400_000;
/** "00" … "99". */
const twoDigits = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, "0"));
/** ".000Z" … ".999Z". */
const millisText = Array.from({ length: 1000 }, (_, n) => `.${String(n).padStart(3, "0")}Z`);

/**
 * `new Date(ms).toISOString()`, without a Date for instants of the years 0000 to 9999: the date
 * part is the day's text (remembered), the time of day from digit tables. The trail writes first
 * and last seen of every access this way (several times each); other instants go through Date.
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
  return `${prefix}${twoDigits[hour]}:${twoDigits[minute]}:${twoDigits[second]}${millisText[rest - second * 1000]}`;
}
