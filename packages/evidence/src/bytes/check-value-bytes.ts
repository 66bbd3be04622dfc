import { isUtf8 } from "node:buffer";
import { hasUnicodeSpaceEdge } from "./has-unicode-space-edge.ts";

/**
 * Whether bytes[from, to) are the UTF-8 of the text a CSV row code would hold (well-formed, no CR,
 * which a quoted CRLF would turn into LF) and, for a name, hold no character checkLogonFields refuses.
 */
export function checkValueBytes(bytes: Buffer, from: number, to: number, name: boolean): boolean {
  let high = false;
  for (let index = from; index < to; index++) {
    const byte = bytes[index] as number;
    if (byte >= 0x80) {
      high = true;
      if (name && byte === 0xc2) {
        const next = bytes[index + 1] as number;
        if (next >= 0x80 && next <= 0x9f) return false;
      }
    } else if (byte === 0x0d || (name && (byte < 0x20 || byte === 0x7f))) return false;
  }
  // A JavaScript trim would also remove a Unicode space at an edge.
  return !high || (!hasUnicodeSpaceEdge(bytes, from, to) && isUtf8(bytes.subarray(from, to)));
}
