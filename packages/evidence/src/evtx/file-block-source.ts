import { open } from "node:fs/promises";
import type { BlockSource } from "./block-source.ts";

/**
 * Opens `path` as a BlockSource. The file is read `readSize` bytes at a time (several chunks
 * per system call, which matters more than the copy) and served in blocks from that buffer.
 */
export async function openFileBlockSource(path: string, readSize: number): Promise<BlockSource> {
  const handle = await open(path, "r");
  const buffer = Buffer.allocUnsafe(readSize);
  let start = 0;
  let end = 0;
  let position = 0;
  let atEnd = false;
  return {
    async read(size) {
      if (end - start < size && !atEnd) {
        // Move the unread tail to the front, then top the buffer up.
        buffer.copy(buffer, 0, start, end);
        end -= start;
        start = 0;
        while (end < size && !atEnd) {
          const { bytesRead } = await handle.read(buffer, end, buffer.length - end, position);
          if (bytesRead === 0) atEnd = true;
          end += bytesRead;
          position += bytesRead;
        }
      }
      const take = Math.min(size, end - start);
      const block = buffer.subarray(start, start + take);
      start += take;
      return block;
    },
    close: () => handle.close(),
  };
}
