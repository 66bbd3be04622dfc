import type { EvidenceProblem } from "../event/evidence-problem.ts";
import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import { EventDeduplicator, type ExportedRecordIds } from "../logon/event-deduplicator.ts";
import { type ExportedLogonGroups, LogonGroupStore } from "../logon/logon-group-store.ts";
import { readLineBlocks } from "../text/read-line-blocks.ts";
import { createWinlogbeatLineGrouper } from "./winlogbeat-line-grouper.ts";
import { WinlogbeatLogonLines } from "./winlogbeat-logon-lines.ts";

/** A range of a Winlogbeat JSON-lines file for a worker: whole lines, in the file's own pieces. */
export interface WinlogbeatRangeJob {
  readonly file: string;
  /** The range's bytes (UTF-8, starting at a line, its BOM if any left out). */
  readonly bytes: Uint8Array;
  /** Where each of the file's pieces in the range ends, in order (the last is bytes.length). */
  readonly pieceEnds: Int32Array;
  readonly eventIds: readonly number[];
  readonly splitAtMs?: number;
  /** More problems than this in the range: the worker stops keeping them and the caller reads the range. */
  readonly maxProblems: number;
}

/** What a worker made of a range: its groups, record ids, counts and problems, positions from 0 and lines from 1. */
export interface WinlogbeatRangeResult {
  readonly groups: ExportedLogonGroups;
  readonly recordIds: ExportedRecordIds;
  readonly records: number;
  readonly yielded: number;
  readonly skipped: number;
  /** Pairs of event id and count. */
  readonly eventIds: readonly (readonly [number, number])[];
  /** The problems as reported, undefined when there were more than maxProblems. */
  readonly problems: readonly EvidenceProblem[] | undefined;
  /** The line breaks in the range: how far the next range's line numbers start. */
  readonly newlines: number;
}

/**
 * Groups the logons of one range of a Winlogbeat JSON-lines file as `groupWinlogbeatLogons` groups
 * the whole file (the same per-line code and line blocks, its own store and deduplicator), for a
 * worker thread: the caller merges the ranges in file order (`groupWinlogbeatOnWorkers`).
 */
export async function readWinlogbeatRange(job: WinlogbeatRangeJob): Promise<WinlogbeatRangeResult> {
  const problems: EvidenceProblem[] = [];
  let tooMany = false;
  const log = new EvidenceProblemLog(undefined, 0, (problem) => {
    if (problems.length < job.maxProblems) problems.push(problem);
    else tooMany = true;
  });
  const wanted = new Set(job.eventIds);
  const lines = new WinlogbeatLogonLines(job.file, wanted, log);
  const dedupe = new EventDeduplicator();
  const store = new LogonGroupStore(job.file, dedupe);
  const read = createWinlogbeatLineGrouper(lines, store, wanted, job.splitAtMs);
  const { bytes, pieceEnds } = job;
  const pieces = {
    name: job.file,
    async *open() {
      let from = 0;
      for (const end of pieceEnds) {
        yield bytes.subarray(from, end);
        from = end;
      }
    },
  };
  for await (const block of readLineBlocks(pieces, undefined, lines.tooLong, undefined, {
    firstLine: 1,
  }))
    lines.forEachRecord(block, read);
  let newlines = 0;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) newlines++;
  return {
    groups: store.exportGroups(),
    recordIds: dedupe.exportRecordIds(),
    records: lines.records,
    yielded: lines.yielded,
    skipped: lines.skipped,
    eventIds: [...lines.eventIds],
    problems: tooMany ? undefined : problems,
    newlines,
  };
}
