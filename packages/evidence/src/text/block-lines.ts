import type { LineBlock } from "./read-line-blocks.ts";

/**
 * The lines of a LineBlock one at a time, with nothing allocated per line: after each `next()` that
 * returns true, `bytes[start, end)` is a line (its newline left out) and `line` its 1-based number.
 * The one line-splitting loop of the line readers (JSON records, Winlogbeat logons).
 */
export class BlockLines {
  readonly bytes: Buffer;
  start = 0;
  end = 0;
  line: number;
  private at = 0;

  constructor(block: LineBlock) {
    this.bytes = block.bytes;
    this.line = block.firstLine - 1;
  }

  /** Moves to the next line; false when the block has no more. */
  next(): boolean {
    const bytes = this.bytes;
    if (this.at >= bytes.length) return false;
    let end = bytes.indexOf(10, this.at);
    if (end === -1) end = bytes.length;
    this.start = this.at;
    this.end = end;
    this.at = end + 1;
    this.line++;
    return true;
  }
}
