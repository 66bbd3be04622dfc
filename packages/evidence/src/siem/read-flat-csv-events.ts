import { type CsvPass, readCsvRows } from "../csv/read-csv-rows.ts";
import type { EvidenceFormat } from "../event/evidence-format.ts";
import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import { type EvidenceReadSummary, summariseRead } from "../event/evidence-read-summary.ts";
import type { WindowsEvent } from "../event/windows-event.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { type EventFieldMap, requiredMapFields } from "./event-field-map.ts";
import { eventFromFlatRecord } from "./event-from-flat-record.ts";
import { FlatEventTally } from "./flat-event-tally.ts";

/** The CSV exports of flat event records, each read through its field map. */
export type FlatCsvFormat = Extract<EvidenceFormat, "sentinel-csv" | "mapped-csv">;

/**
 * Streams the events of a flat CSV export: Sentinel / Log Analytics `SecurityEvent` as the portal
 * or `az` writes it (EventID, TimeGenerated or `TimeGenerated [UTC]`, Computer, TargetUserName…), or
 * any CSV through a --field-map. A header without the event id, time and computer columns refuses
 * the file (CSV_MISSING_COLUMN, naming the columns found); a bad row is skipped and reported.
 */
export async function* readFlatCsvEvents(
  source: ByteSource,
  format: FlatCsvFormat,
  map: EventFieldMap,
  options: EvidenceReadOptions = {},
): AsyncGenerator<WindowsEvent, EvidenceReadSummary, undefined> {
  const file = source.name;
  const log = new EvidenceProblemLog(options.onProblem, options.keepProblems);
  const pass: CsvPass = { columns: [], rows: 0, skipped: 0, readable: true };
  const tally = new FlatEventTally(log);
  const rows = readCsvRows(
    source,
    log,
    pass,
    (columns) => {
      const missing = requiredMapFields.filter((f) => !map[f].some((c) => columns.includes(c)));
      if (missing.length === 0) return undefined;
      return {
        message: `no column for ${missing.join(", ")}`,
        expected: `columns ${missing.map((f) => map[f].join(" or ")).join("; ")}`,
      };
    },
    options.onBytes,
  );
  for await (const row of rows) {
    const location = { file, line: row.line, record: row.record };
    const event = tally.accept(eventFromFlatRecord(row.values, map, location), location);
    if (event !== undefined) yield event;
  }
  return summariseRead(
    file,
    format,
    {
      records: pass.rows,
      yielded: tally.yielded,
      skipped: pass.skipped + tally.skipped,
      eventIds: tally.eventIds,
      fields: pass.columns,
    },
    log,
  );
}
