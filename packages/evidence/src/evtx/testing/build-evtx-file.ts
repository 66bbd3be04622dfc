import { crc32 } from "node:zlib";

/** Writes one record's BinXML, given the chunk offset where it starts. */
export type RecordPayload = (offset: number) => Buffer;

/**
 * Builds a one-chunk EVTX file around hand-written records, with correct sizes, identifiers and
 * checksums, so tests can reach BinXML the corpus does not contain.
 */
export function buildEvtxFile(
  payloads: readonly RecordPayload[],
  firstRecordId = 1,
  writtenTime = 132399233764652234n,
): Buffer {
  const chunk = Buffer.alloc(65536);
  let offset = 512;
  let lastRecordOffset = 512;
  payloads.forEach((payload, index) => {
    const body = payload(offset + 24);
    const size = 24 + body.length + 4 + ((8 - ((28 + body.length) % 8)) % 8);
    chunk.writeUInt32LE(0x2a2a, offset);
    chunk.writeUInt32LE(size, offset + 4);
    chunk.writeBigUInt64LE(BigInt(firstRecordId + index), offset + 8);
    chunk.writeBigUInt64LE(writtenTime + BigInt(index), offset + 16);
    body.copy(chunk, offset + 24);
    chunk.writeUInt32LE(size, offset + size - 4);
    lastRecordOffset = offset;
    offset += size;
  });
  const lastRecordId = BigInt(firstRecordId + payloads.length - 1);
  chunk.write("ElfChnk\0", 0, "latin1");
  chunk.writeBigUInt64LE(BigInt(firstRecordId), 8);
  chunk.writeBigUInt64LE(lastRecordId, 16);
  chunk.writeBigUInt64LE(BigInt(firstRecordId), 24);
  chunk.writeBigUInt64LE(lastRecordId, 32);
  chunk.writeUInt32LE(128, 40);
  chunk.writeUInt32LE(lastRecordOffset, 44);
  chunk.writeUInt32LE(offset, 48);
  chunk.writeUInt32LE(crc32(chunk.subarray(512, offset)), 52);
  chunk.writeUInt32LE(crc32(chunk.subarray(128, 512), crc32(chunk.subarray(0, 120))), 124);

  const header = Buffer.alloc(4096);
  header.write("ElfFile\0", 0, "latin1");
  header.writeBigUInt64LE(lastRecordId + 1n, 24);
  header.writeUInt32LE(128, 32);
  header.writeUInt16LE(1, 36);
  header.writeUInt16LE(3, 38);
  header.writeUInt16LE(4096, 40);
  header.writeUInt16LE(1, 42);
  header.writeUInt32LE(crc32(header.subarray(0, 120)), 124);
  return Buffer.concat([header, chunk]);
}
