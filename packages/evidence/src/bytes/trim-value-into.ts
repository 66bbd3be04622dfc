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
