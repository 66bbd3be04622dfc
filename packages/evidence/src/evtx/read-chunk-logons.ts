import type { EvidenceProblem } from "../event/evidence-problem.ts";
import type { LogonEvent } from "../logon/logon-event.ts";
import { toLogonEvent } from "../logon/to-logon-event.ts";
import { evidenceProblemOfEvtx, readRecordEvent } from "./evtx-record-event.ts";
import type { EvtxWorkTotals } from "./evtx-work-totals.ts";
import { readChunk } from "./read-chunk.ts";

/** One EVTX chunk to read on its own: its bytes (a copy the reader may keep) and its place. */
export interface EvtxChunkJob {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly chunkIndex: number;
  readonly chunkOffset: number;
  readonly declaredChunkCount: number;
  /** The event ids read as logons (the others are only counted). */
  readonly wanted: readonly number[];
}

/**
 * What one chunk gave the logon reading, in plain data (it crosses from a worker thread): the
 * problems in the order the streaming reader reports them (the chunk's own, then each refused
 * record's), the records read, the refused ones, the events per id (pairs, in order of first sight)
 * and the wanted logon events in file order.
 */
export interface ChunkLogons {
  readonly problems: readonly EvidenceProblem[];
  readonly records: number;
  readonly fieldProblems: number;
  readonly eventIds: readonly number[];
  readonly logons: readonly LogonEvent[];
}

/**
 * Reads one chunk as `readLogonEvents` reads it within the whole file (readChunk, the logon-field
 * check, toLogonEvent), touching nothing outside it: a chunk's templates and records are its own,
 * so chunks can be read in any order, on any thread, and their results put together in file order.
 * Work is bounded per record as in the streaming reader (EvtxRecordWork).
 */
export function readChunkLogons(job: EvtxChunkJob): ChunkLogons {
  const problems: EvidenceProblem[] = [];
  const work: EvtxWorkTotals = {
    nodes: 0,
    characters: 0,
    maxRecordNodes: 0,
    maxRecordCharacters: 0,
  };
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  const records =
    readChunk(bytes, {
      file: job.file,
      chunkIndex: job.chunkIndex,
      chunkOffset: job.chunkOffset,
      includeXml: false,
      report: (p) => problems.push(evidenceProblemOfEvtx(p)),
      work,
      declaredChunkCount: job.declaredChunkCount,
    }) ?? [];
  const wanted = new Set(job.wanted);
  const eventIds = new Map<number, number>();
  const logons: LogonEvent[] = [];
  let fieldProblems = 0;
  for (const r of records) {
    const read = readRecordEvent(job.file, r);
    if ("problem" in read) {
      fieldProblems++;
      problems.push(read.problem);
      continue;
    }
    eventIds.set(r.eventId, (eventIds.get(r.eventId) ?? 0) + 1);
    if (wanted.has(r.eventId)) logons.push(toLogonEvent(read.event));
  }
  return {
    problems,
    records: records.length,
    fieldProblems,
    eventIds: [...eventIds].flat(),
    logons,
  };
}
