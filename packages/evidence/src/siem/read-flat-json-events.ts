import type { EvidenceFormat } from "../event/evidence-format.ts";
import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import { type EvidenceReadSummary, summariseRead } from "../event/evidence-read-summary.ts";
import type { WindowsEvent } from "../event/windows-event.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { isJsonObject, parseJsonObject } from "../text/parse-json-object.ts";
import { type JsonRecordCounts, readJsonRecords } from "../text/read-json-records.ts";
import type { EventFieldMap } from "./event-field-map.ts";
import { eventFromFlatRecord } from "./event-from-flat-record.ts";
import { FlatEventTally } from "./flat-event-tally.ts";
import { markRepeatedKeys } from "./mark-repeated-keys.ts";

/** The JSON exports of flat event records, each read through its field map. */
export type FlatJsonFormat = Extract<
  EvidenceFormat,
  "sentinel-json" | "splunk-json" | "flat-json" | "mapped-json"
>;

/** Splunk export lines that carry no result (progress, messages, the last-row marker). */
const splunkControlKeys = ["preview", "lastrow", "messages", "init_offset", "offset"];

/** Every source name a map reads, so a repeat of any of them is found. */
function mappedNames(map: EventFieldMap): Set<string> {
  return new Set(Object.values(map.data).flat());
}

/**
 * Streams the events of a flat JSON export (JSON lines or one top-level array): Sentinel's
 * `SecurityEvent` rows, Splunk's export lines (`{"preview":false,"result":{…}}`, the event in
 * `result`), flat JSON lines with the event data at the top level, or any JSON through a --field-map.
 * A record that is not an object, or lacks a usable event id, time or computer, is skipped and
 * reported with its line; so is one whose logon fields fail the one check every reader applies.
 */
export async function* readFlatJsonEvents(
  source: ByteSource,
  format: FlatJsonFormat,
  map: EventFieldMap,
  options: EvidenceReadOptions = {},
): AsyncGenerator<WindowsEvent, EvidenceReadSummary, undefined> {
  const file = source.name;
  const log = new EvidenceProblemLog(options.onProblem, options.keepProblems);
  const counts: JsonRecordCounts = { records: 0, skipped: 0 };
  const tally = new FlatEventTally(log);
  const names = mappedNames(map);
  let fields: string[] | undefined;
  for await (const { text, line, record } of readJsonRecords(
    source,
    log,
    counts,
    options.onBytes,
    options.jsonArray,
  )) {
    const location = { file, line, record };
    const skip = (problem: { code: "JSON_BAD_LINE"; message: string; expected: string }) => {
      counts.skipped++;
      log.report({ ...location, ...problem, received: excerpt(text) });
    };
    const parsed = parseJsonObject(text, "record");
    if (!parsed.ok) {
      skip({
        code: "JSON_BAD_LINE",
        message: parsed.message,
        expected: parsed.notJson ? "one JSON object per line, or a JSON array of objects" : "{…}",
      });
      continue;
    }
    const value = parsed.value;
    let row = value;
    let depth = 1;
    if (format === "splunk-json") {
      if (!isJsonObject(value.result)) {
        if (splunkControlKeys.some((k) => Object.hasOwn(value, k))) continue;
        fields ??= Object.keys(value);
        skip({
          code: "JSON_BAD_LINE",
          message: "a Splunk export line without its result",
          expected: '{"preview":false,"result":{…}}',
        });
        continue;
      }
      row = value.result;
      depth = 2;
    }
    fields ??= Object.keys(row);
    markRepeatedKeys(text, row, names, depth);
    const event = tally.accept(eventFromFlatRecord(row, map, location), location);
    if (event !== undefined) yield event;
  }
  return summariseRead(
    file,
    format,
    {
      records: counts.records,
      yielded: tally.yielded,
      skipped: counts.skipped + tally.skipped,
      eventIds: tally.eventIds,
      ...(fields ? { fields } : {}),
    },
    log,
  );
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
