import type { ByteSource } from "./byte-source.ts";

/** Reads at most `size` bytes from the start of a source (format detection, sniffing). */
export async function readSourceHead(source: ByteSource, size: number): Promise<Buffer> {
  const pieces: Uint8Array[] = [];
  let length = 0;
  for await (const piece of source.open()) {
    pieces.push(piece);
    length += piece.length;
    if (length >= size) break;
  }
  return Buffer.concat(pieces).subarray(0, size);
}
