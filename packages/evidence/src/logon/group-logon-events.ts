import { groupEventCsvLogons } from "../csv/group-event-csv-logons.ts";
import type { EventFormat } from "../event/read-windows-events.ts";
import { readEvtxLogonChunks } from "../evtx/read-evtx-logon-chunks.ts";
import { groupWinlogbeatLogons } from "../jsonl/group-winlogbeat-logons.ts";
import type { FlatJsonFormat } from "../siem/flat-json-records.ts";
import { groupFlatCsvLogons } from "../siem/group-flat-csv-logons.ts";
import { groupFlatJsonLogons } from "../siem/group-flat-json-logons.ts";
import { flatFieldMap, sentinelFieldMap, splunkFieldMap } from "../siem/siem-field-maps.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { isJsonArraySource } from "../source/is-json-array-source.ts";
import { groupEventXmlLogons } from "../xml/group-event-xml-logons.ts";
import { addLogonEvent } from "./add-logon-event.ts";
import { EventDeduplicator } from "./event-deduplicator.ts";
import type { GroupLogonOptions } from "./group-logon-options.ts";
import type { LogonEvent } from "./logon-event.ts";
import type { LogonGrouping } from "./logon-group.ts";
import { LogonGroupStore } from "./logon-group-store.ts";
import { readLogonEvents } from "./read-logon-events.ts";

/**
 * Reads a source's logon events (by default 4624) into groups of events that differ only in time,
 * record id and place (`LogonGroup`), leaving out events already seen: the audit's one reading path
 * for every event format. Memory grows with the groups (distinct logon signatures), never with the
 * events. Winlogbeat JSON lines, event CSV, event XML and the flat CSV exports (Sentinel, a
 * --field-map) are grouped from their bytes (`groupWinlogbeatLogons`, `groupEventCsvLogons`,
 * `groupEventXmlLogons`, `groupFlatCsvLogons`); EVTX chunk
 * by chunk, on worker threads when the input is large (`readEvtxLogonChunks`); a Winlogbeat JSON
 * array and the other formats through their streaming readers. Problems, the summary and the groups
 * are those of the streaming readers.
 */
export async function groupLogonEvents(
  source: ByteSource,
  format: EventFormat,
  options: GroupLogonOptions = {},
): Promise<LogonGrouping> {
  const dedupe = options.dedupe ?? new EventDeduplicator();
  // A Winlogbeat source's first character is read once (here, or by detection): lines or an array.
  const jsonArray =
    format === "winlogbeat-jsonl"
      ? (options.jsonArray ?? (await isJsonArraySource(source)))
      : options.jsonArray;
  if (format === "winlogbeat-jsonl" && !jsonArray)
    return groupWinlogbeatLogons(source, { ...options, dedupe });
  if (format === "event-csv") return groupEventCsvLogons(source, { ...options, dedupe });
  if (format === "event-xml") return groupEventXmlLogons(source, { ...options, dedupe });
  if (format === "sentinel-csv" || format === "mapped-csv") {
    const map = format === "sentinel-csv" ? sentinelFieldMap : (options.fieldMap ?? flatFieldMap);
    return groupFlatCsvLogons(source, format, map, { ...options, dedupe });
  }
  if (isFlatJsonFormat(format)) {
    const map =
      format === "sentinel-json"
        ? sentinelFieldMap
        : format === "splunk-json"
          ? splunkFieldMap
          : format === "flat-json"
            ? flatFieldMap
            : (options.fieldMap ?? flatFieldMap);
    return groupFlatJsonLogons(source, format, map, { ...options, dedupe });
  }
  const store = new LogonGroupStore(source.name, dedupe);
  const reader =
    format === "evtx"
      ? eachLogon(readEvtxLogonChunks(source, options))
      : readLogonEvents(
          source,
          format,
          jsonArray === undefined ? options : { ...options, jsonArray },
        );
  let at = 0;
  for (;;) {
    const next = await reader.next();
    if (next.done)
      return {
        summary: next.value,
        logons: store.logons,
        duplicates: store.duplicates,
        groups: () => store.groups(),
      };
    addLogonEvent(store, next.value, at++, options.splitAtMs);
  }
}

function isFlatJsonFormat(format: EventFormat): format is FlatJsonFormat {
  return (
    format === "sentinel-json" ||
    format === "splunk-json" ||
    format === "flat-json" ||
    format === "mapped-json"
  );
}

/** The logons of a reader that yields them a chunk at a time, one by one, and its summary. */
async function* eachLogon<Summary>(
  chunks: AsyncGenerator<readonly LogonEvent[], Summary, undefined>,
): AsyncGenerator<LogonEvent, Summary, undefined> {
  for (;;) {
    const next = await chunks.next();
    if (next.done) return next.value;
    yield* next.value;
  }
}
