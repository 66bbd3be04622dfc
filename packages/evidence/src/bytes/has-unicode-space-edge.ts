/**
 * Whether UTF-8 bytes[from, to) begin or end with a Unicode space that JavaScript's trim removes
 * besides the ASCII ones (U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000,
 * U+FEFF): a byte reading that trims only ASCII must then leave the value to the text reading.
 */
export function hasUnicodeSpaceEdge(bytes: Uint8Array, from: number, to: number): boolean {
  if (to <= from) return false;
  const first = bytes[from] as number;
  const last = bytes[to - 1] as number;
  if (first < 0x80 && last < 0x80) return false;
  if (
    first >= 0x80 &&
    isUnicodeSpace(first, byteAt(bytes, from + 1, to), byteAt(bytes, from + 2, to))
  )
    return true;
  if (last < 0x80) return false;
  if (to - from >= 2 && bytes[to - 2] === 0xc2 && last === 0xa0) return true;
  return to - from >= 3 && isUnicodeSpace(bytes[to - 3] as number, bytes[to - 2] as number, last);
}

function byteAt(bytes: Uint8Array, index: number, to: number): number {
  return index < to ? (bytes[index] as number) : -1;
}

function isUnicodeSpace(b0: number, b1: number, b2: number): boolean {
  if (b0 === 0xc2) return b1 === 0xa0;
  if (b0 === 0xe1) return b1 === 0x9a && b2 === 0x80;
  if (b0 === 0xe2)
    return (
      (b1 === 0x80 && ((b2 >= 0x80 && b2 <= 0x8a) || b2 === 0xa8 || b2 === 0xa9 || b2 === 0xaf)) ||
      (b1 === 0x81 && b2 === 0x9f)
    );
  if (b0 === 0xe3) return b1 === 0x80 && b2 === 0x80;
  return b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
}
