import { readPlainDigits } from "../event/add-logon-bytes.ts";

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
