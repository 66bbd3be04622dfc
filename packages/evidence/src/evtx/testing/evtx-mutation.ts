import { crc32 } from "node:zlib";
import fc from "fast-check";

/**
 * One change to an EVTX input, as plain data so that fast-check can generate, print and shrink
 * it. Positions are fractions of the input's length, so a mutation applies to any input.
 */
export type EvtxMutation =
  /** Flip one bit. */
  | { readonly kind: "flip"; readonly at: number; readonly bit: number }
  /** Overwrite a 16- or 32-bit little-endian field with a value that tends to break readers. */
  | { readonly kind: "field"; readonly at: number; readonly width: 2 | 4; readonly value: number }
  /**
   * Overwrite a length or offset field after the `nth` occurrence of a token byte: a record's
   * size, a template's definition offset, a name offset, a substitution's index, a value count.
   */
  | {
      readonly kind: "token";
      readonly token: number;
      readonly nth: number;
      readonly skip: number;
      readonly width: 2 | 4;
      readonly value: number;
    }
  /** Cut the input short. */
  | { readonly kind: "truncate"; readonly at: number }
  /** Copy a range of the donor over the input (same length), or insert it (the rest shifts). */
  | {
      readonly kind: "splice";
      readonly from: number;
      readonly to: number;
      readonly length: number;
      readonly insert: boolean;
    }
  /** Remove a range (the rest shifts). */
  | { readonly kind: "delete"; readonly at: number; readonly length: number };

/** Values at the edges of the format's sizes and offsets. */
const interestingValues = [
  0, 1, 2, 3, 4, 7, 8, 23, 24, 28, 0x7f, 0x80, 0xff, 0x100, 0x1ff, 0x200, 0x7fff, 0x8000, 0xfffe,
  0xffff, 0x10000, 0x10001, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff,
];

/** BinXML and record bytes after which length and offset fields follow. */
const tokens = [0x2a, 0x01, 0x41, 0x05, 0x06, 0x0c, 0x0d, 0x0e, 0x0f, 0x21];

// Unbiased: fast-check's usual bias towards small numbers would put most damage at offset 0.
const fraction = fc.noBias(fc.nat({ max: 0xffffffff })).map((n) => n / 2 ** 32);
const fieldValue = fc.oneof(fc.constantFrom(...interestingValues), fc.nat({ max: 0xffffffff }));
const width = fc.constantFrom<2 | 4>(2, 4);

/**
 * Generates mutations of every kind, in place more often than shifting or cutting (which mostly
 * end at a chunk's checks), and the field and token corruptions that reach BinXML most often.
 */
export const evtxMutationArbitrary: fc.Arbitrary<EvtxMutation> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("flip" as const),
      at: fraction,
      bit: fc.nat({ max: 7 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("field" as const),
      at: fraction,
      width,
      value: fieldValue,
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("token" as const),
      token: fc.constantFrom(...tokens),
      nth: fc.nat({ max: 400 }),
      skip: fc.nat({ max: 12 }),
      width,
      value: fieldValue,
    }),
  },
  fc.record({ kind: fc.constant("truncate" as const), at: fraction }),
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("splice" as const),
      from: fraction,
      to: fraction,
      length: fc.nat({ max: 4096 }),
      insert: fc.nat({ max: 3 }).map((n) => n === 0),
    }),
  },
  fc.record({ kind: fc.constant("delete" as const), at: fraction, length: fc.nat({ max: 4096 }) }),
);

function writeField(bytes: Buffer, at: number, fieldWidth: 2 | 4, value: number): void {
  if (at < 0 || at + fieldWidth > bytes.length) return;
  if (fieldWidth === 2) bytes.writeUInt16LE(value & 0xffff, at);
  else bytes.writeUInt32LE(value >>> 0, at);
}

/** The offset of the `nth` occurrence of `byte` (counting round again), or -1 when there is none. */
function findNth(bytes: Buffer, byte: number, nth: number): number {
  let count = 0;
  for (let at = bytes.indexOf(byte); at !== -1; at = bytes.indexOf(byte, at + 1)) {
    if (count === nth) return at;
    count++;
  }
  return count === 0 ? -1 : findNth(bytes, byte, nth % count);
}

/** Applies `mutation` to `input` (never modified), taking spliced bytes from `donor`. */
export function applyEvtxMutation(input: Buffer, mutation: EvtxMutation, donor: Buffer): Buffer {
  const position = (at: number) => Math.floor(at * input.length);
  switch (mutation.kind) {
    case "flip": {
      const bytes = Buffer.from(input);
      const at = position(mutation.at);
      if (at < bytes.length) bytes[at] = (bytes[at] as number) ^ (1 << mutation.bit);
      return bytes;
    }
    case "field": {
      const bytes = Buffer.from(input);
      writeField(bytes, position(mutation.at) & ~1, mutation.width, mutation.value);
      return bytes;
    }
    case "token": {
      const bytes = Buffer.from(input);
      const at = findNth(bytes, mutation.token, mutation.nth);
      if (at !== -1) writeField(bytes, at + 1 + mutation.skip, mutation.width, mutation.value);
      return bytes;
    }
    case "truncate":
      return input.subarray(0, position(mutation.at));
    case "splice": {
      const from = Math.floor(mutation.from * donor.length);
      const piece = donor.subarray(from, from + mutation.length);
      const to = position(mutation.to);
      if (mutation.insert) {
        return Buffer.concat([input.subarray(0, to), piece, input.subarray(to)]);
      }
      const bytes = Buffer.from(input);
      piece.copy(bytes, to, 0, Math.min(piece.length, bytes.length - to));
      return bytes;
    }
    case "delete": {
      const at = position(mutation.at);
      return Buffer.concat([input.subarray(0, at), input.subarray(at + mutation.length)]);
    }
  }
}

/**
 * Rewrites the checksums of the file header and of every whole chunk whose free space offset
 * is sane, so that mutations reach the records and their BinXML instead of stopping at a
 * checksum. Mutates `bytes`.
 */
export function resealEvtx(bytes: Buffer): void {
  if (bytes.length >= 128) bytes.writeUInt32LE(crc32(bytes.subarray(0, 120)), 124);
  for (let start = 4096; start + 65536 <= bytes.length; start += 65536) {
    const chunk = bytes.subarray(start, start + 65536);
    const free = chunk.readUInt32LE(48);
    if (free >= 512 && free <= 65536) {
      chunk.writeUInt32LE(crc32(chunk.subarray(512, free)), 52);
    }
    chunk.writeUInt32LE(crc32(chunk.subarray(128, 512), crc32(chunk.subarray(0, 120))), 124);
  }
}
