import { readFileSync } from "node:fs";
import { crc32 } from "node:zlib";
import { listEvtxCorpus } from "./evtx-corpus.ts";

/**
 * One EVTX file of `chunkCount` chunks taken from the corpus in order and repeated (each chunk is a
 * unit of its own: its templates, strings and checksums), behind the first file's header with the
 * chunk numbers set and resealed. Record ids repeat with the chunks, so the repeats are duplicates
 * to an audit: a large input with the corpus's content, for benchmarks and the worker tests.
 */
export function buildCorpusEvtx(chunkCount: number): Buffer {
  const chunks: Buffer[] = [];
  for (const file of listEvtxCorpus()) {
    const bytes = readFileSync(file);
    const count = bytes.readUInt16LE(42);
    for (let index = 0; index < count && 4096 + (index + 1) * 65536 <= bytes.length; index++)
      chunks.push(bytes.subarray(4096 + index * 65536, 4096 + (index + 1) * 65536));
  }
  const total = Math.min(65535, chunkCount);
  const header = Buffer.from(readFileSync(listEvtxCorpus()[0] as string).subarray(0, 4096));
  header.writeBigUInt64LE(0n, 8);
  header.writeBigUInt64LE(BigInt(total - 1), 16);
  header.writeUInt16LE(total, 42);
  header.writeUInt32LE(crc32(header.subarray(0, 120)), 124);
  return Buffer.concat([
    header,
    ...Array.from({ length: total }, (_, i) => chunks[i % chunks.length] as Buffer),
  ]);
}
