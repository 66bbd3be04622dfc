import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import type { EvidenceReadSummary } from "../event/evidence-read-summary.ts";
import type { LogonEvent } from "../logon/logon-event.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { describeReadError } from "../text/describe-read-error.ts";
import { readLineBlocks } from "../text/read-line-blocks.ts";
import { WinlogbeatLogonLines } from "./winlogbeat-logon-lines.ts";

/** What scanWinlogbeatLogons reads besides the generic options. */
export interface ScanLogonOptions extends EvidenceReadOptions {
  /** Event ids to yield (default 4624); the others are only counted. */
  readonly eventIds?: ReadonlySet<number>;
}

/**
 * Streams the logon events of a Winlogbeat JSON-lines file fast: instead of parsing every line, it
 * finds the last `"event_id":` of the line with a native backwards byte search and counts lines of
 * other event ids without decoding them; a wanted line is walked structurally (walkWinlogbeatLine),
 * decoding only the fields a LogonEvent needs. Exactness is kept by handing a line to JSON.parse
 * whenever the fast file is unsure: no `"event_id":`, a walk that disagrees with it, a line that is not
 * one well-formed object, no time or computer. Escaped strings are decoded by JSON.parse.
 */
export async function* scanWinlogbeatLogons(
  source: ByteSource,
  options: ScanLogonOptions = {},
): AsyncGenerator<LogonEvent, EvidenceReadSummary, undefined> {
  const lines = new WinlogbeatLogonLines(
    source.name,
    options.eventIds ?? new Set([4624]),
    new EvidenceProblemLog(options.onProblem, options.keepProblems),
  );
  try {
    const events: LogonEvent[] = [];
    const read = (bytes: Buffer, start: number, end: number, line: number) => {
      const event = lines.readLine(bytes, start, end, line);
      if (event !== undefined) events.push(event);
    };
    for await (const block of readLineBlocks(source, options.onBytes, lines.tooLong)) {
      // A block's events are yielded together: memory holds one block's, as it holds its bytes.
      lines.forEachRecord(block, read);
      yield* events;
      events.length = 0;
    }
  } catch (error) {
    lines.log.report({
      code: "EVIDENCE_UNREADABLE",
      file: source.name,
      message: describeReadError(error),
    });
  }
  return lines.summary();
}
