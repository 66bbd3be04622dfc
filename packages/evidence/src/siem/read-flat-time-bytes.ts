import type { LogonBytes } from "../event/add-logon-bytes.ts";
import { canonicalTimeMs } from "../event/canonical-time-ms.ts";
import { readEventTimeBytes, readTime } from "../event/read-event-time-bytes.ts";

/** The value of the `count` ASCII digits at bytes[at], or -1. */
function digits(bytes: Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const digit = (bytes[at + k] as number) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = 10 * value + digit;
  }
  return value;
}

/**
 * Reads an event time from bytes[start, end) into `logon` (normalised text, its length, its instant)
 * when normaliseEventTime reads it without doubt: the shapes readEventTimeBytes reads, and the ISO
 * 8601 times of the JSON exports that are not canonical yet, with a space or `T`, a fraction (cut to 7
 * digits) or none, and no zone, `Z`, `+00:00` or `+0000` (NXLog's `2019-11-15 08:19:16`, Splunk's
 * `_time` `2019-11-15T08:19:16.102+00:00`), up to the 28th day and the 59th second so that no date
 * rolls over. False for any other text, which the row code reads.
 */
export function readFlatTimeBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
  logon: LogonBytes,
): boolean {
  const into = logon.time;
  if (readEventTimeBytes(bytes, start, end, into)) {
    logon.ms = readTime.ms;
    logon.timeLength = readTime.length;
    return true;
  }
  if (end - start < 19 || end - start > 60) return false;
  const separator = bytes[start + 10];
  if (bytes[start + 4] !== 0x2d || bytes[start + 7] !== 0x2d) return false;
  if ((separator !== 0x54 && separator !== 0x20) || bytes[start + 13] !== 0x3a) return false;
  if (bytes[start + 16] !== 0x3a) return false;
  const year = digits(bytes, start, 4);
  const month = digits(bytes, start + 5, 2);
  const day = digits(bytes, start + 8, 2);
  const hour = digits(bytes, start + 11, 2);
  const minute = digits(bytes, start + 14, 2);
  const second = digits(bytes, start + 17, 2);
  if (year < 1601 || month < 1 || month > 12 || day < 1 || day > 28) return false;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  let at = start + 19;
  let fractionEnd = at;
  if (bytes[at] === 0x2e || bytes[at] === 0x2c) {
    at++;
    fractionEnd = at;
    while (fractionEnd < end && digits(bytes, fractionEnd, 1) >= 0) fractionEnd++;
    if (fractionEnd === at) return false;
  }
  if (!isZeroOffset(bytes, fractionEnd, end)) return false;
  into.set(bytes.subarray(start, start + 19));
  into[10] = 0x54;
  let written = 19;
  const fraction = Math.min(fractionEnd - at, 7);
  if (fractionEnd > start + 19) {
    into[written++] = 0x2e;
    into.set(bytes.subarray(at, at + fraction), written);
    written += fraction;
  }
  into[written++] = 0x5a;
  const ms = canonicalTimeMs(into, 0, written);
  if (Number.isNaN(ms)) return false;
  logon.ms = ms;
  logon.timeLength = written;
  return true;
}

/** Whether bytes[at, end) is no zone, `Z`, or an offset of zero (`+00:00`, `-0000`…). */
function isZeroOffset(bytes: Uint8Array, at: number, end: number): boolean {
  const length = end - at;
  if (length === 0) return true;
  if (length === 1) return ((bytes[at] as number) | 0x20) === 0x7a;
  if (length !== 5 && length !== 6) return false;
  if ((bytes[at] !== 0x2b && bytes[at] !== 0x2d) || digits(bytes, at + 1, 2) !== 0) return false;
  if (length === 5) return digits(bytes, at + 3, 2) === 0;
  return bytes[at + 3] === 0x3a && digits(bytes, at + 4, 2) === 0;
}
