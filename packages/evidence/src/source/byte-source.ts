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
}

/**
 * An in-memory ByteSource (tests, a request body already received): text is encoded as UTF-8, and the
 * bytes are served in pieces of `pieceSize` so readers meet pieces that cut records and characters.
 */
export function bytesSource(
  name: string,
  content: Uint8Array | string,
  pieceSize = 1 << 20,
): ByteSource {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return {
    name,
    size: bytes.length,
    async *open() {
      for (let at = 0; at < bytes.length; at += pieceSize)
        yield bytes.subarray(at, Math.min(bytes.length, at + pieceSize));
    },
  };
}
