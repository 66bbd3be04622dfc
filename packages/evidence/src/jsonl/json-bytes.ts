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
