import { hasUnicodeSpaceEdge } from "./has-unicode-space-edge.ts";

/** JavaScript's trim and `\s` on ASCII: tab, LF, VT, FF, CR and space. */
export function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/**
 * Trims UTF-8 bytes[from, to) as JavaScript's trim trims their text, writing the range into
 * `into[2k]`, `into[2k + 1]`; false (nothing written) when a Unicode space is at an edge, which only
 * the text reading trims.
 */
export function trimBytesInto(
  bytes: Uint8Array,
  from: number,
  to: number,
  into: Int32Array,
  k: number,
): boolean {
  let start = from;
  let end = to;
  while (start < end && isAsciiSpace(bytes[start] as number)) start++;
  while (end > start && isAsciiSpace(bytes[end - 1] as number)) end--;
  if (hasUnicodeSpaceEdge(bytes, start, end)) return false;
  into[2 * k] = start;
  into[2 * k + 1] = end;
  return true;
}
