import { readEventCsv } from "../csv/read-event-csv.ts";
import { readEvtxEvents } from "../evtx/read-evtx-events.ts";
import { readWinlogbeatEvents } from "../jsonl/read-winlogbeat-events.ts";
import { readFlatCsvEvents } from "../siem/read-flat-csv-events.ts";
import { readFlatJsonEvents } from "../siem/read-flat-json-events.ts";
import { flatFieldMap, sentinelFieldMap, splunkFieldMap } from "../siem/siem-field-maps.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { readEventXml } from "../xml/read-event-xml.ts";
import type { eventFormatNames } from "./evidence-format.ts";
import type { EvidenceReadOptions } from "./evidence-read-options.ts";
import type { EvidenceReadSummary } from "./evidence-read-summary.ts";
import type { WindowsEvent } from "./windows-event.ts";

/** The event formats, each with its reader of every event. */
export type EventFormat = (typeof eventFormatNames)[number];

/**
 * Streams every event of an event source in the given format (EVTX, event XML, event CSV, Winlogbeat,
 * the SIEM exports; the mapped formats through `options.fieldMap`, else the flat JSON names).
 */
export function readWindowsEvents(
  source: ByteSource,
  format: EventFormat,
  options: EvidenceReadOptions = {},
): AsyncGenerator<WindowsEvent, EvidenceReadSummary, undefined> {
  switch (format) {
    case "evtx":
      return readEvtxEvents(source, options);
    case "event-xml":
      return readEventXml(source, options);
    case "event-csv":
      return readEventCsv(source, options);
    case "winlogbeat-jsonl":
      return readWinlogbeatEvents(source, options);
    case "sentinel-csv":
      return readFlatCsvEvents(source, format, sentinelFieldMap, options);
    case "mapped-csv":
      return readFlatCsvEvents(source, format, options.fieldMap ?? flatFieldMap, options);
    case "sentinel-json":
      return readFlatJsonEvents(source, format, sentinelFieldMap, options);
    case "splunk-json":
      return readFlatJsonEvents(source, format, splunkFieldMap, options);
    case "flat-json":
      return readFlatJsonEvents(source, format, flatFieldMap, options);
    case "mapped-json":
      return readFlatJsonEvents(source, format, options.fieldMap ?? flatFieldMap, options);
  }
}
