import { evtxLayout } from "./evtx-layout.ts";
import type { EvtxProblemCode } from "./evtx-problem.ts";
import type { EvtxRecord } from "./evtx-record.ts";
import { type ChunkRecordsContext, readChunkRecords } from "./read-chunk-records.ts";
import { readEvtxChunkHeader } from "./read-evtx-chunk-header.ts";

/** A chunk's place in the file, plus how many chunks the file header says are in use. */
export interface ChunkContext extends ChunkRecordsContext {
  readonly declaredChunkCount: number;
}

function isAllZero(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

/**
 * Reads one 64 KiB block: its records, or undefined when the block is unused preallocated
 * space or a chunk that fails its checks (reported as EVTX_BAD_CHUNK). A block cut short by the
 * end of the input is reported as EVTX_TRUNCATED and the records wholly inside it are kept.
 */
export function readChunk(bytes: Buffer, context: ChunkContext): EvtxRecord[] | undefined {
  const report = (code: EvtxProblemCode, message: string, expected: string, received: string) =>
    context.report({
      code,
      file: context.file,
      offset: context.chunkOffset,
      chunk: context.chunkIndex,
      message,
      expected,
      received,
    });
  // Windows preallocates log files: chunks past the header's count that were never written are zeros.
  const unused = isAllZero(bytes.subarray(0, evtxLayout.chunkHeaderSize));
  const beyondDeclared = context.chunkIndex >= context.declaredChunkCount;
  if (bytes.length < evtxLayout.chunkSize && !(unused && beyondDeclared)) {
    report(
      "EVTX_TRUNCATED",
      `input ends ${bytes.length} bytes into chunk ${context.chunkIndex}; only records wholly present are read`,
      `${evtxLayout.chunkSize} bytes`,
      `${bytes.length} bytes`,
    );
  }
  if (unused && beyondDeclared) return undefined;
  // A header cut short is fully explained by the truncation just reported.
  if (bytes.length < evtxLayout.chunkHeaderSize) return undefined;
  const header = readEvtxChunkHeader(bytes);
  if ("message" in header) {
    report(
      "EVTX_BAD_CHUNK",
      `chunk ${context.chunkIndex} skipped: ${header.message}`,
      header.expected,
      header.received,
    );
    return undefined;
  }
  return readChunkRecords(bytes, header, context);
}
