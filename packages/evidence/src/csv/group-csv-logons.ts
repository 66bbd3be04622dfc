import { trimValueInto } from "../bytes/trim-value-into.ts";
import { addLogonBytes, createLogonBytes, type LogonBytes } from "../event/add-logon-bytes.ts";
import type { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EvidenceReadSummary } from "../event/evidence-read-summary.ts";
import type { WindowsEvent } from "../event/windows-event.ts";
import { addLogonEvent } from "../logon/add-logon-event.ts";
import type { EventDeduplicator } from "../logon/event-deduplicator.ts";
import { GroupHandOver } from "../logon/group-hand-over.ts";
import type { GroupLogonOptions } from "../logon/group-logon-options.ts";
import type { LogonGrouping } from "../logon/logon-group.ts";
import { LogonGroupStore } from "../logon/logon-group-store.ts";
import { toLogonEvent } from "../logon/to-logon-event.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { ByteWindow } from "../source/byte-window.ts";
import { transcodeToUtf8 } from "../source/transcode-to-utf8.ts";
import { detectTextEncoding } from "../text/decode-text-stream.ts";
import { describeReadError } from "../text/describe-read-error.ts";
import {
  type CsvPass,
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

/** How far into a file its `#TYPE` line must end for the byte reading to take it (dropTypeLine's look). */
const typeLineBytes = 4000;

/** The row-by-row reading of a CSV event export: the streaming reader's own row code and counters. */
export interface CsvEventRows {
  readonly log: EvidenceProblemLog;
  readonly pass: CsvPass;
  /** The header check readCsvRows applies: the problem when a needed column is missing. */
  readonly checkHeader: (
    columns: readonly string[],
  ) => { message: string; expected: string } | undefined;
  /** Reads one data row by column name: its event, or undefined when reported and skipped. */
  readRow(
    values: Readonly<Record<string, string>>,
    line: number,
    record: number,
  ): WindowsEvent | undefined;
  /** Counts one more event of `eventId` that passed every check. */
  countEvent(eventId: number): void;
  summary(): EvidenceReadSummary;
}

/** One CSV export's reading from bytes, beside its row code. */
export interface CsvLogonReading {
  readonly rows: CsvEventRows;
  /** Called once the header is read and accepted (`rows.pass.columns`). */
  begin(columns: readonly string[]): void;
  /**
   * Reads the record just cut into `logon` (event id, instant, time text, record id, the trimmed
   * system and logon data ranges) when every check of the row code would pass; false when the row
   * code must read it.
   */
  readBytes(bytes: Buffer, fields: CsvRecordFields, logon: LogonBytes): boolean;
}

/**
 * Groups the logon events of a CSV event export from its bytes: each record is cut strictly
 * (scanCsvRecord) and read in place by `reading.readBytes`, the group key built from the trimmed
 * bytes; no string or object per row. A row it is unsure of is decoded and read by the streaming
 * reader's own row code (`reading.rows`); a record the strict cut does not read (a stray quote, a
 * lone CR, a record past the caps or at the end of the input) hands the rest of the file to the
 * streaming reader, resumed at that record; a UTF-16 file, or a header the cut does not read, is read
 * by it whole. Problems, counts, groups and their positions are the streaming reader's.
 */
export async function groupCsvLogons(
  source: ByteSource,
  options: GroupLogonOptions & { readonly dedupe: EventDeduplicator },
  reading: CsvLogonReading,
  transcoded = false,
): Promise<LogonGrouping> {
  const file = source.name;
  const { rows } = reading;
  const { pass, log } = rows;
  const store = new LogonGroupStore(file, options.dedupe);
  const wanted = options.eventIds ?? new Set([4624]);
  const splitAtMs = options.splitAtMs;
  const handOver = new GroupHandOver(store, options);
  /** Logon events grouped so far: the next one's position (readLogonEvents' numbering). */
  let at = 0;
  const grouping = (): LogonGrouping => {
    handOver.finish();
    return {
      summary: { ...rows.summary(), yielded: at },
      logons: store.logons,
      duplicates: store.duplicates,
      groups: () => store.groups(),
    };
  };
  const addEvent = (event: WindowsEvent | undefined) => {
    if (event !== undefined && wanted.has(event.eventId))
      addLogonEvent(store, toLogonEvent(event), at++, splitAtMs);
    handOver.between();
  };

  const window = new ByteWindow(source, handOver.onBytes);
  let start = 0;
  /** Appends the next piece to the unread bytes from `keepFrom`, the record's start moved with them; false at the end. */
  const fill = async (keepFrom: number): Promise<boolean> => {
    const more = await window.fill(keepFrom);
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
    while (window.end < typeLineBytes + 8 && (await fill(0)));
    // UTF-16 is read as the same text in UTF-8 (its bytes already counted by this reading's onBytes).
    const { encoding, bom } = transcoded
      ? { encoding: "utf-8", bom: 0 }
      : detectTextEncoding(window.bytes.subarray(0, window.end));
    if (encoding !== "utf-8") {
      const { onBytes: _, ...untracked } = options;
      // Awaited here: the window is closed (finally) only once that reading is done.
      return await groupCsvLogons(transcodeToUtf8(window.rest(0)), untracked, reading, true);
    }
    start = bom;
    let lineOffset = 0;
    if (window.bytes[start] === 0x23) {
      const lf = window.bytes.indexOf(0x0a, start);
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
        if (start < window.end && window.bytes[start] === 0x0a) start++;
        else if (
          start + 1 < window.end &&
          window.bytes[start] === 0x0d &&
          window.bytes[start + 1] === 0x0a
        )
          start += 2;
        else return;
        line++;
      }
    };
    // The header.
    let next: number;
    for (;;) {
      skipBlankLines();
      next =
        start >= window.end && window.last
          ? unusualRecord
          : scanCsvRecord(window.bytes, start, window.end, window.last, fields);
      if (next !== needMoreBytes) break;
      if (window.end - start > maxCsvRecordChars || !(await fill(0))) next = unusualRecord;
      if (next === unusualRecord) break;
    }
    if (next === unusualRecord) {
      await readByReference(0);
      return grouping();
    }
    const headerLine = line;
    pass.columns = nameRepeatedColumns(
      Array.from({ length: fields.count }, (_, k) =>
        decodeCsvField(window.bytes, fields, k).trim(),
      ),
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
    reading.begin(pass.columns);
    const logon = createLogonBytes(window.bytes);

    /** The row code's reading of the record just cut: its fields decoded by column name. */
    const readByRowCode = (rowLine: number, record: number) => {
      const values: Record<string, string> = {};
      for (let k = 0; k < pass.columns.length && k < fields.count; k++)
        values[pass.columns[k] as string] = decodeCsvField(window.bytes, fields, k);
      addEvent(rows.readRow(values, rowLine, record));
    };

    for (;;) {
      skipBlankLines();
      if (start >= window.end) {
        if (window.last || !(await fill(start))) break;
        continue;
      }
      const next = scanCsvRecord(window.bytes, start, window.end, window.last, fields);
      if (next === needMoreBytes) {
        if (window.end - start <= maxCsvRecordChars && (await fill(start))) continue;
      } else if (next !== unusualRecord && next - start <= maxCsvRecordChars) {
        // A record of more bytes than the cap's characters may still be within it (UTF-8 takes 1
        // to 4 bytes a character): the streaming reader's guard decides it.
        const record = ++pass.rows;
        const rowLine = line + lineOffset;
        if (!reading.readBytes(window.bytes, fields, logon)) readByRowCode(rowLine, record);
        else {
          // Every check of the row code has passed: the event is counted, and grouped when wanted.
          rows.countEvent(logon.eventId);
          if (wanted.has(logon.eventId)) {
            logon.bytes = window.bytes;
            const place = { line: rowLine, record, recordId: logon.recordId };
            addLogonBytes(store, logon, at++, place, splitAtMs);
          }
          handOver.between();
        }
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

/** Field `k` as core's CsvParser gives it: UTF-8 decoded, `""` read as `"` and CRLF as LF when quoted. */
function decodeCsvField(bytes: Buffer, fields: CsvRecordFields, k: number): string {
  const text = bytes.toString("utf8", fields.starts[k] as number, fields.ends[k] as number);
  if ((fields.flags[k] as number) & escapedQuote)
    return text.replaceAll('""', '"').replace(/\r\n/g, "\n");
  return text.includes("\r\n") ? text.replace(/\r\n/g, "\n") : text;
}

/**
 * Trims field `k` of the record just cut into into[2t], into[2t + 1] (an absent column, k < 0, as
 * an empty range); false when its bytes are not the row code's value (an escaped quote, a CR,
 * invalid UTF-8, a Unicode space at an edge) or, for a name, hold a character checkLogonFields refuses.
 */
export function trimCsvField(
  bytes: Buffer,
  fields: CsvRecordFields,
  k: number,
  into: Int32Array,
  t: number,
  name: boolean,
): boolean {
  if (k < 0) {
    into[2 * t] = 0;
    into[2 * t + 1] = 0;
    return true;
  }
  if ((fields.flags[k] as number) & escapedQuote) return false;
  return trimValueInto(bytes, fields.starts[k] as number, fields.ends[k] as number, into, t, name);
}
