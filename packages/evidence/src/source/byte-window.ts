import type { ByteSource } from "./byte-source.ts";
import { readSourceBytes } from "./read-source-bytes.ts";

/**
 * A source's bytes read into one buffer, reused from piece to piece (it grows only for a record
 * longer than a piece), for scanners that read records in place: `bytes[0, end)` holds what is read
 * and not dropped. The buffer is reused, so a native search may find old bytes past `end`.
 */
export class ByteWindow {
  bytes = Buffer.allocUnsafe(0);
  end = 0;
  /** True once the source has no more pieces. */
  last = false;
  private readonly input: AsyncIterator<Buffer>;

  constructor(
    private readonly source: ByteSource,
    onBytes?: (bytes: number) => void,
  ) {
    this.input = readSourceBytes(source, onBytes)[Symbol.asyncIterator]();
  }

  /** Drops the bytes before `keepFrom` (the rest moves to the front) and appends the next piece; false at the end. */
  async fill(keepFrom: number): Promise<boolean> {
    const next = await this.input.next();
    if (next.done) {
      this.last = true;
      return false;
    }
    const kept = this.end - keepFrom;
    const length = kept + next.value.length;
    if (length > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(length, 2 * this.bytes.length));
      this.bytes.copy(bigger, 0, keepFrom, this.end);
      this.bytes = bigger;
    } else this.bytes.copyWithin(0, keepFrom, this.end);
    next.value.copy(this.bytes, kept);
    this.end = length;
    return true;
  }

  /** The bytes from `from` and the pieces not yet read, as a source of their own (read once). */
  rest(from: number): ByteSource {
    const held = Buffer.from(this.bytes.subarray(from, this.end));
    const input = this.input;
    return {
      name: this.source.name,
      async *open() {
        if (held.length > 0) yield held;
        for (;;) {
          const next = await input.next();
          if (next.done) return;
          yield next.value;
        }
      },
    };
  }
}
