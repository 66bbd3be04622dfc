import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import { type EvidenceReadSummary, summariseRead } from "../event/evidence-read-summary.ts";
import type { WindowsEvent } from "../event/windows-event.ts";
import { checkEventLogonFields } from "../logon/check-logon-fields.ts";
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
  const eventIds = new Map<number, number>();
  const counts = { records: 0, skipped: 0 };
  let yielded = 0;
  for await (const { text, line, record } of readJsonRecords(
    source,
    log,
    counts,
    options.onBytes,
  )) {
    const location = { file, line, record };
    const parsed = winlogbeatEventFromLine(text, location);
    if (!parsed.ok) {
      counts.skipped++;
      const { ok: _, ...detail } = parsed;
      log.report({ code: "JSON_BAD_LINE", ...location, ...detail });
      continue;
    }
    const fieldProblem = checkEventLogonFields(parsed.event);
    if (fieldProblem !== undefined) {
      counts.skipped++;
      log.report({ ...location, ...fieldProblem });
      continue;
    }
    eventIds.set(parsed.event.eventId, (eventIds.get(parsed.event.eventId) ?? 0) + 1);
    yielded++;
    yield parsed.event;
  }
  return summariseRead(
    file,
    "winlogbeat-jsonl",
    { records: counts.records, yielded, skipped: counts.skipped, eventIds },
    log,
  );
}
