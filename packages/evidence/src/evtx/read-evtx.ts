import type { ByteSource } from "../source/byte-source.ts";
import type { EvtxProblem } from "./evtx-problem.ts";
import { EvtxProblemLog } from "./evtx-problem-log.ts";
import type { EvtxReadSummary } from "./evtx-read-summary.ts";
import type { EvtxRecord } from "./evtx-record.ts";
import type { EvtxWorkTotals } from "./evtx-work-totals.ts";
import { readChunk } from "./read-chunk.ts";
import { readEvtxBlocks } from "./read-evtx-blocks.ts";

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
  for await (const block of readEvtxBlocks(source, log.report)) {
    const chunkRecords = readChunk(block.bytes, {
      file,
      chunkIndex: block.chunkIndex,
      chunkOffset: block.chunkOffset,
      includeXml,
      report: log.report,
      work,
      declaredChunkCount: block.declaredChunkCount,
    });
    if (chunkRecords === undefined) continue;
    chunks++;
    records += chunkRecords.length;
    yield* chunkRecords;
  }
  return summary();
}
