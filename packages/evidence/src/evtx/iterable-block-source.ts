import type { BlockSource } from "./block-source.ts";

/** Re-cuts the pieces of an async iterable (a read stream, a network body) into blocks. */
export function iterableBlockSource(
  source: AsyncIterable<Uint8Array>,
  bufferSize: number,
): BlockSource {
  const iterator = source[Symbol.asyncIterator]();
  const buffer = Buffer.allocUnsafe(bufferSize);
  let piece: Uint8Array | undefined;
  let pieceOffset = 0;
  let done = false;
  return {
    async read(size) {
      let filled = 0;
      while (filled < size) {
        if (piece === undefined || pieceOffset >= piece.length) {
          if (done) break;
          const next = await iterator.next();
          if (next.done === true) {
            done = true;
            break;
          }
          piece = next.value;
          pieceOffset = 0;
          continue;
        }
        const take = Math.min(size - filled, piece.length - pieceOffset);
        buffer.set(piece.subarray(pieceOffset, pieceOffset + take), filled);
        filled += take;
        pieceOffset += take;
      }
      return buffer.subarray(0, filled);
    },
    async close() {
      if (!done) await iterator.return?.();
    },
  };
}
