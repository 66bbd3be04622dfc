import { createReadStream, statSync } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import type { ByteReader, ByteSource } from "@calwise/evidence";

/** Pieces of 1 MiB: few system calls, little memory (the EVTX reader takes 16 chunks at a time). */
const pieceSize = 1 << 20;

/**
 * A file as a ByteSource named by its path. Nothing is opened until `open()` is iterated, so a
 * missing or unreadable file surfaces there as the system's error (ENOENT, EISDIR, EACCES), which the
 * readers and format detection turn into their usual "cannot read the file: …" problem. The size is
 * taken now, for progress bars; it is absent when the file cannot be stat'ed.
 */
export function openFileByteSource(path: string): ByteSource {
  let size: number | undefined;
  try {
    size = statSync(path).size;
  } catch {
    size = undefined;
  }
  return {
    name: path,
    ...(size === undefined ? {} : { size }),
    open: () => createReadStream(path, { highWaterMark: pieceSize }),
    openReader: () => openFileReader(path),
  };
}

/** The file read in order into the caller's buffers; opened at the first read, closed at the end. */
function openFileReader(path: string): ByteReader {
  let handle: Promise<FileHandle> | undefined;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    if (handle !== undefined) await (await handle.catch(() => undefined))?.close();
  };
  return {
    async read(into, offset, length) {
      if (closed) return 0;
      handle ??= open(path, "r");
      const { bytesRead } = await (await handle).read(into, offset, length, null);
      if (bytesRead === 0) await close();
      return bytesRead;
    },
    close,
  };
}
