import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import type { EvidenceReadSummary } from "../event/evidence-read-summary.ts";
import type { WindowsEvent } from "../event/windows-event.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { readJsonRecords } from "../text/read-json-records.ts";
import type { EventFieldMap } from "./event-field-map.ts";
import { type FlatJsonFormat, FlatJsonRecords } from "./flat-json-records.ts";

/**
 * Streams the events of a flat JSON export (JSON lines or one top-level array): Sentinel's
 * `SecurityEvent` rows, Splunk's export lines (`{"preview":false,"result":{…}}`, the event in
 * `result`), flat JSON lines with the event data at the top level, or any JSON through a --field-map.
 * A record that is not an object, or lacks a usable event id, time or computer, is skipped and
 * reported with its line; so is one whose logon fields fail the one check every reader applies.
 */
export async function* readFlatJsonEvents(
  source: ByteSource,
  format: FlatJsonFormat,
  map: EventFieldMap,
  options: EvidenceReadOptions = {},
): AsyncGenerator<WindowsEvent, EvidenceReadSummary, undefined> {
  const records = new FlatJsonRecords(source.name, format, map, options);
  for await (const { text, line, record } of readJsonRecords(
    source,
    records.log,
    records.counts,
    options.onBytes,
    options.jsonArray,
  )) {
    const event = records.readRecord(text, line, record);
    if (event !== undefined) yield event;
  }
  return records.summary();
}
