import {
  accessFormats,
  type ByteSource,
  detectEvidenceFormat,
  type EventFormat,
  type EvidenceProblem,
  type EvidenceReadSummary,
  eventFormats,
  readAdInventory,
  readUalCsv,
  readWindowsEvents,
} from "@calwise/evidence";
import type { EvidenceRecord } from "./evidence-record-schema.ts";

/** How a pass of readEvidenceRecords ended: read (with the reader's summary), or refused whole. */
export type EvidenceRecordsEnd =
  | { readonly read: true; readonly summary: EvidenceReadSummary }
  | { readonly read: false; readonly unreadable: boolean; readonly message: string };

/** Maps each record of a reader, keeping the reader's summary as the return value. */
async function* mapRecords<T>(
  reader: AsyncGenerator<T, EvidenceReadSummary, undefined>,
  toRecord: (record: T) => EvidenceRecord,
): AsyncGenerator<EvidenceRecord, EvidenceRecordsEnd, undefined> {
  try {
    for (;;) {
      const next = await reader.next();
      if (next.done) return { read: true, summary: next.value };
      yield toRecord(next.value);
    }
  } finally {
    // The caller may stop early (output closed): let the reader close its input.
    await reader.return(undefined as never);
  }
}

/**
 * The `calwise events` use case: tells the source's format from its bytes and streams every record it
 * holds as the JSON-ready object the command prints (event fields, UAL records, AD users and
 * computers). Bad records go to `onProblem` and are skipped; a source that cannot be read or
 * recognised ends the pass at once with `read: false` and the reason.
 */
export async function* readEvidenceRecords(
  source: ByteSource,
  options: { readonly onProblem?: (problem: EvidenceProblem) => void } = {},
): AsyncGenerator<EvidenceRecord, EvidenceRecordsEnd, undefined> {
  const detected = await detectEvidenceFormat(source);
  if (!detected.ok)
    return { read: false, unreadable: detected.unreadable, message: detected.message };
  const format = detected.format;
  if (accessFormats.has(format))
    return {
      read: false,
      unreadable: false,
      message: `an accesses file (${format}): it holds no events; give it to calwise audit --accesses`,
    };
  const file = source.name;
  const readOptions = {
    ...(options.onProblem ? { onProblem: options.onProblem } : {}),
    // Detection has read the first character: the JSON readers need not open the source to look.
    ...(detected.jsonArray !== undefined ? { jsonArray: detected.jsonArray } : {}),
  };
  if (eventFormats.has(format))
    return yield* mapRecords(
      readWindowsEvents(source, format as EventFormat, readOptions),
      (e) => ({
        file,
        record: e.recordId,
        ...(e.location.line !== undefined ? { line: e.location.line } : {}),
        time: e.time,
        eventId: e.eventId,
        channel: e.channel,
        provider: e.provider,
        computer: e.computer,
        data: e.data,
      }),
    );
  if (format === "ual-user-csv" || format === "ual-device-csv")
    return yield* mapRecords(readUalCsv(source, readOptions), (r) => ({ format, ...r }));
  return yield* mapRecords(readAdInventory(source, readOptions), (r) =>
    r.kind === "user"
      ? { format: "ad-user-csv", ...r.user }
      : { format: "ad-computer-csv", ...r.computer },
  );
}
