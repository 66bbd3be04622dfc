import type { ByteSource } from "../source/byte-source.ts";
import type { BlockSource } from "./block-source.ts";
import { evtxLayout } from "./evtx-layout.ts";
import type { EvtxProblem } from "./evtx-problem.ts";
import { EvtxProblemLog } from "./evtx-problem-log.ts";
import type { EvtxReadSummary } from "./evtx-read-summary.ts";
import type { EvtxRecord } from "./evtx-record.ts";
import type { EvtxWorkTotals } from "./evtx-work-totals.ts";
import { iterableBlockSource } from "./iterable-block-source.ts";
import { readChunk } from "./read-chunk.ts";
import { readEvtxFileHeader } from "./read-evtx-file-header.ts";

/** How readEvtx reports problems and what it renders. */
export interface ReadEvtxOptions {
  /** Called with every problem as it is found, in file order. */
  readonly onProblem?: (problem: EvtxProblem) => void;
  /** Also render each event as XML (slower; off by default). */
  readonly includeXml?: boolean;
  /** How many problems the summary keeps (all are counted and passed to onProblem). Default 100. */
  readonly keepProblems?: number;
}

/**
 * Streams the events of an EVTX input (a ByteSource: a file, an upload, a buffer), one 64 KiB
 * chunk in memory at a time; problems and locations name it by the source's name. Damaged parts are skipped and reported through `onProblem` and the
 * summary the generator returns; nothing about the input's content makes it throw.
 */
export async function* readEvtx(
  source: ByteSource,
  options: ReadEvtxOptions = {},
): AsyncGenerator<EvtxRecord, EvtxReadSummary, undefined> {
  const file = source.name;
  const log = new EvtxProblemLog(options.onProblem, options.keepProblems ?? 100);
  const includeXml = options.includeXml ?? false;
  let records = 0;
  let chunks = 0;
  const work: EvtxWorkTotals = {
    nodes: 0,
    characters: 0,
    maxRecordNodes: 0,
    maxRecordCharacters: 0,
  };
  const summary = (): EvtxReadSummary => ({
    file,
    records,
    chunks,
    problemCounts: { ...log.counts },
    problems: [...log.kept],
    problemsNotKept: log.notKept,
    work: { ...work },
  });
  const unreadable = (error: unknown, offset: number) =>
    log.report({
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
    return summary();
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
    if (headerBlock === undefined) return summary();
    const { header, defects } = readEvtxFileHeader(headerBlock);
    for (const defect of defects) {
      log.report({
        code: defect.code,
        file,
        offset: 0,
        chunk: null,
        message: defect.message,
        expected: defect.expected,
        received: defect.received,
      });
    }
    if (header === undefined) return summary();
    if (headerBlock.length < evtxLayout.fileHeaderBlockSize) {
      log.report({
        code: "EVTX_TRUNCATED",
        file,
        offset: headerBlock.length,
        chunk: null,
        message: `input ends at byte ${headerBlock.length}, inside the ${evtxLayout.fileHeaderBlockSize}-byte header block`,
        expected: `${evtxLayout.fileHeaderBlockSize} bytes`,
        received: `${headerBlock.length} bytes`,
      });
      return summary();
    }
    offset = evtxLayout.fileHeaderBlockSize;
    let chunkIndex = 0;
    let cutShort = false;
    for (; ; chunkIndex++) {
      const bytes = await readBlock(evtxLayout.chunkSize);
      if (bytes === undefined) return summary();
      if (bytes.length === 0) break;
      cutShort = bytes.length < evtxLayout.chunkSize;
      const chunkOffset = offset;
      offset += bytes.length;
      const chunkRecords = readChunk(bytes, {
        file,
        chunkIndex,
        chunkOffset,
        includeXml,
        report: log.report,
        work,
        declaredChunkCount: header.chunkCount,
      });
      if (chunkRecords === undefined) continue;
      chunks++;
      records += chunkRecords.length;
      yield* chunkRecords;
    }
    // A last chunk cut short was reported by readChunk; otherwise say that chunks are missing.
    if (chunkIndex < header.chunkCount && !cutShort) {
      log.report({
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
  return summary();
}
