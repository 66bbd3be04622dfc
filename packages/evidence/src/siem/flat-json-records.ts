import type { EvidenceFormat } from "../event/evidence-format.ts";
import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import { type EvidenceReadSummary, summariseRead } from "../event/evidence-read-summary.ts";
import type { WindowsEvent } from "../event/windows-event.ts";
import { isJsonObject, parseJsonObject } from "../text/parse-json-object.ts";
import type { JsonRecordCounts } from "../text/read-json-records.ts";
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
 * The record-by-record reading of a flat JSON export through its field map, with the counters and
 * problems of its summary: what `readFlatJsonEvents` streams, and what `groupFlatJsonLogons` falls
 * back to for any line its byte scanner is unsure of, so both read every record the same way.
 */
export class FlatJsonRecords {
  readonly log: EvidenceProblemLog;
  /** Records read and skipped before they were parsed (readJsonRecords counts them). */
  readonly counts: JsonRecordCounts = { records: 0, skipped: 0 };
  /** The keys of the first record read as an object (Splunk's: of its `result`). */
  fields: string[] | undefined;
  private readonly tally: FlatEventTally;
  private readonly names: Set<string>;

  constructor(
    readonly file: string,
    readonly format: FlatJsonFormat,
    readonly map: EventFieldMap,
    options: EvidenceReadOptions,
  ) {
    this.log = new EvidenceProblemLog(options.onProblem, options.keepProblems);
    this.tally = new FlatEventTally(this.log);
    this.names = mappedNames(map);
  }

  /**
   * Reads one record's text (counted in `counts.records`): its event, or undefined when it is not
   * one (reported and skipped) or is a Splunk control line.
   */
  readRecord(text: string, line: number, record: number): WindowsEvent | undefined {
    const location = { file: this.file, line, record };
    const skip = (problem: { code: "JSON_BAD_LINE"; message: string; expected: string }) => {
      this.counts.skipped++;
      this.log.report({ ...location, ...problem, received: excerpt(text) });
    };
    const parsed = parseJsonObject(text, "record");
    if (!parsed.ok) {
      skip({
        code: "JSON_BAD_LINE",
        message: parsed.message,
        expected: parsed.notJson ? "one JSON object per line, or a JSON array of objects" : "{…}",
      });
      return undefined;
    }
    const value = parsed.value;
    let row = value;
    let depth = 1;
    if (this.format === "splunk-json") {
      if (!isJsonObject(value.result)) {
        if (splunkControlKeys.some((k) => Object.hasOwn(value, k))) return undefined;
        this.fields ??= Object.keys(value);
        skip({
          code: "JSON_BAD_LINE",
          message: "a Splunk export line without its result",
          expected: '{"preview":false,"result":{…}}',
        });
        return undefined;
      }
      row = value.result;
      depth = 2;
    }
    this.fields ??= Object.keys(row);
    markRepeatedKeys(text, row, this.names, depth);
    return this.tally.accept(eventFromFlatRecord(row, this.map, location), location);
  }

  /** Counts one more event of `eventId` that passed every check. */
  countEvent(eventId: number): void {
    this.tally.count(eventId);
  }

  summary(): EvidenceReadSummary {
    const { counts, tally, fields } = this;
    return summariseRead(
      this.file,
      this.format,
      {
        records: counts.records,
        yielded: tally.yielded,
        skipped: counts.skipped + tally.skipped,
        eventIds: tally.eventIds,
        ...(fields ? { fields } : {}),
      },
      this.log,
    );
  }
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
