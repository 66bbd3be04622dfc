import { decodeTextStream } from "../text/decode-text-stream.ts";
import type { ByteSource } from "./byte-source.ts";

/**
 * A text source in UTF-16 (or UTF-8) as UTF-8 bytes, decoded as every text reader decodes it
 * (decodeTextStream: BOM dropped, a lone surrogate read as U+FFFD) and encoded again, so a byte
 * scanner reads the same characters the streaming reader does, on the same lines.
 */
export function transcodeToUtf8(source: ByteSource): ByteSource {
  return {
    name: source.name,
    async *open() {
      for await (const text of decodeTextStream(source.open())) yield Buffer.from(text, "utf8");
    },
  };
}
