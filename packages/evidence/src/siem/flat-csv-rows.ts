import type { CsvEventRows } from "../csv/group-csv-logons.ts";
import type { CsvPass } from "../csv/read-csv-rows.ts";
import type { EvidenceFormat } from "../event/evidence-format.ts";
import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import { type EvidenceReadSummary, summariseRead } from "../event/evidence-read-summary.ts";
import type { WindowsEvent } from "../event/windows-event.ts";
import { type EventFieldMap, requiredMapFields } from "./event-field-map.ts";
import { eventFromFlatRecord } from "./event-from-flat-record.ts";
import { FlatEventTally } from "./flat-event-tally.ts";

/** The CSV exports of flat event records, each read through its field map. */
export type FlatCsvFormat = Extract<EvidenceFormat, "sentinel-csv" | "mapped-csv">;

/**
 * The row-by-row reading of a flat CSV export through its field map, with the counters and problems
 * of its summary: what `readFlatCsvEvents` streams, and what `groupFlatCsvLogons` falls back to for
 * any row its byte reading is unsure of, so both read every row the same way.
 */
export class FlatCsvRows implements CsvEventRows {
  readonly log: EvidenceProblemLog;
  readonly pass: CsvPass = { columns: [], rows: 0, skipped: 0, readable: true };
  private readonly tally: FlatEventTally;

  constructor(
    readonly file: string,
    readonly format: FlatCsvFormat,
    readonly map: EventFieldMap,
    options: EvidenceReadOptions,
  ) {
    this.log = new EvidenceProblemLog(options.onProblem, options.keepProblems);
    this.tally = new FlatEventTally(this.log);
  }

  /** A header without a column for the event id, time or computer refuses the file. */
  readonly checkHeader = (
    columns: readonly string[],
  ): { message: string; expected: string } | undefined => {
    const { map } = this;
    const missing = requiredMapFields.filter((f) => !map[f].some((c) => columns.includes(c)));
    if (missing.length === 0) return undefined;
    return {
      message: `no column for ${missing.join(", ")}`,
      expected: `columns ${missing.map((f) => map[f].join(" or ")).join("; ")}`,
    };
  };

  readRow(
    values: Readonly<Record<string, string>>,
    line: number,
    record: number,
  ): WindowsEvent | undefined {
    const location = { file: this.file, line, record };
    return this.tally.accept(eventFromFlatRecord(values, this.map, location), location);
  }

  countEvent(eventId: number): void {
    this.tally.count(eventId);
  }

  summary(): EvidenceReadSummary {
    const { pass, tally } = this;
    return summariseRead(
      this.file,
      this.format,
      {
        records: pass.rows,
        yielded: tally.yielded,
        skipped: pass.skipped + tally.skipped,
        eventIds: tally.eventIds,
        fields: pass.columns,
      },
      this.log,
    );
  }
}
