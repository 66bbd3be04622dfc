import { checkValueBytes } from "../bytes/check-value-bytes.ts";
import { readRecordIdDigits } from "../bytes/read-record-id-digits.ts";
import type { LogonBytes } from "../event/add-logon-bytes.ts";
import { readPlainDigits } from "../event/add-logon-bytes.ts";
import { readEventTimeBytes, readTime } from "../event/read-event-time-bytes.ts";
import { logonDataFields } from "../logon/check-logon-fields.ts";
import type { EventDeduplicator } from "../logon/event-deduplicator.ts";
import type { GroupLogonOptions } from "../logon/group-logon-options.ts";
import type { LogonGrouping } from "../logon/logon-group.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { EventCsvRows } from "./event-csv-rows.ts";
import { findMessageLogonFields } from "./find-message-logon-fields.ts";
import { type CsvLogonReading, groupCsvLogons, trimCsvField } from "./group-csv-logons.ts";
import { type CsvRecordFields, escapedQuote } from "./scan-csv-record.ts";

/** The names checkLogonFields refuses a control character in (the computer is checked apart). */
const nameSlots = new Set(
  (["TargetUserName", "TargetDomainName", "WorkstationName"] as const).map((name) =>
    logonDataFields.indexOf(name),
  ),
);
const systemPrefix = Buffer.from("System.");

/**
 * Groups the logon events of a `Get-WinEvent | Export-Csv` file from its bytes (groupCsvLogons): the
 * logon fields are found in the Message's bytes (findMessageLogonFields), the time read in place. A
 * row it is unsure of (an escaped quote in a field it reads, a label or time of another shape, a
 * Properties column with values, a name with a control character, invalid UTF-8, a short row) is read
 * by the streaming reader's own row code (`EventCsvRows`). Problems, counts, groups and their
 * positions are the streaming reader's (property-tested).
 */
export function groupEventCsvLogons(
  source: ByteSource,
  options: GroupLogonOptions & { readonly dedupe: EventDeduplicator },
): Promise<LogonGrouping> {
  return groupCsvLogons(source, options, new EventCsvReading(source.name, options));
}

/** The event CSV's columns by position, and its reading of a row from bytes. */
class EventCsvReading implements CsvLogonReading {
  readonly rows: EventCsvRows;
  private columns = { id: -1, time: -1, computer: -1, message: -1, recordId: -1, provider: -1 };
  private channel = -1;
  private properties = -1;
  private needed = 0;
  private readonly sections: string[] = [];

  constructor(file: string, options: GroupLogonOptions) {
    this.rows = new EventCsvRows(file, options);
  }

  begin(names: readonly string[]): void {
    const column = (name: string) => names.indexOf(name);
    this.columns = {
      id: column("Id"),
      time: column("TimeCreated"),
      computer: column("MachineName"),
      message: column("Message"),
      recordId: column("RecordId"),
      provider: column("ProviderName"),
    };
    this.channel = column("LogName");
    this.properties = column("Properties");
    this.needed = Math.max(...Object.values(this.columns), this.channel, this.properties);
  }

  readBytes(bytes: Buffer, fields: CsvRecordFields, logon: LogonBytes): boolean {
    const { columns } = this;
    if (fields.count <= this.needed || columns.message < 0) return false;
    const idStart = fields.starts[columns.id] as number;
    const idEnd = fields.ends[columns.id] as number;
    const eventId = idEnd - idStart > 9 ? -1 : readPlainDigits(bytes, idStart, idEnd);
    if (eventId < 0) return false;
    if ((fields.flags[columns.time] as number) & escapedQuote) return false;
    const timeStart = fields.starts[columns.time] as number;
    if (!readEventTimeBytes(bytes, timeStart, fields.ends[columns.time] as number, logon.time))
      return false;
    if ((fields.flags[columns.message] as number) & escapedQuote) return false;
    const found = logon.data;
    if (
      !findMessageLogonFields(
        bytes,
        fields.starts[columns.message] as number,
        fields.ends[columns.message] as number,
        eventId,
        found,
        this.sections,
      )
    )
      return false;
    for (let k = 0; k < logonDataFields.length; k++) {
      const from = found[2 * k] as number;
      if (from >= 0 && !checkValueBytes(bytes, from, found[2 * k + 1] as number, nameSlots.has(k)))
        return false;
    }
    if (this.properties >= 0) {
      const from = fields.starts[this.properties] as number;
      const to = fields.ends[this.properties] as number;
      const system =
        to - from >= systemPrefix.length &&
        bytes.compare(systemPrefix, 0, systemPrefix.length, from, from + systemPrefix.length) === 0;
      if (from < to && !system) return false;
    }
    if (!trimCsvField(bytes, fields, columns.computer, logon.system, 0, true)) return false;
    if (!trimCsvField(bytes, fields, this.channel, logon.system, 1, false)) return false;
    if (!trimCsvField(bytes, fields, columns.provider, logon.system, 2, false)) return false;
    let recordId: number | null = null;
    if (columns.recordId >= 0) {
      const id = readRecordIdDigits(
        bytes,
        fields.starts[columns.recordId] as number,
        fields.ends[columns.recordId] as number,
      );
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
