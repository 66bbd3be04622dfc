import type { EvidenceLocation } from "../event/evidence-location.ts";
import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import { type EvidenceReadSummary, summariseRead } from "../event/evidence-read-summary.ts";
import { normaliseEventTime } from "../event/normalise-event-time.ts";
import {
  checkEventLogonFields,
  checkLogonFields,
  type LogonFieldProblem,
  logonDataFields,
} from "../logon/check-logon-fields.ts";
import type { LogonEvent } from "../logon/logon-event.ts";
import { parseLogonType, toLogonEvent } from "../logon/to-logon-event.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { describeReadError } from "../text/describe-read-error.ts";
import { lineTooLongProblem } from "../text/line-too-long-problem.ts";
import { maxLineBytes, readLineBlocks } from "../text/read-line-blocks.ts";
import { findStringEnd, skipJsonSpace } from "./json-bytes.ts";
import { walkWinlogbeatLine } from "./walk-winlogbeat-line.ts";
import { winlogbeatEventFromLine } from "./winlogbeat-event-from-json.ts";

/** What scanWinlogbeatLogons reads besides the generic options. */
export interface ScanLogonOptions extends EvidenceReadOptions {
  /** Event ids to yield (default 4624); the others are only counted. */
  readonly eventIds?: ReadonlySet<number>;
}

/** The event data a LogonEvent needs. */
const wantedData: ReadonlySet<string> = new Set(logonDataFields);

/** True when a backslash (an escape) is in bytes[from, to): values are short, so a loop is cheapest. */
function hasBackslash(bytes: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (bytes[i] === 0x5c) return true;
  return false;
}

/** Why the fast file gave a line to JSON.parse. */
const fallBack = Symbol("fall back to JSON.parse");

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
  const file = source.name;
  const wanted = options.eventIds ?? new Set([4624]);
  const log = new EvidenceProblemLog(options.onProblem, options.keepProblems);
  const eventIds = new Map<number, number>();
  let records = 0;
  let yielded = 0;
  let skipped = 0;
  const eventIdKey = Buffer.from('"event_id":');

  /** The value after a key at `at` (string, number or null) as text; fallBack when unsure. */
  const readValue = (bytes: Buffer, at: number, end: number): string | typeof fallBack => {
    const v = skipJsonSpace(bytes, at, end);
    const b = bytes[v];
    if (b === 0x22) {
      const close = bytes.indexOf(0x22, v + 1);
      if (close === -1 || close >= end) return fallBack;
      if (!hasBackslash(bytes, v + 1, close)) return bytes.toString("utf8", v + 1, close);
      const realClose = findStringEnd(bytes, v, end);
      if (realClose === -1) return fallBack;
      try {
        return JSON.parse(bytes.toString("utf8", v, realClose + 1)) as string;
      } catch {
        return fallBack;
      }
    }
    let i = v;
    while (i < end) {
      const c = bytes[i] as number;
      if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0x2b || (c | 0x20) === 0x65)
        i++;
      else break;
    }
    if (i > v) return bytes.toString("latin1", v, i);
    if (bytes.toString("latin1", v, v + 4) === "null") return "";
    return fallBack;
  };

  /** Reports a record whose logon fields are refused; true when it was. */
  const refused = (location: EvidenceLocation, problem: LogonFieldProblem | undefined): boolean => {
    if (problem === undefined) return false;
    skipped++;
    log.report({ ...location, ...problem });
    return true;
  };
  const slowLine = (
    bytes: Buffer,
    start: number,
    end: number,
    line: number,
  ): LogonEvent | undefined => {
    const location = { file, line, record: records };
    const parsed = winlogbeatEventFromLine(bytes.toString("utf8", start, end), location);
    if (!parsed.ok) {
      skipped++;
      const { ok: _, ...detail } = parsed;
      log.report({ code: "JSON_BAD_LINE", ...location, ...detail });
      return undefined;
    }
    if (!wanted.has(parsed.event.eventId)) {
      eventIds.set(parsed.event.eventId, (eventIds.get(parsed.event.eventId) ?? 0) + 1);
      return undefined;
    }
    if (refused(location, checkEventLogonFields(parsed.event))) return undefined;
    eventIds.set(parsed.event.eventId, (eventIds.get(parsed.event.eventId) ?? 0) + 1);
    return toLogonEvent(parsed.event);
  };

  const fastLine = (
    bytes: Buffer,
    start: number,
    end: number,
    line: number,
  ): LogonEvent | undefined | typeof fallBack => {
    // winlog.event_id sits near the end of Winlogbeat's lines: search backwards from the line end.
    // Only the count of an unwanted event could be misread by this; a wanted line is walked exactly.
    const at = bytes.lastIndexOf(eventIdKey, end);
    if (at < start) return fallBack;
    const idText = readValue(bytes, at + eventIdKey.length, end);
    if (idText === fallBack || idText === "") return fallBack;
    const eventId = Number(idText);
    if (!Number.isInteger(eventId)) return fallBack;
    if (!wanted.has(eventId)) {
      eventIds.set(eventId, (eventIds.get(eventId) ?? 0) + 1);
      return undefined;
    }
    const f = walkWinlogbeatLine(bytes, start, end, wantedData);
    if (f === undefined) return fallBack;
    const time = normaliseEventTime(f.time);
    const computer = f.computer || f.hostName;
    if (time === undefined || computer === "" || Number(f.eventId) !== eventId) return fallBack;
    const d = f.eventData;
    const location = { file, line, record: records };
    if (refused(location, checkLogonFields(computer, d))) return undefined;
    eventIds.set(eventId, (eventIds.get(eventId) ?? 0) + 1);
    const recordId = f.recordId === "" ? null : Number(f.recordId);
    return {
      time,
      eventId,
      computer: computer.trim(),
      channel: f.channel.trim(),
      provider: f.provider.trim(),
      recordId: recordId !== null && Number.isSafeInteger(recordId) ? recordId : null,
      logonType: parseLogonType(d.LogonType),
      targetUserName: (d.TargetUserName ?? "").trim(),
      targetDomainName: (d.TargetDomainName ?? "").trim(),
      targetUserSid: (d.TargetUserSid ?? "").trim(),
      workstationName: (d.WorkstationName ?? "").trim(),
      ipAddress: (d.IpAddress ?? "").trim(),
      logonProcessName: (d.LogonProcessName ?? "").trim(),
      authenticationPackageName: (d.AuthenticationPackageName ?? "").trim(),
      location,
    };
  };

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
        const lineStart = start;
        start = end + 1;
        if (skipJsonSpace(bytes, lineStart, end) === end) continue;
        if (end - lineStart > maxLineBytes) {
          tooLong(line);
          continue;
        }
        records++;
        const fast = fastLine(bytes, lineStart, end, line);
        const event = fast === fallBack ? slowLine(bytes, lineStart, end, line) : fast;
        if (event === undefined) continue;
        yielded++;
        yield event;
      }
    }
  } catch (error) {
    log.report({ code: "EVIDENCE_UNREADABLE", file, message: describeReadError(error) });
  }
  return summariseRead(file, "winlogbeat-jsonl", { records, yielded, skipped, eventIds }, log);
}
