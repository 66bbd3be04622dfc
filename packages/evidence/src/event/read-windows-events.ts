import { readEventCsv } from "../csv/read-event-csv.ts";
import { readEvtxEvents } from "../evtx/read-evtx-events.ts";
import { readWinlogbeatEvents } from "../jsonl/read-winlogbeat-events.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { readEventXml } from "../xml/read-event-xml.ts";
import type { EvidenceFormat } from "./evidence-format.ts";
import type { EvidenceReadOptions } from "./evidence-read-options.ts";
import type { EvidenceReadSummary } from "./evidence-read-summary.ts";
import type { WindowsEvent } from "./windows-event.ts";

/** The event formats, each with its reader of every event. */
export type EventFormat = Extract<
  EvidenceFormat,
  "evtx" | "event-xml" | "event-csv" | "winlogbeat-jsonl"
>;

/** Streams every event of an event source in the given format (EVTX, event XML, event CSV, Winlogbeat). */
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
  }
}
