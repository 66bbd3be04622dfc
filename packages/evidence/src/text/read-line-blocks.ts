import type { ByteSource } from "../source/byte-source.ts";
import { readSourceBytes } from "../source/read-source-bytes.ts";
import { detectTextEncoding } from "./decode-text-stream.ts";

/** A run of whole lines in UTF-8: `bytes` ends after a line break (or at the end of the file). */
export interface LineBlock {
  readonly bytes: Buffer;
  /** 1-based line number of the block's first line. */
  readonly firstLine: number;
}

function countNewlines(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

/**
 * Streams a text source as blocks of whole lines, in UTF-8 (a UTF-8 BOM is dropped; UTF-16 input is
 * transcoded), so line-oriented readers can scan bytes without decoding what they skip. Memory holds
 * one read piece plus one partial line.
 */
export async function* readLineBlocks(
  source: ByteSource,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<LineBlock> {
  let carry: Buffer | undefined;
  let line = 1;
  let decoder: TextDecoder | undefined;
  let first = true;
  for await (let piece of readSourceBytes(source, onBytes)) {
    if (first) {
      first = false;
      const { encoding, bom } = detectTextEncoding(piece);
      piece = piece.subarray(bom);
      if (encoding !== "utf-8") decoder = new TextDecoder(encoding);
    }
    if (decoder) piece = Buffer.from(decoder.decode(piece, { stream: true }), "utf8");
    const lastNewline = piece.lastIndexOf(10);
    if (lastNewline === -1) {
      carry = carry ? Buffer.concat([carry, piece]) : Buffer.from(piece);
      continue;
    }
    let from = 0;
    if (carry) {
      // Only the line cut at the previous piece's end is copied; the rest is used in place.
      const firstNewline = piece.indexOf(10);
      yield { bytes: Buffer.concat([carry, piece.subarray(0, firstNewline + 1)]), firstLine: line };
      line++;
      from = firstNewline + 1;
      carry = undefined;
    }
    if (from <= lastNewline) {
      const bytes = piece.subarray(from, lastNewline + 1);
      yield { bytes, firstLine: line };
      line += countNewlines(bytes);
    }
    if (lastNewline + 1 < piece.length) carry = Buffer.from(piece.subarray(lastNewline + 1));
  }
  if (decoder) {
    const rest = Buffer.from(decoder.decode(), "utf8");
    if (rest.length > 0) carry = carry ? Buffer.concat([carry, rest]) : rest;
  }
  if (carry && carry.length > 0) yield { bytes: carry, firstLine: line };
}
