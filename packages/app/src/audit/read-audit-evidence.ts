import {
  type AggregatedLogon,
  accessFormats,
  type EventFormat,
  eventFormats,
  type LogonEvent,
  readAggregatedLogons,
  readLogonEvents,
  readUalCsv,
  type UalAccess,
} from "@calwise/evidence";
import type { AuditReading } from "./audit-reading.ts";
import type { DetectedSource } from "./detect-audit-sources.ts";
import { isInventoryFormat } from "./is-inventory-format.ts";

/** Where the read step sends each record, as it streams. */
export interface AuditRecordSink {
  logon(event: LogonEvent): void;
  /** A row of a pre-aggregated accesses file (--accesses). */
  aggregated(access: AggregatedLogon): void;
  ual(access: UalAccess): void;
}

/** The logons the audit reads; the other events are only counted in the summaries. */
const wantedIds: ReadonlySet<number> = new Set([4624]);

/**
 * The read step for evidence: streams the logon events (4624) of every event source, the rows of
 * every accesses file and the records of every UAL export to the sink, one record at a time. Returns how many events and UAL records
 * were read.
 */
export async function readAuditEvidence(
  detected: readonly DetectedSource[],
  reading: AuditReading,
  sink: AuditRecordSink,
  ualServer: string | undefined,
): Promise<{ eventsRead: number; ualRecords: number }> {
  let eventsRead = 0;
  let ualRecords = 0;
  for (const { source, format } of detected) {
    if (isInventoryFormat(format)) continue;
    const options = reading.optionsFor(source.name);
    if (eventFormats.has(format)) {
      const summary = await reading.readSource(async () => {
        const reader = readLogonEvents(source, format as EventFormat, {
          ...options,
          eventIds: wantedIds,
        });
        for (;;) {
          const next = await reader.next();
          if (next.done) return next.value;
          sink.logon(next.value);
        }
      });
      eventsRead += summary.records;
    } else if (accessFormats.has(format))
      await reading.readSource(async () => {
        const reader = readAggregatedLogons(
          source,
          format as "accesses-csv" | "accesses-jsonl",
          options,
        );
        for (;;) {
          const next = await reader.next();
          if (next.done) return next.value;
          eventsRead += next.value.events;
          sink.aggregated(next.value);
        }
      });
    else
      await reading.readSource(async () => {
        const reader = readUalCsv(source, {
          ...options,
          ...(ualServer ? { server: ualServer } : {}),
        });
        for (;;) {
          const next = await reader.next();
          if (next.done) return next.value;
          ualRecords++;
          sink.ual(next.value);
        }
      });
  }
  return { eventsRead, ualRecords };
}
