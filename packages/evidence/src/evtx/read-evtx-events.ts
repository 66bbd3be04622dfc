import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import type { EvidenceReadSummary } from "../event/evidence-read-summary.ts";
import type { WindowsEvent } from "../event/windows-event.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { readSourceBytes } from "../source/read-source-bytes.ts";
import {
  evidenceProblemOfEvtx,
  readRecordEvent,
  summariseEvtxEvents,
} from "./evtx-record-event.ts";
import { readEvtx } from "./read-evtx.ts";

/**
 * The events of an EVTX file as WindowsEvents, through the native reader `readEvtx`. Its problems
 * (bad chunks and records, truncation, not EVTX) are passed on, located by byte offset.
 */
export async function* readEvtxEvents(
  source: ByteSource,
  options: EvidenceReadOptions = {},
): AsyncGenerator<WindowsEvent, EvidenceReadSummary, undefined> {
  const file = source.name;
  const log = new EvidenceProblemLog(options.onProblem, options.keepProblems);
  const eventIds = new Map<number, number>();
  let records = 0;
  const counted: ByteSource = options.onBytes
    ? { name: file, open: () => readSourceBytes(source, options.onBytes) }
    : source;
  const reader = readEvtx(counted, {
    keepProblems: 0,
    onProblem: (p) => log.report(evidenceProblemOfEvtx(p)),
  });
  let fieldProblems = 0;
  for await (const r of reader) {
    records++;
    const read = readRecordEvent(file, r);
    if ("problem" in read) {
      fieldProblems++;
      log.report(read.problem);
      continue;
    }
    eventIds.set(r.eventId, (eventIds.get(r.eventId) ?? 0) + 1);
    yield read.event;
  }
  return summariseEvtxEvents(file, log, { records, fieldProblems, eventIds });
}
