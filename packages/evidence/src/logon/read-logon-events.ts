import type { EvidenceReadSummary } from "../event/evidence-read-summary.ts";
import { type EventFormat, readWindowsEvents } from "../event/read-windows-events.ts";
import { type ScanLogonOptions, scanWinlogbeatLogons } from "../jsonl/scan-winlogbeat-logons.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { isJsonArraySource } from "../source/is-json-array-source.ts";
import type { LogonEvent } from "./logon-event.ts";
import { toLogonEvent } from "./to-logon-event.ts";

/**
 * Streams the logon events (by default 4624; `eventIds` widens it) of an event source in any event
 * format; every other event is only counted in the summary's `eventIds`. Winlogbeat files take the
 * fast byte scanner (a Winlogbeat JSON array, which has no lines to scan, does not); the others
 * project their WindowsEvents.
 */
export async function* readLogonEvents(
  source: ByteSource,
  format: EventFormat,
  options: ScanLogonOptions = {},
): AsyncGenerator<LogonEvent, EvidenceReadSummary, undefined> {
  const jsonArray =
    format === "winlogbeat-jsonl"
      ? (options.jsonArray ?? (await isJsonArraySource(source)))
      : options.jsonArray;
  if (format === "winlogbeat-jsonl" && !jsonArray)
    return yield* scanWinlogbeatLogons(source, options);
  const wanted = options.eventIds ?? new Set([4624]);
  const events = readWindowsEvents(
    source,
    format,
    jsonArray === undefined ? options : { ...options, jsonArray },
  );
  let yielded = 0;
  for (;;) {
    const next = await events.next();
    if (next.done) return { ...next.value, yielded };
    if (!wanted.has(next.value.eventId)) continue;
    yielded++;
    yield toLogonEvent(next.value);
  }
}
