import { createReadStream } from "node:fs";

/**
 * The bytes of a file as an async iterable of pieces of about `pieceSize`, reporting each piece's
 * size to `onBytes` (progress bars). Opening errors surface on the first iteration.
 */
export async function* openByteStream(
  path: string,
  onBytes?: (bytes: number) => void,
  pieceSize = 1 << 20,
): AsyncGenerator<Buffer> {
  for await (const piece of createReadStream(path, { highWaterMark: pieceSize })) {
    const bytes = piece as Buffer;
    onBytes?.(bytes.length);
    yield bytes;
  }
}
