import { canonicalTimeMs } from "../jsonl/group-winlogbeat-logons.ts";

/**
 * Reads an event time from bytes[start, end) when it has one of the two plain shapes
 * normaliseEventTime reads without doubt: its canonical form (`2019-03-19T23:34:25.4652234Z`, kept
 * as it is) or `Export-Csv`'s `3/19/2019 11:34:25 PM` (no spaces around it, seconds given, no
 * fraction, a day up to the 28th so no date can roll over). Writes the normalised text into `into`
 * and returns its instant and length; undefined for any other text, which the text reading decides.
 */
export function readCsvEventTime(
  bytes: Uint8Array,
  start: number,
  end: number,
  into: Uint8Array,
): { readonly ms: number; readonly length: number } | undefined {
  const length = end - start;
  if (length >= 20 && bytes[start + 10] === 0x54) {
    const ms = canonicalTimeMs(bytes, start, end);
    if (Number.isNaN(ms)) return undefined;
    into.set(bytes.subarray(start, end));
    return { ms, length };
  }
  // M/D/YYYY H:MM:SS AM: 1 or 2 digits for month, day and hour.
  let at = start;
  const digits = (most: number): number => {
    let value = 0;
    let count = 0;
    while (count < most && at < end) {
      const digit = (bytes[at] as number) - 0x30;
      if (digit < 0 || digit > 9) break;
      value = 10 * value + digit;
      at++;
      count++;
    }
    return count === 0 ? -1 : value;
  };
  const expect = (code: number): boolean => at < end && bytes[at++] === code;
  const month = digits(2);
  if (month < 0 || !expect(0x2f)) return undefined;
  const day = digits(2);
  if (day < 0 || !expect(0x2f)) return undefined;
  const yearAt = at;
  const year = digits(4);
  if (at - yearAt !== 4 || !expect(0x20)) return undefined;
  const hour = digits(2);
  if (hour < 0 || !expect(0x3a)) return undefined;
  const minuteAt = at;
  const minute = digits(2);
  if (at - minuteAt !== 2 || !expect(0x3a)) return undefined;
  const secondAt = at;
  const second = digits(2);
  if (at - secondAt !== 2 || !expect(0x20) || end - at !== 2) return undefined;
  const meridiem = (bytes[at] as number) | 0x20;
  if ((meridiem !== 0x61 && meridiem !== 0x70) || ((bytes[at + 1] as number) | 0x20) !== 0x6d)
    return undefined;
  if (hour < 1 || hour > 12 || month < 1 || month > 12 || day < 1 || day > 28) return undefined;
  if (minute > 59 || second > 59 || year < 1601) return undefined;
  const h = (hour % 12) + (meridiem === 0x70 ? 12 : 0);
  const ms = Date.UTC(year, month - 1, day, h, minute, second);
  let out = 0;
  const write = (value: number, width: number) => {
    for (let place = width - 1; place >= 0; place--) {
      into[out + place] = 0x30 + (value % 10);
      value = Math.floor(value / 10);
    }
    out += width;
  };
  const mark = (code: number) => {
    into[out++] = code;
  };
  write(year, 4);
  mark(0x2d);
  write(month, 2);
  mark(0x2d);
  write(day, 2);
  mark(0x54);
  write(h, 2);
  mark(0x3a);
  write(minute, 2);
  mark(0x3a);
  write(second, 2);
  mark(0x5a);
  return { ms, length: out };
}
