import {
  accessFormats,
  type DirectLogonJudge,
  type EventDeduplicator,
  type EventFormat,
  eventFormats,
  groupAggregatedLogon,
  groupLogonEvents,
  type LogonGroup,
  readAggregatedLogons,
  readUalCsv,
  type SeenAt,
  type UalAccess,
} from "@calwise/evidence";
import type { AuditReading } from "./audit-reading.ts";
import type { DetectedSource } from "./detect-audit-sources.ts";
import { isInventoryFormat } from "./is-inventory-format.ts";

/** Where the read step sends what it reads; positions place each record in the audit's reading order. */
export interface AuditRecordSink {
  /**
   * A group of logon events of one source, or a row of an accesses file as the group it stands for;
   * `base` + its positions are their reading positions. `id`, when given, is the group's id in its
   * source: a reader that hands groups on as it reads gives a group seen again later once more under
   * the same id, with the events since (GroupLogonOptions.takeGroups). True: all it did was widen an
   * access, so the group's later events may come to widenLogonGroup one by one.
   */
  logonGroup(group: LogonGroup, base: number, id?: number): boolean | undefined;
  /**
   * More events of group `id`, given before to `logonGroup` (its first event not decoded): true when
   * the sink took them as such, else they come again to `logonGroup` as a group.
   */
  widenLogonGroup?(
    id: number,
    base: number,
    more: { readonly events: number; readonly first: SeenAt; readonly last: SeenAt },
    file: string,
  ): boolean;
  /** As widenLogonGroup for one event whose time is the ISO text of instant `ms`, read at `at`. */
  widenLogonAt?(id: number, base: number, ms: number, at: number, file: string): boolean;
  /**
   * The rules on names alone for the source read at `base` from `file` (with widenLogonAt): a reader
   * that can hands on groups whose names decide their access by the names' numbers (DirectLogonJudge).
   */
  directJudge?(base: number, file: string): DirectLogonJudge;
  ual(access: UalAccess, at: number): void;
}

/** The logons the audit reads; the other events are only counted in the summaries. */
const wantedIds: ReadonlySet<number> = new Set([4624]);
/** The JSON exports, whose records may each lack the logon type (a CSV header is checked for its column). */
const jsonFormats: ReadonlySet<string> = new Set([
  "sentinel-json",
  "splunk-json",
  "flat-json",
  "mapped-json",
]);
/** Positions of one source: a source's records are numbered below this. */
const sourceSpan = 2 ** 32;

/**
 * The read step for evidence: every event source is reduced to groups of logon events (4624; events
 * already seen in this or an earlier source left out by `dedupe`, groups split at `splitAtMs`), which
 * go to the sink source by source in the order of their first event; every row of an accesses file
 * goes to the sink as the group it stands for, in file order (rows have no record ids: no dedupe);
 * the records of every UAL export are streamed one at a time. Returns how many events, logons,
 * duplicates and UAL records were read.
 */
export async function readAuditEvidence(
  detected: readonly DetectedSource[],
  reading: AuditReading,
  sink: AuditRecordSink,
  options: {
    readonly ualServer: string | undefined;
    readonly dedupe: EventDeduplicator;
    readonly splitAtMs: number | undefined;
    /** Bytes read between groups handed on (default the reader's; tests: a few). */
    readonly takeEveryBytes?: number;
    /** Groups held before the export readers hand them on (default the reader's; tests: 0). */
    readonly takeHeldGroups?: number;
  },
): Promise<{ eventsRead: number; ualRecords: number; logons: number; duplicates: number }> {
  let eventsRead = 0;
  let ualRecords = 0;
  let logons = 0;
  let duplicates = 0;
  for (const [index, { source, format, jsonArray }] of detected.entries()) {
    if (isInventoryFormat(format)) continue;
    const base = index * sourceSpan;
    const readerOptions = {
      ...reading.optionsFor(source.name),
      ...(jsonArray !== undefined ? { jsonArray } : {}),
    };
    if (eventFormats.has(format)) {
      // Whether a JSON export's logons carry a logon type: its groups are keyed by it.
      const typed = { groups: 0, withType: 0 };
      const take = (group: LogonGroup, id?: number) => {
        typed.groups++;
        if (group.event.logonType !== null) typed.withType++;
        return sink.logonGroup(group, base, id);
      };
      const summary = await reading.readSource(async () => {
        const grouping = await groupLogonEvents(source, format as EventFormat, {
          ...readerOptions,
          eventIds: wantedIds,
          dedupe: options.dedupe,
          ...(options.splitAtMs !== undefined ? { splitAtMs: options.splitAtMs } : {}),
          // Groups go to the ledger as they are read, so the reader holds only those seen lately.
          takeGroups: take,
          ...(sink.widenLogonGroup !== undefined
            ? { takeMore: widenBy(sink.widenLogonGroup.bind(sink), base, source.name) }
            : {}),
          ...(sink.widenLogonAt !== undefined && sink.widenLogonGroup !== undefined
            ? {
                takeMoreAt: widenAtBy(sink.widenLogonAt.bind(sink), base, source.name),
                ...(sink.directJudge !== undefined
                  ? { directJudge: sink.directJudge.bind(sink, base, source.name) }
                  : {}),
              }
            : {}),
          ...(options.takeEveryBytes !== undefined
            ? { takeEveryBytes: options.takeEveryBytes }
            : {}),
          ...(options.takeHeldGroups !== undefined
            ? { takeHeldGroups: options.takeHeldGroups }
            : {}),
        });
        logons += grouping.logons;
        duplicates += grouping.duplicates;
        for (const group of grouping.groups()) take(group);
        return grouping.summary;
      });
      if (jsonFormats.has(format) && typed.groups > 0 && typed.withType === 0)
        reading.noteUntypedLogons(summary);
      eventsRead += summary.records;
    } else if (accessFormats.has(format))
      await reading.readSource(async () => {
        const reader = readAggregatedLogons(
          source,
          format as "accesses-csv" | "accesses-jsonl",
          readerOptions,
        );
        for (let at = 0; ; at++) {
          const next = await reader.next();
          if (next.done) return next.value;
          eventsRead += next.value.events;
          logons += next.value.events;
          sink.logonGroup(groupAggregatedLogon(next.value, at), base);
        }
      });
    else
      await reading.readSource(async () => {
        const reader = readUalCsv(source, {
          ...readerOptions,
          ...(options.ualServer ? { server: options.ualServer } : {}),
        });
        let at = base;
        for (;;) {
          const next = await reader.next();
          if (next.done) return next.value;
          ualRecords++;
          sink.ual(next.value, at++);
        }
      });
  }
  return { eventsRead, ualRecords, logons, duplicates };
}

/** A reader's `takeMore` for the sink's widenLogonGroup, for the source read at `base` (a function per source). */
function widenBy(
  widen: NonNullable<AuditRecordSink["widenLogonGroup"]>,
  base: number,
  file: string,
): (id: number, events: number, first: SeenAt, last: SeenAt) => boolean {
  return (id, events, first, last) => widen(id, base, { events, first, last }, file);
}

/** A reader's `takeMoreAt` for the sink's widenLogonAt, for the source read at `base`. */
function widenAtBy(
  widen: NonNullable<AuditRecordSink["widenLogonAt"]>,
  base: number,
  file: string,
): (id: number, ms: number, at: number) => boolean {
  return (id, ms, at) => widen(id, base, ms, at, file);
}
