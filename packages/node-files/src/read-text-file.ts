import { readFileSync } from "node:fs";
import { CalwiseError } from "@calwise/core";

/**
 * Reads a text file as UTF-8, or UTF-16 when it starts with a byte-order mark (Windows PowerShell writes
 * UTF-16LE by default). A missing or unreadable file is a CalwiseError INPUT_UNREADABLE naming the file.
 */
export function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a directory"
          : (code ?? "unreadable");
    throw new CalwiseError("INPUT_UNREADABLE", `cannot read ${path}: ${reason}`, [
      {
        code: "FILE",
        path: "",
        file: path,
        message: `cannot read the file: ${reason}`,
        expected: "a readable file",
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
