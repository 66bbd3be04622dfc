import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import { type EvidenceReadSummary, summariseRead } from "../event/evidence-read-summary.ts";
import type { WindowsEvent } from "../event/windows-event.ts";
import { checkEventLogonFields } from "../logon/check-logon-fields.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { readSourceBytes } from "../source/read-source-bytes.ts";
import { decodeTextStream } from "../text/decode-text-stream.ts";
import { describeReadError } from "../text/describe-read-error.ts";
import { parseEventXml } from "./parse-event-xml.ts";
import { splitEventXml } from "./split-event-xml.ts";

/**
 * Streams the events of an event XML export (`wevtutil qe Security /f:xml`, or Event Viewer's "Save
 * as XML" with its `<Events>` wrapper), UTF-8 or UTF-16, one `<Event>` in memory at a time. A bad
 * element is skipped and reported with its line and event number.
 */
export async function* readEventXml(
  source: ByteSource,
  options: EvidenceReadOptions = {},
): AsyncGenerator<WindowsEvent, EvidenceReadSummary, undefined> {
  const file = source.name;
  const log = new EvidenceProblemLog(options.onProblem, options.keepProblems);
  const eventIds = new Map<number, number>();
  let records = 0;
  let yielded = 0;
  let skipped = 0;
  const pieces = splitEventXml(decodeTextStream(readSourceBytes(source, options.onBytes)), (d) => {
    skipped++;
    log.report({
      code: d.code,
      file,
      line: d.line,
      record: d.record,
      message: d.message,
    });
  });
  try {
    for await (const piece of pieces) {
      records++;
      const location = { file, line: piece.line, record: piece.record };
      const parsed = parseEventXml(piece.xml, location);
      if (!parsed.ok) {
        skipped++;
        const { ok: _, code, ...detail } = parsed;
        log.report({ code: code ?? "XML_BAD_EVENT", ...location, ...detail });
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
  } catch (error) {
    log.report({ code: "EVIDENCE_UNREADABLE", file, message: describeReadError(error) });
  }
  return summariseRead(file, "event-xml", { records, yielded, skipped, eventIds }, log);
}
