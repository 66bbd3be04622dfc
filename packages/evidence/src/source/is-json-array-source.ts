import type { ByteSource } from "./byte-source.ts";
import { readSourceHead } from "./read-source-head.ts";

/**
 * Whether a UTF-8 JSON source is one top-level array (`[ {…}, {…} ]`) rather than JSON lines: the
 * line scanners read lines, so an array goes to the record reader instead. Looks at the first
 * non-blank byte after a byte-order mark.
 */
export async function isJsonArraySource(source: ByteSource): Promise<boolean> {
  const head = await readSourceHead(source, 4096);
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (
    i < head.length &&
    (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)
  )
    i++;
  return head[i] === 0x5b;
}
