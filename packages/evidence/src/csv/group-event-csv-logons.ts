import { isUtf8 } from "node:buffer";
import { hasUnicodeSpaceEdge } from "../bytes/has-unicode-space-edge.ts";
import { isAsciiSpace } from "../bytes/trim-bytes-into.ts";
import { addLogonBytes, createLogonBytes, readPlainDigits } from "../event/add-logon-bytes.ts";
import { readEventTimeBytes, readTime } from "../event/read-event-time-bytes.ts";
import type { WindowsEvent } from "../event/windows-event.ts";
import { addLogonEvent } from "../logon/add-logon-event.ts";
import { logonDataFields } from "../logon/check-logon-fields.ts";
import type { EventDeduplicator } from "../logon/event-deduplicator.ts";
import type { GroupLogonOptions } from "../logon/group-logon-options.ts";
import type { LogonGrouping } from "../logon/logon-group.ts";
import { LogonGroupStore } from "../logon/logon-group-store.ts";
import { toLogonEvent } from "../logon/to-logon-event.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { ByteWindow } from "../source/byte-window.ts";
import { transcodeToUtf8 } from "../source/transcode-to-utf8.ts";
import { detectTextEncoding } from "../text/decode-text-stream.ts";
import { describeReadError } from "../text/describe-read-error.ts";
import { EventCsvRows } from "./event-csv-rows.ts";
import { findMessageLogonFields } from "./find-message-logon-fields.ts";
import {
  type CsvResume,
  maxCsvFields,
  maxCsvRecordChars,
  nameRepeatedColumns,
  readCsvRows,
} from "./read-csv-rows.ts";
import {
  CsvRecordFields,
  escapedQuote,
  needMoreBytes,
  scanCsvRecord,
  unusualRecord,
} from "./scan-csv-record.ts";

/** The names checkLogonFields refuses a control character in (the computer is checked apart). */
const nameSlots = new Set(
  (["TargetUserName", "TargetDomainName", "WorkstationName"] as const).map((name) =>
    logonDataFields.indexOf(name),
  ),
);
const systemPrefix = Buffer.from("System.");
/** How far into a file its `#TYPE` line must end for the byte reading to take it (dropTypeLine's look). */
const typeLineBytes = 4000;

/**
 * Groups the logon events of a `Get-WinEvent | Export-Csv` file from its bytes: each record is cut
 * strictly (scanCsvRecord), the logon fields are found in the Message's bytes
 * (findMessageLogonFields), the time read in place, and the group key built from the trimmed bytes;
 * no string or object per row. A row the scanner is unsure of (an escaped quote in a field it reads,
 * a label or time of another shape, a Properties column with values, a name with a control
 * character, invalid UTF-8, a short row) is decoded and read by the streaming reader's own row code
 * (`EventCsvRows`); a record the strict cut does not read (a stray quote, a lone CR, a record past
 * the caps or at the end of the input) hands the rest of the file to the streaming reader, resumed
 * at that record; a UTF-16 file, or a header the cut does not read, is read by it whole. Problems,
 * counts, groups and their positions are the streaming reader's (property-tested).
 */
