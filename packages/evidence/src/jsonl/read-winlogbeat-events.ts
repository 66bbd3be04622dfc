import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import { type EvidenceReadSummary, summariseRead } from "../event/evidence-read-summary.ts";
import type { WindowsEvent } from "../event/windows-event.ts";
import { FlatEventTally } from "../siem/flat-event-tally.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { readJsonRecords } from "../text/read-json-records.ts";
import { winlogbeatEventFromLine } from "./winlogbeat-event-from-json.ts";

/**
 * Streams every event of a Winlogbeat newline-delimited JSON file (ECS fields), each line parsed
 * whole: the reader for `calwise events`. The audit uses the faster `scanWinlogbeatLogons`. A line
 * that is not JSON or lacks the event fields is skipped and reported with its line number.
 */
export async function* readWinlogbeatEvents(
  source: ByteSource,
  options: EvidenceReadOptions = {},
): AsyncGenerator<WindowsEvent, EvidenceReadSummary, undefined> {
  const file = source.name;
  const log = new EvidenceProblemLog(options.onProblem, options.keepProblems);
  const counts = { records: 0, skipped: 0 };
  const tally = new FlatEventTally(log, "JSON_BAD_LINE");
  for await (const { text, line, record } of readJsonRecords(
    source,
    log,
    counts,
    options.onBytes,
    options.jsonArray,
  )) {
    const location = { file, line, record };
    const event = tally.accept(winlogbeatEventFromLine(text, location), location);
    if (event !== undefined) yield event;
  }
  return summariseRead(
    file,
    "winlogbeat-jsonl",
    {
      records: counts.records,
      yielded: tally.yielded,
      skipped: counts.skipped + tally.skipped,
      eventIds: tally.eventIds,
    },
    log,
  );
}
