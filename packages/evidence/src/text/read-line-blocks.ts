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

/** The longest line the line readers take, in bytes of UTF-8; docs/limits.md. */
export const maxLineBytes = 1 << 20;

/** Where a read of line blocks starts: a part of a UTF-8 text that begins at a line. */
export interface LineBlockStart {
  /** The 1-based number of the part's first line in the whole text. */
  readonly firstLine: number;
}

/**
 * Streams a text source as blocks of whole lines, in UTF-8 (a UTF-8 BOM is dropped; UTF-16 input is
 * transcoded), so line-oriented readers can scan bytes without decoding what they skip. Memory holds
 * one read piece plus one partial line of at most `maxLine` bytes: a line cut across pieces that
 * grows past it is reported to `onLongLine` with its number and skipped to its end, never held whole.
 * (A long line inside one piece is yielded: the reader checks its length against the same cap.)
 * With `start`, the source is a part of a UTF-8 text cut at a line (a worker's range, given in the
 * text's own pieces): nothing is detected or dropped, and lines are numbered from `start.firstLine`,
 * so the part's blocks are those the whole text gives.
 */
export async function* readLineBlocks(
  source: ByteSource,
  onBytes?: (bytes: number) => void,
  onLongLine: (line: number) => void = () => {},
  maxLine = maxLineBytes,
  start?: LineBlockStart,
): AsyncGenerator<LineBlock> {
  let carry: Buffer | undefined;
  let line = start?.firstLine ?? 1;
  let decoder: TextDecoder | undefined;
  let first = start === undefined;
  let skipping = false; // inside a line already reported as too long, looking for its end
  for await (let piece of readSourceBytes(source, onBytes)) {
    if (first) {
      first = false;
      const { encoding, bom } = detectTextEncoding(piece);
      piece = piece.subarray(bom);
      if (encoding !== "utf-8") decoder = new TextDecoder(encoding);
    }
    if (decoder) piece = Buffer.from(decoder.decode(piece, { stream: true }), "utf8");
    if (skipping) {
      const newline = piece.indexOf(10);
      if (newline === -1) continue;
      skipping = false;
      line++;
      piece = piece.subarray(newline + 1);
    }
    const lastNewline = piece.lastIndexOf(10);
    if (lastNewline === -1) {
      if ((carry?.length ?? 0) + piece.length > maxLine) {
        onLongLine(line);
        carry = undefined;
        skipping = true;
        continue;
      }
      carry = carry ? Buffer.concat([carry, piece]) : Buffer.from(piece);
      continue;
    }
    let from = 0;
    if (carry) {
      // Only the line cut at the previous piece's end is copied; the rest is used in place.
      const firstNewline = piece.indexOf(10);
      if (carry.length + firstNewline > maxLine) onLongLine(line);
      else
        yield {
          bytes: Buffer.concat([carry, piece.subarray(0, firstNewline + 1)]),
          firstLine: line,
        };
      line++;
      from = firstNewline + 1;
      carry = undefined;
    }
    if (from <= lastNewline) {
      const bytes = piece.subarray(from, lastNewline + 1);
      yield { bytes, firstLine: line };
      line += countNewlines(bytes);
    }
    if (lastNewline + 1 < piece.length) {
      if (piece.length - lastNewline - 1 > maxLine) {
        onLongLine(line);
        skipping = true;
      } else carry = Buffer.from(piece.subarray(lastNewline + 1));
    }
  }
  if (decoder && !skipping) {
    const rest = Buffer.from(decoder.decode(), "utf8");
    if (rest.length > 0) carry = carry ? Buffer.concat([carry, rest]) : rest;
  }
  if (carry && carry.length > 0) yield { bytes: carry, firstLine: line };
}
