import { readRecordIdDigits } from "../bytes/read-record-id-digits.ts";
import { type CsvLogonReading, groupCsvLogons, trimCsvField } from "../csv/group-csv-logons.ts";
import { type CsvRecordFields, escapedQuote } from "../csv/scan-csv-record.ts";
import { type LogonBytes, readPlainDigits } from "../event/add-logon-bytes.ts";
import { readEventTimeBytes, readTime } from "../event/read-event-time-bytes.ts";
import { logonDataFields } from "../logon/check-logon-fields.ts";
import type { EventDeduplicator } from "../logon/event-deduplicator.ts";
import type { GroupLogonOptions } from "../logon/group-logon-options.ts";
import type { LogonGrouping } from "../logon/logon-group.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { type EventFieldMap, eventMapFields } from "./event-field-map.ts";
import { type FlatCsvFormat, FlatCsvRows } from "./flat-csv-rows.ts";

/** The logon data checkLogonFields refuses a control character in (the computer is checked apart). */
const names: readonly string[] = ["TargetUserName", "TargetDomainName", "WorkstationName"];
const isNameSlot = logonDataFields.map((name) => names.includes(name));

/**
 * Groups the logon events of a flat CSV export (Sentinel / Log Analytics `SecurityEvent`, or any CSV
 * through a --field-map) from its bytes (groupCsvLogons): each field the map names is read in place
 * at the column the header gives it, the time by readEventTimeBytes. A row it is unsure of (a short
 * or long row, an escaped quote in a field it reads, an event id or record id that is not plain
 * digits, a time of another shape, an empty computer, a name with a control character, invalid
 * UTF-8) is read by the streaming reader's own row code (`FlatCsvRows`); a header that repeats a
 * mapped logon column sends every row there. Problems, counts, groups and their positions are the
 * streaming reader's (property-tested).
 */
export function groupFlatCsvLogons(
  source: ByteSource,
  format: FlatCsvFormat,
  map: EventFieldMap,
  options: GroupLogonOptions & { readonly dedupe: EventDeduplicator },
): Promise<LogonGrouping> {
  return groupCsvLogons(source, options, new FlatCsvReading(source.name, format, map, options));
}

/** The map's columns by position in the header, and the reading of a row from bytes. */
class FlatCsvReading implements CsvLogonReading {
  readonly rows: FlatCsvRows;
  private columnCount = 0;
  /** The header's column for each of eventMapFields (event id, time, computer…), or -1. */
  private system = new Int32Array(6);
  /** The logon data's columns (logonDataFields' order), -1 when the header has none. */
  private data = new Int32Array(logonDataFields.length);
  /** False when no row can be read from bytes (a mapped logon column repeated). */
  private fast = true;
  private readonly recordIdRange = new Int32Array(2);

  constructor(
    file: string,
    format: FlatCsvFormat,
    private readonly map: EventFieldMap,
    options: GroupLogonOptions,
  ) {
    this.rows = new FlatCsvRows(file, format, map, options);
  }

  begin(columns: readonly string[]): void {
    const { map } = this;
    // Every column is in every full row, so the first of a field's names the header has is the one
    // eventFromFlatRecord picks in each.
    const first = (names: readonly string[]) => {
      for (const name of names) {
        const at = columns.indexOf(name);
        if (at >= 0) return at;
      }
      return -1;
    };
    this.columnCount = columns.length;
    eventMapFields.forEach((field, k) => {
      this.system[k] = first(map[field]);
    });
    logonDataFields.forEach((field, k) => {
      const at = first(map.data[field]);
      this.data[k] = at;
      // The row code carries a repeat over (`Name#2`) so that checkLogonFields refuses the row.
      if (at >= 0 && columns.includes(`${columns[at]}#2`)) this.fast = false;
    });
  }

  readBytes(bytes: Buffer, fields: CsvRecordFields, logon: LogonBytes): boolean {
    const { system } = this;
    if (!this.fast || fields.count !== this.columnCount) return false;
    const idColumn = system[0] as number;
    if ((fields.flags[idColumn] as number) & escapedQuote) return false;
    const idStart = fields.starts[idColumn] as number;
    const idEnd = fields.ends[idColumn] as number;
    const eventId = idEnd - idStart > 9 ? -1 : readPlainDigits(bytes, idStart, idEnd);
    if (eventId < 0) return false;
    const timeColumn = system[1] as number;
    if ((fields.flags[timeColumn] as number) & escapedQuote) return false;
    const timeEnd = fields.ends[timeColumn] as number;
    if (!readEventTimeBytes(bytes, fields.starts[timeColumn] as number, timeEnd, logon.time))
      return false;
    const place = logon.system;
    if (!trimCsvField(bytes, fields, system[2] as number, place, 0, true)) return false;
    if (place[0] === place[1]) return false;
    if (!trimCsvField(bytes, fields, system[4] as number, place, 1, false)) return false;
    if (!trimCsvField(bytes, fields, system[5] as number, place, 2, false)) return false;
    const found = logon.data;
    for (let k = 0; k < logonDataFields.length; k++) {
      const column = this.data[k] as number;
      if (column < 0) found[2 * k] = -1;
      else if (!trimCsvField(bytes, fields, column, found, k, isNameSlot[k] === true)) return false;
    }
    let recordId: number | null = null;
    const range = this.recordIdRange;
    if ((system[3] as number) >= 0) {
      if (!trimCsvField(bytes, fields, system[3] as number, range, 0, false)) return false;
      const id = readRecordIdDigits(bytes, range[0] as number, range[1] as number);
      if (id === undefined) return false;
      recordId = id;
    }
    logon.eventId = eventId;
    logon.ms = readTime.ms;
    logon.recordId = recordId;
    logon.timeLength = readTime.length;
    return true;
  }
}
