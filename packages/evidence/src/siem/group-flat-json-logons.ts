import { addLogonBytes, createLogonBytes } from "../event/add-logon-bytes.ts";
import { addLogonEvent } from "../logon/add-logon-event.ts";
import type { EventDeduplicator } from "../logon/event-deduplicator.ts";
import type { GroupLogonOptions } from "../logon/group-logon-options.ts";
import type { LogonGrouping } from "../logon/logon-group.ts";
import { LogonGroupStore } from "../logon/logon-group-store.ts";
import { toLogonEvent } from "../logon/to-logon-event.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { BlockLines } from "../text/block-lines.ts";
import { describeReadError } from "../text/describe-read-error.ts";
import { lineTooLongProblem } from "../text/line-too-long-problem.ts";
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
 * (property-tested). A JSON array is the caller's to read through the streaming reader.
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
  const tooLong = (line: number) => {
    counts.records++;
    counts.skipped++;
    log.report(lineTooLongProblem(file, line));
  };
  try {
    for await (const block of readLineBlocks(source, options.onBytes, tooLong)) {
      const bytes = block.bytes;
      for (const lines = new BlockLines(block); lines.next(); ) {
        const { start, end, line } = lines;
        if (end - start > maxLineBytes) {
          tooLong(line);
          continue;
        }
        if (records.fields !== undefined && reader.read(bytes, start, end, logon)) {
          // Every check of the record code has passed: the event is counted, and grouped when wanted.
          const record = ++counts.records;
          records.countEvent(logon.eventId);
          if (wanted.has(logon.eventId))
            addLogonBytes(
              store,
              logon,
              at++,
              { line, record, recordId: logon.recordId },
              splitAtMs,
            );
          continue;
        }
        const text = bytes.toString("utf8", start, end).trim();
        if (text === "") continue;
        const event = records.readRecord(text, line, ++counts.records);
        if (event !== undefined && wanted.has(event.eventId))
          addLogonEvent(store, toLogonEvent(event), at++, splitAtMs);
      }
    }
  } catch (error) {
    log.report({ code: "EVIDENCE_UNREADABLE", file, message: describeReadError(error) });
  }
  return {
    summary: { ...records.summary(), yielded: at },
    logons: store.logons,
    duplicates: store.duplicates,
    groups: () => store.groups(),
  };
}
