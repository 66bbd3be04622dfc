import type { EvidenceProblem } from "../event/evidence-problem.ts";
import type { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import { type EvidenceReadSummary, summariseRead } from "../event/evidence-read-summary.ts";
import type { WindowsEvent } from "../event/windows-event.ts";
import { checkLogonFields } from "../logon/check-logon-fields.ts";
import type { EvtxProblem } from "./evtx-problem.ts";
import type { EvtxRecord } from "./evtx-record.ts";

/** An EVTX problem as the event readers report it: located by offset, its chunk named in the message. */
export function evidenceProblemOfEvtx(p: EvtxProblem): EvidenceProblem {
  return {
    code: p.code,
    file: p.file,
    offset: p.offset,
    message: p.chunk === null ? p.message : `chunk ${p.chunk}: ${p.message}`,
    ...(p.expected !== undefined ? { expected: p.expected } : {}),
    ...(p.received !== undefined ? { received: p.received } : {}),
  };
}

/**
 * An EVTX record as a WindowsEvent, or the problem that refuses it (the one logon-field check every
 * reader applies), located by the record's offset and number.
 */
export function readRecordEvent(
  file: string,
  r: EvtxRecord,
): { readonly event: WindowsEvent } | { readonly problem: EvidenceProblem } {
  const fieldProblem = checkLogonFields(r.computer, r.data);
  if (fieldProblem !== undefined)
    return { problem: { file, offset: r.location.offset, record: r.recordId, ...fieldProblem } };
  return {
    event: {
      recordId: r.eventRecordId,
      time: r.timeCreated || r.writtenTime,
      eventId: r.eventId,
      provider: r.provider,
      channel: r.channel,
      computer: r.computer,
      data: r.data,
      location: { file, record: r.recordId, offset: r.location.offset },
    },
  };
}

/** The summary of an EVTX read as events: skipped are the records and chunks reported unusable. */
export function summariseEvtxEvents(
  file: string,
  log: EvidenceProblemLog,
  counts: { records: number; fieldProblems: number; eventIds: ReadonlyMap<number, number> },
): EvidenceReadSummary {
  const skipped =
    (log.counts.EVTX_BAD_RECORD ?? 0) +
    (log.counts.EVTX_RECORD_TOO_COMPLEX ?? 0) +
    (log.counts.EVTX_RECORD_TOO_DEEP ?? 0) +
    (log.counts.EVTX_BAD_CHUNK ?? 0) +
    counts.fieldProblems;
  return summariseRead(
    file,
    "evtx",
    {
      records: counts.records,
      yielded: counts.records - counts.fieldProblems,
      skipped,
      eventIds: counts.eventIds,
    },
    log,
  );
}
