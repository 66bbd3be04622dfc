/** The encodings text evidence comes in: UTF-8 (with or without BOM) and UTF-16 (Windows PowerShell's default). */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be";

/**
 * Guesses the encoding from the first bytes: a byte-order mark, or, without one, the zero bytes that
 * ASCII text in UTF-16 has in every other position. Returns the encoding and the BOM's length.
 */
export function detectTextEncoding(head: Uint8Array): { encoding: TextEncoding; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: "utf-8", bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bom: 2 };
  if (head.length >= 4 && head[0] !== 0 && head[1] === 0 && head[2] !== 0 && head[3] === 0)
    return { encoding: "utf-16le", bom: 0 };
  if (head.length >= 4 && head[0] === 0 && head[1] !== 0 && head[2] === 0 && head[3] !== 0)
    return { encoding: "utf-16be", bom: 0 };
  return { encoding: "utf-8", bom: 0 };
}

/**
 * Decodes a byte stream to text pieces, detecting the encoding from the first bytes (BOM or UTF-16
 * zero pattern) and dropping the BOM, unless `encoding` is known (a stream that continues a text
 * already begun). Characters split across pieces are decoded whole.
 */
export async function* decodeTextStream(
  bytes: AsyncIterable<Uint8Array>,
  encoding?: TextEncoding,
): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined =
    encoding === undefined
      ? undefined
      : new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
  let pending: Uint8Array = new Uint8Array(0);
  for await (const piece of bytes) {
    let input: Uint8Array = piece;
    if (decoder === undefined) {
      // Wait for 4 bytes before deciding (a file may arrive in tiny pieces).
      pending = pending.length === 0 ? piece : Buffer.concat([pending, piece]);
      if (pending.length < 4) continue;
      const { encoding, bom } = detectTextEncoding(pending);
      decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
      input = pending.subarray(bom);
    }
    const text = decoder.decode(input, { stream: true });
    if (text.length > 0) yield text;
  }
  if (decoder === undefined) {
    if (pending.length === 0) return;
    const { encoding, bom } = detectTextEncoding(pending);
    decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
    pending = pending.subarray(bom);
    const text = decoder.decode(pending, { stream: true });
    if (text.length > 0) yield text;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}
