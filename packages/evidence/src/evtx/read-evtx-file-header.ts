import { crc32 } from "node:zlib";
import { describeBytes } from "./describe-bytes.ts";
import { evtxLayout } from "./evtx-layout.ts";

/** The fields of the EVTX file header that reading needs. */
export interface EvtxFileHeader {
  readonly firstChunkNumber: number;
  readonly lastChunkNumber: number;
  readonly nextRecordId: number;
  readonly majorVersion: number;
  readonly minorVersion: number;
  /** Chunks in use; the rest of a preallocated file is zero-filled. */
  readonly chunkCount: number;
  readonly flags: number;
}

/** What is wrong with the header; only EVTX_BAD_FILE_HEADER defects leave the header usable. */
export interface EvtxFileHeaderDefect {
  readonly code: "EVTX_NOT_EVTX" | "EVTX_TRUNCATED" | "EVTX_BAD_FILE_HEADER";
  readonly message: string;
  readonly expected: string;
  readonly received: string;
}

export type EvtxFileHeaderResult =
  | { readonly header: EvtxFileHeader; readonly defects: readonly EvtxFileHeaderDefect[] }
  | { readonly header: undefined; readonly defects: readonly EvtxFileHeaderDefect[] };

/**
 * Reads the first block of an EVTX file. A wrong signature is fatal; a bad checksum or an
 * unexpected version is reported but the chunks, which carry their own checksums, are still read.
 */
export function readEvtxFileHeader(block: Buffer): EvtxFileHeaderResult {
  const signature = block.subarray(0, 8);
  if (signature.toString("latin1") !== evtxLayout.fileSignature) {
    return {
      header: undefined,
      defects: [
        {
          code: "EVTX_NOT_EVTX",
          message: `expected signature ElfFile\\0 at offset 0, found ${describeBytes(signature)}`,
          expected: "ElfFile\\0",
          received: describeBytes(signature),
        },
      ],
    };
  }
  if (block.length < evtxLayout.fileHeaderUsedSize) {
    return {
      header: undefined,
      defects: [
        {
          code: "EVTX_TRUNCATED",
          message: `the file header needs ${evtxLayout.fileHeaderUsedSize} bytes, the input has ${block.length}`,
          expected: `${evtxLayout.fileHeaderUsedSize} bytes`,
          received: `${block.length} bytes`,
        },
      ],
    };
  }
  const header: EvtxFileHeader = {
    firstChunkNumber: Number(block.readBigUInt64LE(8)),
    lastChunkNumber: Number(block.readBigUInt64LE(16)),
    nextRecordId: Number(block.readBigUInt64LE(24)),
    minorVersion: block.readUInt16LE(36),
    majorVersion: block.readUInt16LE(38),
    chunkCount: block.readUInt16LE(42),
    flags: block.readUInt32LE(120),
  };
  const defects: EvtxFileHeaderDefect[] = [];
  const stored = block.readUInt32LE(124);
  const computed = crc32(block.subarray(0, 120));
  if (stored !== computed) {
    defects.push({
      code: "EVTX_BAD_FILE_HEADER",
      message: "file header checksum does not match its first 120 bytes",
      expected: `0x${computed.toString(16).padStart(8, "0")}`,
      received: `0x${stored.toString(16).padStart(8, "0")}`,
    });
  }
  if (header.majorVersion !== 3) {
    defects.push({
      code: "EVTX_BAD_FILE_HEADER",
      message: `unsupported format version ${header.majorVersion}.${header.minorVersion}`,
      expected: "3.x",
      received: `${header.majorVersion}.${header.minorVersion}`,
    });
  }
  const blockSize = block.readUInt16LE(40);
  if (blockSize !== evtxLayout.fileHeaderBlockSize) {
    defects.push({
      code: "EVTX_BAD_FILE_HEADER",
      message: `header block size ${blockSize}; chunks are read from offset ${evtxLayout.fileHeaderBlockSize} anyway`,
      expected: String(evtxLayout.fileHeaderBlockSize),
      received: String(blockSize),
    });
  }
  return { header, defects };
}
