import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import { type EvidenceReadSummary, summariseRead } from "../event/evidence-read-summary.ts";
import type { WindowsEvent } from "../event/windows-event.ts";
import { openByteStream } from "../text/open-byte-stream.ts";
import { readEvtx } from "./read-evtx.ts";

/**
 * The events of an EVTX file as WindowsEvents, through the native reader `readEvtx`. Its problems
 * (bad chunks and records, truncation, not EVTX) are passed on, located by byte offset.
 */
export async function* readEvtxEvents(
  path: string,
  options: EvidenceReadOptions = {},
): AsyncGenerator<WindowsEvent, EvidenceReadSummary, undefined> {
  const log = new EvidenceProblemLog(options.onProblem, options.keepProblems);
  const eventIds = new Map<number, number>();
  let records = 0;
  const source = options.onBytes ? openByteStream(path, options.onBytes) : path;
  const reader = readEvtx(source, {
    fileLabel: path,
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
  for await (const r of reader) {
    records++;
    eventIds.set(r.eventId, (eventIds.get(r.eventId) ?? 0) + 1);
    yield {
      recordId: r.eventRecordId,
      time: r.timeCreated || r.writtenTime,
      eventId: r.eventId,
      provider: r.provider,
      channel: r.channel,
      computer: r.computer,
      data: r.data,
      location: { file: path, record: r.recordId, offset: r.location.offset },
    };
  }
  const skipped =
    (log.counts.EVTX_BAD_RECORD ?? 0) +
    (log.counts.EVTX_RECORD_TOO_COMPLEX ?? 0) +
    (log.counts.EVTX_RECORD_TOO_DEEP ?? 0) +
    (log.counts.EVTX_BAD_CHUNK ?? 0);
  return summariseRead(path, "evtx", { records, yielded: records, skipped, eventIds }, log);
}