export async function groupEventCsvLogons(
  source: ByteSource,
  options: GroupLogonOptions & { readonly dedupe: EventDeduplicator },
  transcoded = false,
): Promise<LogonGrouping> {
  const file = source.name;
  const rows = new EventCsvRows(file, options);
  const { pass, log } = rows;
  const store = new LogonGroupStore(file, options.dedupe);
  const wanted = options.eventIds ?? new Set([4624]);
  const splitAtMs = options.splitAtMs;
  /** Logon events grouped so far: the next one's position (readLogonEvents' numbering). */
  let at = 0;
  const grouping = (): LogonGrouping => ({
    summary: { ...rows.summary(), yielded: at },
    logons: store.logons,
    duplicates: store.duplicates,
    groups: () => store.groups(),
  });
  const addEvent = (event: WindowsEvent | undefined) => {
    if (event !== undefined && wanted.has(event.eventId))
      addLogonEvent(store, toLogonEvent(event), at++, splitAtMs);
  };

  const window = new ByteWindow(source, options.onBytes);
  let bytes = window.bytes;
  let start = 0;
  let end = 0;
  let last = false;
  /** Appends the next piece to the unread bytes from `keepFrom` (moved to the front); false at the end. */
  const fill = async (keepFrom: number): Promise<boolean> => {
    const more = await window.fill(keepFrom);
    bytes = window.bytes;
    end = window.end;
    last = window.last;
    if (more) start -= keepFrom;
    return more;
  };
  /** The streaming reader from here: the whole file, or resumed at a record's start. */
  const readByReference = async (from: number, resume?: CsvResume) => {
    for await (const row of readCsvRows(
      window.rest(from),
      log,
      pass,
      rows.checkHeader,
      undefined,
      resume,
    ))
      addEvent(rows.readRow(row.values, row.line, row.record));
  };

  try {
    // The encoding and a #TYPE line are decided on the first bytes, as the text reading decides them.
    while (end < typeLineBytes + 8 && (await fill(0)));
    // UTF-16 is read as the same text in UTF-8 (its bytes already counted by this reading's onBytes).
    const { encoding, bom } = transcoded
      ? { encoding: "utf-8", bom: 0 }
      : detectTextEncoding(bytes.subarray(0, end));
    if (encoding !== "utf-8") {
      const { onBytes: _, ...untracked } = options;
      // Awaited here: the window is closed (finally) only once that reading is done.
      return await groupEventCsvLogons(transcodeToUtf8(window.rest(0)), untracked, true);
    }
    start = bom;
    let lineOffset = 0;
    if (bytes[start] === 0x23) {
      const lf = bytes.indexOf(0x0a, start);
      if (lf === -1 || lf - start >= typeLineBytes) {
        await readByReference(0);
        return grouping();
      }
      lineOffset = 1;
      start = lf + 1;
    }
    const fields = new CsvRecordFields(maxCsvFields);
    let line = 1;
    /**
     * Skips blank lines read so far (never past `end`: the buffer is reused, and what lies beyond
     * is old bytes); a CR whose LF is not read yet is left for the record cut to ask for more.
     */
    const skipBlankLines = (): void => {
      for (;;) {
        if (start < end && bytes[start] === 0x0a) start++;
        else if (start + 1 < end && bytes[start] === 0x0d && bytes[start + 1] === 0x0a) start += 2;
        else return;
        line++;
      }
    };
    // The header.
    let next: number;
    for (;;) {
      skipBlankLines();
      next = start >= end && last ? unusualRecord : scanCsvRecord(bytes, start, end, last, fields);
      if (next !== needMoreBytes) break;
      if (end - start > maxCsvRecordChars || !(await fill(0))) next = unusualRecord;
      if (next === unusualRecord) break;
    }
    if (next === unusualRecord) {
      await readByReference(0);
      return grouping();
    }
    const headerLine = line;
    pass.columns = nameRepeatedColumns(
      Array.from({ length: fields.count }, (_, k) => decodeField(bytes, fields, k).trim()),
    );
    const refusal = rows.checkHeader(pass.columns);
    if (refusal !== undefined) {
      pass.readable = false;
      log.report({
        code: "CSV_MISSING_COLUMN",
        file,
        line: headerLine + lineOffset,
        message: refusal.message,
        expected: refusal.expected,
        received: pass.columns.join(", "),
      });
      return grouping();
    }
    line += fields.lines;
    start = next;
    const column = (name: string) => pass.columns.indexOf(name);
    const columns = {
      id: column("Id"),
      time: column("TimeCreated"),
      computer: column("MachineName"),
      message: column("Message"),
      recordId: column("RecordId"),
      provider: column("ProviderName"),
      channel: column("LogName"),
      properties: column("Properties"),
    };
    const needed = Math.max(...Object.values(columns));
    const sections: string[] = [];
    const logon = createLogonBytes(bytes);
    const { data: found, time, system: trimmed } = logon;

    /** Trims field `k` into trimmed[2t], [2t + 1]; false when its bytes are not its value. */
    const trimField = (k: number, t: number, name: boolean): boolean => {
      if (k < 0) {
        trimmed[2 * t] = 0;
        trimmed[2 * t + 1] = 0;
        return true;
      }
      if ((fields.flags[k] as number) & escapedQuote) return false;
      let from = fields.starts[k] as number;
      let to = fields.ends[k] as number;
      while (from < to && isAsciiSpace(bytes[from] as number)) from++;
      while (to > from && isAsciiSpace(bytes[to - 1] as number)) to--;
      if (!checkValueBytes(bytes, from, to, name)) return false;
      trimmed[2 * t] = from;
      trimmed[2 * t + 1] = to;
      return true;
    };

    /** Reads a data row from its bytes; false when the row code must read it. */
    const readFast = (rowLine: number, record: number): boolean => {
      if (fields.count <= needed || columns.message < 0) return false;
      const idStart = fields.starts[columns.id] as number;
      const idEnd = fields.ends[columns.id] as number;
      const eventId = idEnd - idStart > 9 ? -1 : readPlainDigits(bytes, idStart, idEnd);
      if (eventId < 0) return false;
      if ((fields.flags[columns.time] as number) & escapedQuote) return false;
      const timeStart = fields.starts[columns.time] as number;
      if (!readEventTimeBytes(bytes, timeStart, fields.ends[columns.time] as number, time))
        return false;
      if ((fields.flags[columns.message] as number) & escapedQuote) return false;
      if (
        !findMessageLogonFields(
          bytes,
          fields.starts[columns.message] as number,
          fields.ends[columns.message] as number,
          eventId,
          found,
          sections,
        )
      )
        return false;
      for (let k = 0; k < logonDataFields.length; k++) {
        const from = found[2 * k] as number;
        if (
          from >= 0 &&
          !checkValueBytes(bytes, from, found[2 * k + 1] as number, nameSlots.has(k))
        )
          return false;
      }
      if (columns.properties >= 0) {
        const from = fields.starts[columns.properties] as number;
        const to = fields.ends[columns.properties] as number;
        const system =
          to - from >= systemPrefix.length &&
          bytes.compare(systemPrefix, 0, systemPrefix.length, from, from + systemPrefix.length) ===
            0;
        if (from < to && !system) return false;
      }
      if (!trimField(columns.computer, 0, true)) return false;
      if (!trimField(columns.channel, 1, false)) return false;
      if (!trimField(columns.provider, 2, false)) return false;
      let recordId: number | null = null;
      if (columns.recordId >= 0) {
        const from = fields.starts[columns.recordId] as number;
        const to = fields.ends[columns.recordId] as number;
        if (to > from) {
          const value = to - from > 15 ? -1 : readPlainDigits(bytes, from, to);
          if (value < 0) return false;
          recordId = value;
        }
      }
      // Every check of the row code has passed: the event is counted, and grouped when wanted.
      rows.countEvent(eventId);
      if (!wanted.has(eventId)) return true;
      logon.bytes = bytes;
      logon.eventId = eventId;
      logon.ms = readTime.ms;
      logon.recordId = recordId;
      logon.timeLength = readTime.length;
      addLogonBytes(store, logon, at++, { line: rowLine, record, recordId }, splitAtMs);
      return true;
    };

    /** The row code's reading of the record just cut: its fields decoded by column name. */
    const readByRowCode = (rowLine: number, record: number) => {
      const values: Record<string, string> = {};
      for (let k = 0; k < pass.columns.length && k < fields.count; k++)
        values[pass.columns[k] as string] = decodeField(bytes, fields, k);
      addEvent(rows.readRow(values, rowLine, record));
    };

    for (;;) {
      skipBlankLines();
      if (start >= end) {
        if (last || !(await fill(start))) break;
        continue;
      }
      const next = scanCsvRecord(bytes, start, end, last, fields);
      if (next === needMoreBytes) {
        if (end - start <= maxCsvRecordChars && (await fill(start))) continue;
      } else if (next !== unusualRecord) {
        pass.rows++;
        if (!readFast(line + lineOffset, pass.rows)) readByRowCode(line + lineOffset, pass.rows);
        line += fields.lines;
        start = next;
        continue;
      }
      await readByReference(start, { line, lineOffset });
      break;
    }
  } catch (error) {
    pass.readable = false;
    log.report({ code: "EVIDENCE_UNREADABLE", file, message: describeReadError(error) });
  } finally {
    await window.close();
  }
  return grouping();
}

