import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import { type EvidenceReadSummary, summariseRead } from "../event/evidence-read-summary.ts";
import { normaliseEventTime } from "../event/normalise-event-time.ts";
import { parseRecordId } from "../event/parse-record-id.ts";
import type { WindowsEvent } from "../event/windows-event.ts";
import { checkLogonFields } from "../logon/check-logon-fields.ts";
import { parseEventMessage } from "./parse-event-message.ts";
import { parseEventProperties } from "./parse-event-properties.ts";
import type { CsvPass } from "./read-csv-rows.ts";

/** Columns `Get-WinEvent | Export-Csv` writes that an event needs. */
export const eventCsvColumns = ["Id", "TimeCreated", "MachineName"] as const;

/**
 * The row-by-row reading of a `Get-WinEvent | Export-Csv` file with the counters and problems of its
 * summary: what `readEventCsv` streams, and what `groupEventCsvLogons` falls back to for any row its
 * byte scanner is unsure of, so both read every row the same way.
 */
export class EventCsvRows {
  readonly log: EvidenceProblemLog;
  readonly pass: CsvPass = { columns: [], rows: 0, skipped: 0, readable: true };
  readonly eventIds = new Map<number, number>();
  yielded = 0;

  constructor(
    readonly file: string,
    options: EvidenceReadOptions,
  ) {
    this.log = new EvidenceProblemLog(options.onProblem, options.keepProblems);
  }

  /** The header check readCsvRows applies: the problem when a needed column is missing. */
  readonly checkHeader = (
    columns: readonly string[],
  ): { message: string; expected: string } | undefined => {
    const missing = eventCsvColumns.filter((c) => !columns.includes(c));
    if (missing.length === 0 && (columns.includes("Message") || columns.includes("Properties")))
      return undefined;
    return {
      message: `not a Get-WinEvent export: missing column${missing.length === 1 ? "" : "s"} ${[...missing, ...(columns.includes("Message") ? [] : ["Message"])].join(", ")}`,
      expected: "columns Id, TimeCreated, MachineName and Message (Get-WinEvent | Export-Csv)",
    };
  };

  /** Counts one more event of `eventId` that passed every check. */
  countEvent(eventId: number): void {
    this.eventIds.set(eventId, (this.eventIds.get(eventId) ?? 0) + 1);
    this.yielded++;
  }

  /**
   * Reads one data row (already counted in `pass.rows`) by column name: its event, or undefined
   * when the row is reported and skipped (no usable Id or time, refused logon fields).
   */
  readRow(
    v: Readonly<Record<string, string>>,
    line: number,
    record: number,
  ): WindowsEvent | undefined {
    const location = { file: this.file, line, record };
    const idText = (v.Id ?? "").trim();
    const eventId = Number(idText);
    if (idText === "" || !Number.isInteger(eventId)) {
      this.pass.skipped++;
      this.log.report({
        code: "EVENT_BAD_FIELD",
        ...location,
        message: "column Id is not an event id",
        expected: "an integer such as 4624",
        received: JSON.stringify(idText),
      });
      return undefined;
    }
    const time = normaliseEventTime(v.TimeCreated ?? "");
    if (time === undefined) {
      this.pass.skipped++;
      this.log.report({
        code: "EVENT_BAD_FIELD",
        ...location,
        message: "column TimeCreated is not a time",
        expected: "a time such as 3/19/2019 11:34:25 PM or 2019-03-19T23:34:25Z",
        received: JSON.stringify(v.TimeCreated ?? ""),
      });
      return undefined;
    }
    const data = Object.assign(
      parseEventMessage(eventId, v.Message ?? ""),
      parseEventProperties(eventId, v.Properties) ?? {},
    );
    const recordId = parseRecordId((v.RecordId ?? "").trim());
    const computer = v.MachineName ?? "";
    const fieldProblem = checkLogonFields(computer, data);
    if (fieldProblem !== undefined) {
      this.pass.skipped++;
      this.log.report({ ...location, ...fieldProblem });
      return undefined;
    }
    this.countEvent(eventId);
    return {
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

  /** The summary of what was read. */
  summary(): EvidenceReadSummary {
    const { pass } = this;
    return summariseRead(
      this.file,
      "event-csv",
      {
        records: pass.rows,
        yielded: this.yielded,
        skipped: pass.skipped,
        eventIds: this.eventIds,
        fields: pass.columns,
      },
      this.log,
    );
  }
}
