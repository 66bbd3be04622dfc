import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { CalwiseError, documentLimits } from "@calwise/core";

/**
 * Reads a text file as UTF-8, or UTF-16 when it starts with a byte-order mark (Windows PowerShell writes
 * UTF-16LE by default). A missing or unreadable file is a CalwiseError INPUT_UNREADABLE naming the file.
 */
export function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path, documentLimits.maxTextBytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      error instanceof NotRegularFile || error instanceof FileTooLarge
        ? error.message
        : code === "ENOENT"
          ? "no such file"
          : code === "EISDIR"
            ? "it is a directory"
            : (code ?? "unreadable");
    throw new CalwiseError("INPUT_UNREADABLE", `cannot read ${path}: ${reason}`, [
      {
        code: error instanceof FileTooLarge ? "DOCUMENT_TOO_LARGE" : "FILE",
        path: "",
        file: path,
        message: `cannot read the file: ${reason}`,
        expected:
          error instanceof FileTooLarge
            ? `a file of at most ${documentLimits.maxTextBytes / (1024 * 1024)} MiB`
            : "a readable regular file",
      },
    ]);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A file that cannot be read as a document whole: a device, a pipe, a socket, or one that grew while read. */
class NotRegularFile extends Error {}
/** A file past documentLimits.maxTextBytes. */
class FileTooLarge extends Error {}

/**
 * Reads a regular file of at most `limit` bytes. A device (`/dev/zero`), a pipe or a directory is refused
 * before anything is read, and no more than its size at opening (+1 byte to notice growth) is ever read.
 */
function readRegularFile(path: string, limit: number): Buffer {
  const fd = openSync(path, "r");
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
    if (!stats.isFile()) throw new NotRegularFile("not a regular file (a device, pipe or socket)");
    if (stats.size > limit) throw new FileTooLarge(`larger than ${limit / (1024 * 1024)} MiB`);
    // One byte more than the size: reading it means the file grew, and a half-read file is never parsed.
    const buffer = Buffer.alloc(stats.size + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) throw new NotRegularFile("the file grew while it was read");
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
