import type { ByteSource } from "../source/byte-source.ts";
import type { BlockSource } from "./block-source.ts";
import { evtxLayout } from "./evtx-layout.ts";
import type { EvtxProblem } from "./evtx-problem.ts";
import { iterableBlockSource } from "./iterable-block-source.ts";
import { readEvtxFileHeader } from "./read-evtx-file-header.ts";

/** One 64 KiB block of an EVTX input and its place; `bytes` is overwritten by the next block. */
export interface EvtxBlock {
  readonly bytes: Buffer;
  readonly chunkIndex: number;
  /** Absolute offset of the block in the input. */
  readonly chunkOffset: number;
  /** How many chunks the file header says are in use. */
  readonly declaredChunkCount: number;
}

/**
 * Reads an EVTX input's file header, then yields its 64 KiB chunk blocks in order, one in memory at a
 * time. What is wrong with the header, an input cut short (inside the header, or chunks missing
 * that the header declares) and a failing read (EVTX_UNREADABLE, which ends the pass) are reported
 * when they are met, between the blocks; what is inside a block is the caller's to read (readChunk).
 */
export async function* readEvtxBlocks(
  source: ByteSource,
  report: (problem: EvtxProblem) => void,
): AsyncGenerator<EvtxBlock, void, undefined> {
  const file = source.name;
  const unreadable = (error: unknown, offset: number) =>
    report({
      code: "EVTX_UNREADABLE",
      file,
      offset,
      chunk: null,
      message: `cannot read the input: ${error instanceof Error ? error.message : String(error)}`,
    });

  let blocks: BlockSource;
  try {
    blocks = iterableBlockSource(source.open(), evtxLayout.chunkSize);
  } catch (error) {
    unreadable(error, 0);
    return;
  }
  let offset = 0;
  // Only reading can fail for reasons outside the data (I/O, a failing stream): such a failure
  // ends the pass as EVTX_UNREADABLE. Everything else found in the bytes is reported in place.
  const readBlock = async (size: number): Promise<Buffer | undefined> => {
    try {
      return await blocks.read(size);
    } catch (error) {
      unreadable(error, offset);
      return undefined;
    }
  };
  try {
    const headerBlock = await readBlock(evtxLayout.fileHeaderBlockSize);
    if (headerBlock === undefined) return;
    const { header, defects } = readEvtxFileHeader(headerBlock);
    for (const defect of defects) {
      report({
        code: defect.code,
        file,
        offset: 0,
        chunk: null,
        message: defect.message,
        expected: defect.expected,
        received: defect.received,
      });
    }
    if (header === undefined) return;
    if (headerBlock.length < evtxLayout.fileHeaderBlockSize) {
      report({
        code: "EVTX_TRUNCATED",
        file,
        offset: headerBlock.length,
        chunk: null,
        message: `input ends at byte ${headerBlock.length}, inside the ${evtxLayout.fileHeaderBlockSize}-byte header block`,
        expected: `${evtxLayout.fileHeaderBlockSize} bytes`,
        received: `${headerBlock.length} bytes`,
      });
      return;
    }
    offset = evtxLayout.fileHeaderBlockSize;
    let chunkIndex = 0;
    let cutShort = false;
    for (; ; chunkIndex++) {
      const bytes = await readBlock(evtxLayout.chunkSize);
      if (bytes === undefined) return;
      if (bytes.length === 0) break;
      cutShort = bytes.length < evtxLayout.chunkSize;
      const chunkOffset = offset;
      offset += bytes.length;
      yield { bytes, chunkIndex, chunkOffset, declaredChunkCount: header.chunkCount };
    }
    // A last chunk cut short was reported by readChunk; otherwise say that chunks are missing.
    if (chunkIndex < header.chunkCount && !cutShort) {
      report({
        code: "EVTX_TRUNCATED",
        file,
        offset,
        chunk: null,
        message: `input ends after ${chunkIndex} chunks; the file header declares ${header.chunkCount}`,
        expected: `${header.chunkCount} chunks`,
        received: `${chunkIndex} chunks`,
      });
    }
  } finally {
    await blocks.close();
  }
}
