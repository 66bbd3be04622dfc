import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import { type EvidenceReadSummary, summariseRead } from "../event/evidence-read-summary.ts";
import type { WindowsEvent } from "../event/windows-event.ts";
import { checkEventLogonFields } from "../logon/check-logon-fields.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { describeReadError } from "../text/describe-read-error.ts";
import { lineTooLongProblem } from "../text/line-too-long-problem.ts";
import { maxLineBytes, readLineBlocks } from "../text/read-line-blocks.ts";
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
  let records = 0;
  let yielded = 0;
  let skipped = 0;
  try {
    const tooLong = (line: number) => {
      records++;
      skipped++;
      log.report(lineTooLongProblem(file, line));
    };
    for await (const block of readLineBlocks(source, options.onBytes, tooLong)) {
      const bytes = block.bytes;
      let line = block.firstLine;
      for (let start = 0; start < bytes.length; line++) {
        let end = bytes.indexOf(10, start);
        if (end === -1) end = bytes.length;
        if (end - start > maxLineBytes) {
          start = end + 1;
          tooLong(line);
          continue;
        }
        const text = bytes.toString("utf8", start, end).trim();
        start = end + 1;
        if (text === "") continue;
        records++;
        const location = { file, line, record: records };
        const parsed = winlogbeatEventFromLine(text, location);
        if (!parsed.ok) {
          skipped++;
          const { ok: _, ...detail } = parsed;
          log.report({ code: "JSON_BAD_LINE", ...location, ...detail });
          continue;
        }
        const fieldProblem = checkEventLogonFields(parsed.event);
        if (fieldProblem !== undefined) {
          skipped++;
          log.report({ ...location, ...fieldProblem });
          continue;
        }
        eventIds.set(parsed.event.eventId, (eventIds.get(parsed.event.eventId) ?? 0) + 1);
        yielded++;
        yield parsed.event;
      }
    }
  } catch (error) {
    log.report({ code: "EVIDENCE_UNREADABLE", file, message: describeReadError(error) });
  }
  return summariseRead(file, "winlogbeat-jsonl", { records, yielded, skipped, eventIds }, log);
}
