import type { ByteSource } from "./byte-source.ts";

/**
 * Opens a source and yields its pieces as Buffers (views, not copies, so readers can use Buffer's
 * native searches), reporting each piece's size to `onBytes` (progress bars).
 */
export async function* readSourceBytes(
  source: ByteSource,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<Buffer> {
  for await (const piece of source.open()) {
    onBytes?.(piece.length);
    yield Buffer.isBuffer(piece)
      ? piece
      : Buffer.from(piece.buffer, piece.byteOffset, piece.length);
  }
}
