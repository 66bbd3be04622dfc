const quote = 0x22;
const backslash = 0x5c;

/** Skips spaces, tabs and line breaks from `at`; returns the first other position. */
export function skipJsonSpace(bytes: Buffer, at: number, end: number): number {
  let i = at;
  while (i < end) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a) break;
    i++;
  }
  return i;
}

/** The position of the quote closing a JSON string whose opening quote is at `open`, or -1. */
export function findStringEnd(bytes: Buffer, open: number, end: number): number {
  let i = open + 1;
  while (i < end) {
    const q = bytes.indexOf(quote, i);
    if (q === -1 || q >= end) return -1;
    // Count the backslashes just before the quote: an odd number escapes it.
    let k = q - 1;
    while (k > open && bytes[k] === backslash) k--;
    if ((q - 1 - k) % 2 === 0) return q;
    i = q + 1;
  }
  return -1;
}

/**
 * True when bytes[start, end) hold one JSON object whose braces and brackets balance outside strings:
 * catches a line cut short (a crash mid-write) without parsing it. Strings are skipped natively.
 */
export function isBalancedJsonObject(bytes: Buffer, start: number, end: number): boolean {
  const first = skipJsonSpace(bytes, start, end);
  if (bytes[first] !== 0x7b) return false;
  let depth = 0;
  for (let i = first; i < end; i++) {
    const b = bytes[i];
    if (b === quote) {
      const close = findStringEnd(bytes, i, end);
      if (close === -1) return false;
      i = close;
    } else if (b === 0x7b || b === 0x5b) depth++;
    else if (b === 0x7d || b === 0x5d) {
      depth--;
      if (depth === 0) return skipJsonSpace(bytes, i + 1, end) === end;
      if (depth < 0) return false;
    }
  }
  return false;
}
