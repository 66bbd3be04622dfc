import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import { type EvidenceReadSummary, summariseRead } from "../event/evidence-read-summary.ts";
import type { WindowsEvent } from "../event/windows-event.ts";
import { checkLogonFields } from "../logon/check-logon-fields.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { readSourceBytes } from "../source/read-source-bytes.ts";
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
    onProblem: (p) =>
      log.report({
        code: p.code,
        file: p.file,
        offset: p.offset,
        message: p.chunk === null ? p.message : `chunk ${p.chunk}: ${p.message}`,
        ...(p.expected !== undefined ? { expected: p.expected } : {}),
        ...(p.received !== undefined ? { received: p.received } : {}),
      }),
  });
  let fieldProblems = 0;
  for await (const r of reader) {
    records++;
    const location = { file, record: r.recordId, offset: r.location.offset };
    const fieldProblem = checkLogonFields(r.computer, r.data);
    if (fieldProblem !== undefined) {
      fieldProblems++;
      log.report({ file, offset: r.location.offset, record: r.recordId, ...fieldProblem });
      continue;
    }
    eventIds.set(r.eventId, (eventIds.get(r.eventId) ?? 0) + 1);
    yield {
      recordId: r.eventRecordId,
      time: r.timeCreated || r.writtenTime,
      eventId: r.eventId,
      provider: r.provider,
      channel: r.channel,
      computer: r.computer,
      data: r.data,
      location,
    };
  }
  const skipped =
    (log.counts.EVTX_BAD_RECORD ?? 0) +
    (log.counts.EVTX_RECORD_TOO_COMPLEX ?? 0) +
    (log.counts.EVTX_RECORD_TOO_DEEP ?? 0) +
    (log.counts.EVTX_BAD_CHUNK ?? 0) +
    fieldProblems;
  return summariseRead(
    file,
    "evtx",
    { records, yielded: records - fieldProblems, skipped, eventIds },
    log,
  );
}
