/**
 * Evidence as bytes, wherever they come from (a file, an upload stream, a test buffer): a name that
 * problems and locations use, the size when known (progress), and `open()`, which streams the bytes
 * from the beginning each time it is called. Every evidence reader and format detection take one.
 */
export interface ByteSource {
  /** How problems and locations name the input: the path of a file, the name of an upload. */
  readonly name: string;
  /** The number of bytes, when known before reading. */
  readonly size?: number;
  /** The bytes from the first, in pieces; opening or reading errors surface while iterating. */
  open(): AsyncIterable<Uint8Array>;
  /**
   * Optional: the same bytes read into the caller's own buffer (a file: no fresh buffer per piece
   * to fault in, copy and collect); opening or reading errors surface at the first `read`.
   */
  openReader?(): ByteReader;
}

/** Reads a source's bytes in order into buffers its caller owns (ByteSource.openReader). */
export interface ByteReader {
  /** Reads up to `length` bytes into `into` from `offset`; 0 at the end. */
  read(into: Uint8Array, offset: number, length: number): Promise<number>;
  /** Releases what the reader holds (idempotent). */
  close(): Promise<void>;
}

/**
 * An in-memory ByteSource (tests, a request body already received): text is encoded as UTF-8, and the
 * bytes are served in pieces of `pieceSize` so readers meet pieces that cut records and characters;
 * `withReader` adds `openReader`, whose reads also stop at `pieceSize` (as a file's reader would
 * stop short), so the scanners' reading into their own buffer is held to the same results.
 */
export function bytesSource(
  name: string,
  content: Uint8Array | string,
  pieceSize = 1 << 20,
  withReader = false,
): ByteSource {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  const source: ByteSource = {
    name,
    size: bytes.length,
    async *open() {
      for (let at = 0; at < bytes.length; at += pieceSize)
        yield bytes.subarray(at, Math.min(bytes.length, at + pieceSize));
    },
  };
  if (!withReader) return source;
  return {
    ...source,
    openReader() {
      let at = 0;
      return {
        async read(into, offset, length) {
          const to = Math.min(bytes.length, at + length, at + pieceSize);
          into.set(bytes.subarray(at, to), offset);
          const read = to - at;
          at = to;
          return read;
        },
        async close() {},
      };
    },
  };
}
