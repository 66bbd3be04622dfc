import { canonicalTimeMs } from "./canonical-time-ms.ts";

/** The value of 1 to `most` ASCII digits at bytes[at] and where they end (`digitsEnd`), or -1. */
function readDigits(bytes: Uint8Array, at: number, end: number, most: number): number {
  let value = 0;
  let index = at;
  for (; index < end && index - at < most; index++) {
    const digit = (bytes[index] as number) - 0x30;
    if (digit < 0 || digit > 9) break;
    value = 10 * value + digit;
  }
  digitsEnd = index;
  return index === at ? -1 : value;
}
let digitsEnd = 0;

function isByteAt(bytes: Uint8Array, at: number, end: number, code: number): boolean {
  return at < end && bytes[at] === code;
}

/** Writes `value` as `width` ASCII digits at into[at]. */
function writeDigits(into: Uint8Array, at: number, value: number, width: number): void {
  let rest = value;
  for (let place = width - 1; place >= 0; place--) {
    into[at + place] = 0x30 + (rest % 10);
    rest = Math.floor(rest / 10);
  }
}

/**
 * Reads an event time from bytes[start, end) when it has one of the plain shapes normaliseEventTime
 * reads without doubt: its canonical form (`2019-03-19T23:34:25.4652234Z`, kept as it is), the same
 * with 8 or 9 fraction digits as wevtutil writes them (cut to 7), or `Export-Csv`'s `3/19/2019
 * 11:34:25 PM` and the Azure portal's `3/19/2019, 11:34:25.465 PM` (no spaces around it, seconds
 * given, a fraction of at most 7 digits); the last two only up to the 28th
 * day and the 59th second, so no date can roll over. Writes the normalised text into `into`
 * (32 bytes) and its instant and length into `readTime`; false for any other text, which the text
 * reading decides.
 */
export function readEventTimeBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
  into: Uint8Array,
): boolean {
  const length = end - start;
  if ((length === 29 || length === 30) && bytes[start + 10] === 0x54 && bytes[end - 1] === 0x5a) {
    // 8 or 9 fraction digits: the first 7 kept, as normaliseEventTime keeps them.
    for (let at = start + 27; at < end - 1; at++) {
      const digit = (bytes[at] as number) - 0x30;
      if (digit < 0 || digit > 9) return false;
    }
    const day = 10 * ((bytes[start + 8] as number) - 0x30) + (bytes[start + 9] as number) - 0x30;
    const second =
      10 * ((bytes[start + 17] as number) - 0x30) + (bytes[start + 18] as number) - 0x30;
    const year = readDigits(bytes, start, start + 4, 4);
    if (day > 28 || second > 59 || digitsEnd !== start + 4 || year < 1601) return false;
    into.set(bytes.subarray(start, start + 27));
    into[27] = 0x5a;
    const ms = canonicalTimeMs(into, 0, 28);
    if (Number.isNaN(ms)) return false;
    readTime.ms = ms;
    readTime.length = 28;
    return true;
  }
  if (length >= 20 && bytes[start + 10] === 0x54) {
    const ms = canonicalTimeMs(bytes, start, end);
    if (Number.isNaN(ms)) return false;
    into.set(bytes.subarray(start, end));
    readTime.ms = ms;
    readTime.length = length;
    return true;
  }
  // M/D/YYYY H:MM:SS AM: 1 or 2 digits for month, day and hour.
  const month = readDigits(bytes, start, end, 2);
  if (month < 0 || !isByteAt(bytes, digitsEnd, end, 0x2f)) return false;
  const day = readDigits(bytes, digitsEnd + 1, end, 2);
  if (day < 0 || !isByteAt(bytes, digitsEnd, end, 0x2f)) return false;
  const yearAt = digitsEnd + 1;
  const year = readDigits(bytes, yearAt, end, 4);
  if (digitsEnd - yearAt !== 4) return false;
  // The Azure portal's CSV writes a comma after the date.
  const comma = isByteAt(bytes, digitsEnd, end, 0x2c) ? 1 : 0;
  if (!isByteAt(bytes, digitsEnd + comma, end, 0x20)) return false;
  const hour = readDigits(bytes, digitsEnd + comma + 1, end, 2);
  if (hour < 0 || !isByteAt(bytes, digitsEnd, end, 0x3a)) return false;
  const minuteAt = digitsEnd + 1;
  const minute = readDigits(bytes, minuteAt, end, 2);
  if (digitsEnd - minuteAt !== 2 || !isByteAt(bytes, digitsEnd, end, 0x3a)) return false;
  const secondAt = digitsEnd + 1;
  const second = readDigits(bytes, secondAt, end, 2);
  if (digitsEnd - secondAt !== 2) return false;
  // A fraction of 1 to 7 digits (the portal writes milliseconds) is kept as it is written.
  let fractionAt = digitsEnd;
  let fractionEnd = digitsEnd;
  if (isByteAt(bytes, digitsEnd, end, 0x2e)) {
    fractionAt = digitsEnd + 1;
    readDigits(bytes, fractionAt, end, 8);
    fractionEnd = digitsEnd;
    if (fractionEnd === fractionAt || fractionEnd - fractionAt > 7) return false;
  }
  const at = digitsEnd + 1;
  if (!isByteAt(bytes, digitsEnd, end, 0x20) || end - at !== 2) return false;
  const meridiem = (bytes[at] as number) | 0x20;
  if ((meridiem !== 0x61 && meridiem !== 0x70) || ((bytes[at + 1] as number) | 0x20) !== 0x6d)
    return false;
  if (hour < 1 || hour > 12 || month < 1 || month > 12 || day < 1 || day > 28) return false;
  if (minute > 59 || second > 59 || year < 1601) return false;
  const h = (hour % 12) + (meridiem === 0x70 ? 12 : 0);
  readTime.ms = Date.UTC(year, month - 1, day, h, minute, second);
  writeDigits(into, 0, year, 4);
  into[4] = 0x2d;
  writeDigits(into, 5, month, 2);
  into[7] = 0x2d;
  writeDigits(into, 8, day, 2);
  into[10] = 0x54;
  writeDigits(into, 11, h, 2);
  into[13] = 0x3a;
  writeDigits(into, 14, minute, 2);
  into[16] = 0x3a;
  writeDigits(into, 17, second, 2);
  let written = 19;
  if (fractionEnd > fractionAt) {
    into[written++] = 0x2e;
    into.set(bytes.subarray(fractionAt, fractionEnd), written);
    written += fractionEnd - fractionAt;
  }
  into[written++] = 0x5a;
  readTime.length = written;
  // With a fraction, the instant as the text reading takes it (Date.parse's milliseconds).
  if (written > 20) readTime.ms = canonicalTimeMs(into, 0, written);
  return true;
}

/** The instant and text length of the time readEventTimeBytes last read. */
export const readTime = { ms: 0, length: 0 };
