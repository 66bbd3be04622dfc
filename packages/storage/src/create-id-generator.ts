import { randomBytes } from "node:crypto";

/**
 * A source of record ids: UUIDv7 text (48-bit millisecond time, a 12-bit sequence, 62 random bits).
 * Ids from one generator strictly increase (the sequence counts within a millisecond, RFC 9562
 * method 1), so "newest first" is an index order; ids from different servers collide with
 * negligible probability.
 */
export function createIdGenerator(readClockMs: () => number = Date.now): () => string {
  let lastMs = 0;
  let sequence = 0;
  return () => {
    const nowMs = readClockMs();
    if (nowMs > lastMs) {
      lastMs = nowMs;
      sequence = 0;
    } else if (++sequence > 0xfff) {
      lastMs += 1;
      sequence = 0;
    }
    const bytes = randomBytes(16);
    bytes.writeUIntBE(lastMs, 0, 6);
    bytes.writeUInt16BE(0x7000 | sequence, 6);
    bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
    const hex = bytes.toString("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
