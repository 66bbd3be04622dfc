import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import { type EvidenceReadSummary, summariseRead } from "../event/evidence-read-summary.ts";
import type { WindowsEvent } from "../event/windows-event.ts";
import { FlatEventTally } from "../siem/flat-event-tally.ts";
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
  const tally = new FlatEventTally(log, "XML_BAD_EVENT");
  let records = 0;
  const pieces = splitEventXml(decodeTextStream(readSourceBytes(source, options.onBytes)), (d) => {
    tally.skipped++;
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
      const event = tally.accept(parseEventXml(piece.xml, location), location);
      if (event !== undefined) yield event;
    }
  } catch (error) {
    log.report({ code: "EVIDENCE_UNREADABLE", file, message: describeReadError(error) });
  }
  const { yielded, skipped, eventIds } = tally;
  return summariseRead(file, "event-xml", { records, yielded, skipped, eventIds }, log);
}
