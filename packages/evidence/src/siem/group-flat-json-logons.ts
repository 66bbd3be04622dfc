import { addLogonBytes, createLogonBytes } from "../event/add-logon-bytes.ts";
import { addLogonEvent } from "../logon/add-logon-event.ts";
import type { EventDeduplicator } from "../logon/event-deduplicator.ts";
import { GroupHandOver } from "../logon/group-hand-over.ts";
import type { GroupLogonOptions } from "../logon/group-logon-options.ts";
import type { LogonGrouping } from "../logon/logon-group.ts";
import { LogonGroupStore } from "../logon/logon-group-store.ts";
import { toLogonEvent } from "../logon/to-logon-event.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { isJsonArraySource } from "../source/is-json-array-source.ts";
import { BlockLines } from "../text/block-lines.ts";
import { describeReadError } from "../text/describe-read-error.ts";
import { lineTooLongProblem } from "../text/line-too-long-problem.ts";
import { readJsonRecords } from "../text/read-json-records.ts";
import { maxLineBytes, readLineBlocks } from "../text/read-line-blocks.ts";
import type { EventFieldMap } from "./event-field-map.ts";
import { type FlatJsonFormat, FlatJsonRecords } from "./flat-json-records.ts";
import { FlatJsonLogonReader } from "./read-flat-json-logon.ts";

/**
 * Groups the logon events of a flat JSON-lines export (Sentinel `SecurityEvent`, Splunk's export
 * lines, flat JSON lines, any JSON lines through a --field-map) from its bytes: the lines of
 * readJsonRecords, each read in place by FlatJsonLogonReader and its group key built from the
 * trimmed bytes, no string or object per line. The first record that sets the summary's fields, and
 * any line the reader is unsure of, are read by the streaming reader's own record code
 * (`FlatJsonRecords`), so problems, counts, groups and their positions are the streaming reader's
 * (property-tested). A top-level JSON array (`az monitor log-analytics query`) is cut into elements by
 * the streaming reader (readJsonRecords), and each element's text read by the same reader from its
 * UTF-8, so only the cut and one copy per element remain of the text reading.
 */
export async function groupFlatJsonLogons(
  source: ByteSource,
  format: FlatJsonFormat,
  map: EventFieldMap,
  options: GroupLogonOptions & { readonly dedupe: EventDeduplicator },
): Promise<LogonGrouping> {
  const file = source.name;
  const records = new FlatJsonRecords(file, format, map, options);
  const { counts, log } = records;
  const store = new LogonGroupStore(file, options.dedupe);
  const wanted = options.eventIds ?? new Set([4624]);
  const { splitAtMs } = options;
  const reader = new FlatJsonLogonReader(map, format === "splunk-json");
  const logon = createLogonBytes(new Uint8Array(0));
  /** Logon events grouped so far: the next one's position (readLogonEvents' numbering). */
  let at = 0;
  const handOver = new GroupHandOver(store, options);
  const grouping = (): LogonGrouping => {
    handOver.finish();
    return {
      summary: { ...records.summary(), yielded: at },
      logons: store.logons,
      duplicates: store.duplicates,
      groups: () => store.groups(),
    };
  };
  const tooLong = (line: number) => {
    counts.records++;
    counts.skipped++;
    log.report(lineTooLongProblem(file, line));
  };
  /** Counts and groups the event just read by `reader` (every check of the record code passed). */
  const addRead = (line: number, record: number) => {
    records.countEvent(logon.eventId);
    if (wanted.has(logon.eventId))
      addLogonBytes(store, logon, at++, { line, record, recordId: logon.recordId }, splitAtMs);
    handOver.between();
  };
  /** The record code's reading of a record's text, grouped when wanted. */
  const readByRecordCode = (text: string, line: number, record: number) => {
    const event = records.readRecord(text, line, record);
    if (event !== undefined && wanted.has(event.eventId))
      addLogonEvent(store, toLogonEvent(event), at++, splitAtMs);
    handOver.between();
  };
  try {
    // Undefined when the first character cannot be read: readJsonRecords then reports why.
    const array = options.jsonArray ?? (await isJsonArraySource(source).catch(() => undefined));
    if (array !== false) {
      // A JSON array's elements, cut by the streaming reader, each read from its text's UTF-8.
      for await (const { text, line, record } of readJsonRecords(
        source,
        log,
        counts,
        handOver.onBytes,
        array,
      )) {
        if (records.fields !== undefined) {
          const bytes = Buffer.from(text);
          if (reader.read(bytes, 0, bytes.length, logon)) {
            addRead(line, record);
            continue;
          }
        }
        readByRecordCode(text, line, record);
      }
      return grouping();
    }
    for await (const block of readLineBlocks(source, handOver.onBytes, tooLong)) {
      const bytes = block.bytes;
      for (const lines = new BlockLines(block); lines.next(); ) {
        const { start, end, line } = lines;
        if (end - start > maxLineBytes) {
          tooLong(line);
          continue;
        }
        if (records.fields !== undefined && reader.read(bytes, start, end, logon)) {
          addRead(line, ++counts.records);
          continue;
        }
        const text = bytes.toString("utf8", start, end).trim();
        if (text === "") continue;
        readByRecordCode(text, line, ++counts.records);
      }
    }
  } catch (error) {
    log.report({ code: "EVIDENCE_UNREADABLE", file, message: describeReadError(error) });
  }
  return grouping();
}