/**
 * Whether bytes[from, to) are the UTF-8 of the text the row code would hold (well-formed, no CR,
 * which a quoted CRLF would turn into LF) and, for a name, hold no character checkLogonFields refuses.
 */
function checkValueBytes(bytes: Buffer, from: number, to: number, name: boolean): boolean {
  let high = false;
  for (let index = from; index < to; index++) {
    const byte = bytes[index] as number;
    if (byte >= 0x80) {
      high = true;
      if (name && byte === 0xc2) {
        const next = bytes[index + 1] as number;
        if (next >= 0x80 && next <= 0x9f) return false;
      }
    } else if (byte === 0x0d || (name && (byte < 0x20 || byte === 0x7f))) return false;
  }
  // A JavaScript trim would also remove a Unicode space at an edge.
  return !high || (!hasUnicodeSpaceEdge(bytes, from, to) && isUtf8(bytes.subarray(from, to)));
}

/** Field `k` as core's CsvParser gives it: UTF-8 decoded, `""` read as `"` and CRLF as LF when quoted. */
function decodeField(bytes: Buffer, fields: CsvRecordFields, k: number): string {
  const text = bytes.toString("utf8", fields.starts[k] as number, fields.ends[k] as number);
  if ((fields.flags[k] as number) & escapedQuote)
    return text.replaceAll('""', '"').replace(/\r\n/g, "\n");
  return text.includes("\r\n") ? text.replace(/\r\n/g, "\n") : text;
}
