import { readCsvRows } from "../csv/read-csv-rows.ts";
import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import type { EvidenceReadSummary } from "../event/evidence-read-summary.ts";
import type { WindowsEvent } from "../event/windows-event.ts";
import type { ByteSource } from "../source/byte-source.ts";
import type { EventFieldMap } from "./event-field-map.ts";
import { type FlatCsvFormat, FlatCsvRows } from "./flat-csv-rows.ts";

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
  const rows = new FlatCsvRows(source.name, format, map, options);
  for await (const row of readCsvRows(
    source,
    rows.log,
    rows.pass,
    rows.checkHeader,
    options.onBytes,
  )) {
    const event = rows.readRow(row.values, row.line, row.record);
    if (event !== undefined) yield event;
  }
  return rows.summary();
}
