import type { ByteReader, ByteSource } from "./byte-source.ts";
import { readSourceBytes } from "./read-source-bytes.ts";

/** How much a window reads at a time from a source it reads into (ByteSource.openReader). */
const readSize = 1 << 20;

/**
 * A source's bytes read into one buffer, reused from piece to piece (it grows only for a record
 * longer than a piece), for scanners that read records in place: `bytes[0, end)` holds what is read
 * and not dropped. The buffer is reused, so a native search may find old bytes past `end`. A source
 * with `openReader` (a file) is read straight into the buffer; any other is copied in piece by piece.
 * `close()` releases the source when a scanner stops before its end.
 */
export class ByteWindow {
  bytes = Buffer.allocUnsafe(0);
  end = 0;
  /** True once the source has no more pieces. */
  last = false;
  private input: AsyncIterator<Buffer> | undefined;
  private readonly reader: ByteReader | undefined;

  constructor(
    private readonly source: ByteSource,
    private readonly onBytes?: (bytes: number) => void,
  ) {
    this.reader = source.openReader?.();
  }

  /** Drops the bytes before `keepFrom` (the rest moves to the front) and appends the next piece; false at the end. */
  async fill(keepFrom: number): Promise<boolean> {
    if (this.reader !== undefined) return this.readInto(keepFrom);
    this.input ??= readSourceBytes(this.source, this.onBytes)[Symbol.asyncIterator]();
    const next = await this.input.next();
    if (next.done) {
      this.last = true;
      return false;
    }
    const kept = this.end - keepFrom;
    this.keep(keepFrom, kept + next.value.length);
    next.value.copy(this.bytes, kept);
    this.end = kept + next.value.length;
    return true;
  }

  /** Releases the source (a reader's file) when the window is not read to its end. */
  async close(): Promise<void> {
    try {
      await this.reader?.close();
      await this.input?.return?.();
    } catch {
      // Releasing only: what was read stands, and a failure to let go is not the evidence's problem.
    }
  }

  /** The bytes from `from` and the pieces not yet read, as a source of their own (read once). */
  rest(from: number): ByteSource {
    const held = Buffer.from(this.bytes.subarray(from, this.end));
    const { reader, onBytes } = this;
    if (reader !== undefined)
      return {
        name: this.source.name,
        async *open() {
          try {
            if (held.length > 0) yield held;
            for (;;) {
              const piece = Buffer.allocUnsafe(readSize);
              const read = await reader.read(piece, 0, readSize);
              if (read === 0) return;
              onBytes?.(read);
              yield piece.subarray(0, read);
            }
          } finally {
            await reader.close();
          }
        },
      };
    this.input ??= readSourceBytes(this.source, this.onBytes)[Symbol.asyncIterator]();
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

  /** Moves bytes[keepFrom, keepFrom + kept) to the front of a buffer of at least `length` bytes. */
  private keep(keepFrom: number, length: number): void {
    const kept = this.end - keepFrom;
    if (length > this.bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(length, 2 * this.bytes.length));
      this.bytes.copy(bigger, 0, keepFrom, this.end);
      this.bytes = bigger;
    } else if (kept > 0 && keepFrom > 0) this.bytes.copyWithin(0, keepFrom, this.end);
    this.end = kept;
  }

  /** fill() for a source read straight into the buffer. */
  private async readInto(keepFrom: number): Promise<boolean> {
    const reader = this.reader as ByteReader;
    if (this.last) return false;
    const end = this.end;
    const kept = end - keepFrom;
    this.keep(keepFrom, kept + readSize);
    const read = await reader.read(this.bytes, kept, this.bytes.length - kept);
    if (read === 0) {
      // At the end nothing moves, as with pieces: the kept bytes go back where the caller has them.
      if (keepFrom > 0 && kept > 0) this.bytes.copyWithin(keepFrom, 0, kept);
      this.end = end;
      this.last = true;
      return false;
    }
    this.onBytes?.(read);
    this.end = kept + read;
    return true;
  }
}
