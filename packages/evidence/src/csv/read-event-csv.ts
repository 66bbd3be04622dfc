import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import type { EvidenceReadSummary } from "../event/evidence-read-summary.ts";
import type { WindowsEvent } from "../event/windows-event.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { EventCsvRows } from "./event-csv-rows.ts";
import { readCsvRows } from "./read-csv-rows.ts";

/**
 * Streams the events of `Get-WinEvent … | Export-Csv` output: TimeCreated, Id, MachineName,
 * ProviderName, LogName, RecordId, and the event data read from the rendered Message (and from a
 * Properties column that holds values). A row without a usable Id or time is skipped and reported.
 */
export async function* readEventCsv(
  source: ByteSource,
  options: EvidenceReadOptions = {},
): AsyncGenerator<WindowsEvent, EvidenceReadSummary, undefined> {
  const rows = new EventCsvRows(source.name, options);
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
