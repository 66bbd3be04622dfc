/**
 * Writes a length prefix into `key` at `at` (one byte below 128, else four bytes, big-endian with the
 * top bit set), as readLengthPrefix reads it; returns the index after it.
 */
export function writeLengthPrefix(key: Uint8Array, at: number, length: number): number {
  if (length < 0x80) {
    key[at] = length;
    return at + 1;
  }
  key[at] = 0x80 | (length >>> 24);
  key[at + 1] = (length >>> 16) & 0xff;
  key[at + 2] = (length >>> 8) & 0xff;
  key[at + 3] = length & 0xff;
  return at + 4;
}

/** The length written at key[at] by writeLengthPrefix, and the index after its prefix. */
export function readLengthPrefix(key: Uint8Array, at: number): { length: number; next: number } {
  const first = key[at] as number;
  if (first < 0x80) return { length: first, next: at + 1 };
  const length =
    ((first & 0x7f) << 24) |
    ((key[at + 1] as number) << 16) |
    ((key[at + 2] as number) << 8) |
    (key[at + 3] as number);
  return { length, next: at + 4 };
}
