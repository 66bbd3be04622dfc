import { decodeTextStream } from "../text/decode-text-stream.ts";
import type { ByteSource } from "./byte-source.ts";
import { readSourceBytes } from "./read-source-bytes.ts";

/**
 * Whether a JSON source is one top-level array (`[ {…}, {…} ]`) rather than JSON lines: its first
 * non-blank character, in whichever text encoding it is written. The line scanners read lines, so an
 * array goes to the record reader instead.
 */
export async function isJsonArraySource(source: ByteSource): Promise<boolean> {
  for await (const piece of decodeTextStream(readSourceBytes(source))) {
    const first = piece.trimStart();
    if (first !== "") return first.charAt(0) === "[";
  }
  return false;
}
