import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import { type EvidenceReadSummary, summariseRead } from "../event/evidence-read-summary.ts";
import { normaliseEventTime } from "../event/normalise-event-time.ts";
import { parseRecordId } from "../event/parse-record-id.ts";
import type { WindowsEvent } from "../event/windows-event.ts";
import { checkLogonFields } from "../logon/check-logon-fields.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { parseEventMessage } from "./parse-event-message.ts";
import { parseEventProperties } from "./parse-event-properties.ts";
import { type CsvPass, readCsvRows } from "./read-csv-rows.ts";

/** Columns `Get-WinEvent | Export-Csv` writes that an event needs. */
export const eventCsvColumns = ["Id", "TimeCreated", "MachineName"] as const;

/**
 * Streams the events of `Get-WinEvent … | Export-Csv` output: TimeCreated, Id, MachineName,
 * ProviderName, LogName, RecordId, and the event data read from the rendered Message (and from a
 * Properties column that holds values). A row without a usable Id or time is skipped and reported.
 */
export async function* readEventCsv(
  source: ByteSource,
  options: EvidenceReadOptions = {},
): AsyncGenerator<WindowsEvent, EvidenceReadSummary, undefined> {
  const file = source.name;
  const log = new EvidenceProblemLog(options.onProblem, options.keepProblems);
  const pass: CsvPass = { columns: [], rows: 0, skipped: 0, readable: true };
  const eventIds = new Map<number, number>();
  let yielded = 0;
  const rows = readCsvRows(
    source,
    log,
    pass,
    (columns) => {
      const missing = eventCsvColumns.filter((c) => !columns.includes(c));
      if (missing.length === 0 && (columns.includes("Message") || columns.includes("Properties")))
        return undefined;
      return {
        message: `not a Get-WinEvent export: missing column${missing.length === 1 ? "" : "s"} ${[...missing, ...(columns.includes("Message") ? [] : ["Message"])].join(", ")}`,
        expected: "columns Id, TimeCreated, MachineName and Message (Get-WinEvent | Export-Csv)",
      };
    },
    options.onBytes,
  );
  for await (const row of rows) {
    const v = row.values;
    const location = { file, line: row.line, record: row.record };
    const idText = (v.Id ?? "").trim();
    const eventId = Number(idText);
    if (idText === "" || !Number.isInteger(eventId)) {
      pass.skipped++;
      log.report({
        code: "EVENT_BAD_FIELD",
        ...location,
        message: "column Id is not an event id",
        expected: "an integer such as 4624",
        received: JSON.stringify(idText),
      });
      continue;
    }
    const time = normaliseEventTime(v.TimeCreated ?? "");
    if (time === undefined) {
      pass.skipped++;
      log.report({
        code: "EVENT_BAD_FIELD",
        ...location,
        message: "column TimeCreated is not a time",
        expected: "a time such as 3/19/2019 11:34:25 PM or 2019-03-19T23:34:25Z",
        received: JSON.stringify(v.TimeCreated ?? ""),
      });
      continue;
    }
    const data = Object.assign(
      parseEventMessage(eventId, v.Message ?? ""),
      parseEventProperties(eventId, v.Properties) ?? {},
    );
    const recordId = parseRecordId((v.RecordId ?? "").trim());
    const computer = v.MachineName ?? "";
    const fieldProblem = checkLogonFields(computer, data);
    if (fieldProblem !== undefined) {
      pass.skipped++;
      log.report({ ...location, ...fieldProblem });
      continue;
    }
    eventIds.set(eventId, (eventIds.get(eventId) ?? 0) + 1);
    yielded++;
    yield {
      recordId,
      time,
      eventId,
      provider: v.ProviderName ?? "",
      channel: v.LogName ?? "",
      computer,
      data,
      location,
    };
  }
  return summariseRead(
    file,
    "event-csv",
    { records: pass.rows, yielded, skipped: pass.skipped, eventIds, fields: pass.columns },
    log,
  );
}
