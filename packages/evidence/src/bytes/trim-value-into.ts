import { readPlainDigits } from "../event/add-logon-bytes.ts";
import { checkValueBytes } from "./check-value-bytes.ts";
import { isAsciiSpace } from "./trim-bytes-into.ts";

/**
 * Trims bytes[from, to) of ASCII spaces into into[2t], into[2t + 1] when what is left is the text a
 * row code would hold, trimmed (checkValueBytes: well-formed UTF-8, no CR, no Unicode space at an edge)
 * and, for a name, holds no character checkLogonFields refuses; false (nothing written) otherwise.
 */
export function trimValueInto(
  bytes: Buffer,
  from: number,
  to: number,
  into: Int32Array,
  t: number,
  name: boolean,
): boolean {
  let start = from;
  let end = to;
  while (start < end && isAsciiSpace(bytes[start] as number)) start++;
  while (end > start && isAsciiSpace(bytes[end - 1] as number)) end--;
  if (!checkValueBytes(bytes, start, end, name)) return false;
  into[2 * t] = start;
  into[2 * t + 1] = end;
  return true;
}

/**
 * A record id from trimmed bytes[from, to) as parseRecordId reads its text: null when empty, its
 * value when 1 to 15 plain digits, undefined for any other text (which the row code reads).
 */
export function readRecordIdDigits(
  bytes: Uint8Array,
  from: number,
  to: number,
): number | null | undefined {
  if (to <= from) return null;
  const value = to - from > 15 ? -1 : readPlainDigits(bytes, from, to);
  return value < 0 ? undefined : value;
}
