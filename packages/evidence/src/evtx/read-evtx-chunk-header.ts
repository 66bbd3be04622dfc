import { crc32 } from "node:zlib";
import { describeBytes } from "./describe-bytes.ts";
import { evtxLayout } from "./evtx-layout.ts";

/** The fields of a chunk header that reading its records needs. */
export interface EvtxChunkHeader {
  readonly firstRecordId: number;
  readonly lastRecordId: number;
  /** Chunk-relative offset of the last record. */
  readonly lastRecordOffset: number;
  /** Chunk-relative offset where the records end. */
  readonly freeSpaceOffset: number;
  /** False when the chunk is cut short and its records checksum could not be verified. */
  readonly recordsVerified: boolean;
}

/** Why a chunk cannot be trusted, phrased for a problem report. */
export interface EvtxChunkDefect {
  readonly message: string;
  readonly expected: string;
  readonly received: string;
}

const hex32 = (value: number) => `0x${value.toString(16).padStart(8, "0")}`;

/**
 * Checks a chunk's signature, header checksum (bytes 0-120 and 128-512), record offsets and
 * records checksum (bytes 512 up to the free space offset). `bytes` may be shorter than a chunk
 * when the file is truncated: the records checksum is then checked only if the records fit.
 */
export function readEvtxChunkHeader(bytes: Buffer): EvtxChunkHeader | EvtxChunkDefect {
  const signature = bytes.subarray(0, 8);
  if (signature.toString("latin1") !== evtxLayout.chunkSignature) {
    return {
      message: `expected chunk signature ElfChnk\\0, found ${describeBytes(signature)}`,
      expected: "ElfChnk\\0",
      received: describeBytes(signature),
    };
  }
  if (bytes.length < evtxLayout.chunkHeaderSize) {
    return {
      message: `chunk header needs ${evtxLayout.chunkHeaderSize} bytes, ${bytes.length} remain`,
      expected: `${evtxLayout.chunkHeaderSize} bytes`,
      received: `${bytes.length} bytes`,
    };
  }
  const storedHeaderChecksum = bytes.readUInt32LE(124);
  const headerChecksum = crc32(
    bytes.subarray(128, evtxLayout.chunkHeaderSize),
    crc32(bytes.subarray(0, 120)),
  );
  if (storedHeaderChecksum !== headerChecksum) {
    return {
      message: "chunk header checksum does not match",
      expected: hex32(headerChecksum),
      received: hex32(storedHeaderChecksum),
    };
  }
  const lastRecordOffset = bytes.readUInt32LE(44);
  const freeSpaceOffset = bytes.readUInt32LE(48);
  if (
    freeSpaceOffset < evtxLayout.chunkHeaderSize ||
    freeSpaceOffset > evtxLayout.chunkSize ||
    lastRecordOffset > freeSpaceOffset
  ) {
    return {
      message: `record offsets out of range: last record at ${lastRecordOffset}, free space at ${freeSpaceOffset}`,
      expected: `${evtxLayout.chunkHeaderSize} <= last record < free space <= ${evtxLayout.chunkSize}`,
      received: `${lastRecordOffset}, ${freeSpaceOffset}`,
    };
  }
  const recordsVerified = freeSpaceOffset <= bytes.length;
  if (recordsVerified) {
    const storedRecordsChecksum = bytes.readUInt32LE(52);
    const recordsChecksum = crc32(bytes.subarray(evtxLayout.chunkHeaderSize, freeSpaceOffset));
    if (storedRecordsChecksum !== recordsChecksum) {
      return {
        message: "event records checksum does not match",
        expected: hex32(recordsChecksum),
        received: hex32(storedRecordsChecksum),
      };
    }
  }
  return {
    firstRecordId: Number(bytes.readBigUInt64LE(24)),
    lastRecordId: Number(bytes.readBigUInt64LE(32)),
    lastRecordOffset,
    freeSpaceOffset,
    recordsVerified,
  };
}
