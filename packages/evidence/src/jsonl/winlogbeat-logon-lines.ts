import type { EvidenceLocation } from "../event/evidence-location.ts";
import type { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import { type EvidenceReadSummary, summariseRead } from "../event/evidence-read-summary.ts";
import { normaliseEventTime } from "../event/normalise-event-time.ts";
import { parseRecordId } from "../event/parse-record-id.ts";
import {
  checkEventLogonFields,
  checkLogonFields,
  type LogonFieldProblem,
  logonDataFields,
} from "../logon/check-logon-fields.ts";
import type { LogonEvent } from "../logon/logon-event.ts";
import { parseLogonType, toLogonEvent } from "../logon/to-logon-event.ts";
import { BlockLines } from "../text/block-lines.ts";
import { lineTooLongProblem } from "../text/line-too-long-problem.ts";
import { type LineBlock, maxLineBytes } from "../text/read-line-blocks.ts";
import { findStringEnd, skipJsonSpace } from "./json-bytes.ts";
import { type WinlogbeatFields, walkWinlogbeatLine } from "./walk-winlogbeat-line.ts";
import { winlogbeatEventFromLine } from "./winlogbeat-event-from-json.ts";

/** The event data a LogonEvent needs. */
const wantedData: ReadonlySet<string> = new Set(logonDataFields);

/** True when a backslash (an escape) is in bytes[from, to): values are short, so a loop is cheapest. */
function hasBackslash(bytes: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (bytes[i] === 0x5c) return true;
  return false;
}

/** Why the fast file gave a line to JSON.parse. */
export const fallBack = Symbol("fall back to JSON.parse");

/** The key whose last occurrence in a line gives its event id. */
export const eventIdKey = Buffer.from('"event_id":');

/** The value after a key at `at` (string, number or null) as text; fallBack when unsure. */
function readValue(bytes: Buffer, at: number, end: number): string | typeof fallBack {
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
}

/**
 * The line-by-line reading of a Winlogbeat file's logon events, with the counters and problems of
 * its summary: what `scanWinlogbeatLogons` streams, and what `groupWinlogbeatLogons` falls back to
 * for any line its byte scanner is unsure of, so both read every line the same way.
 */
export class WinlogbeatLogonLines {
  records = 0;
  yielded = 0;
  skipped = 0;
  readonly eventIds = new Map<number, number>();

  constructor(
    private readonly file: string,
    private readonly wanted: ReadonlySet<number>,
    readonly log: EvidenceProblemLog,
  ) {}

  /** Counts one more event of `eventId`. */
  countEvent(eventId: number): void {
    this.eventIds.set(eventId, (this.eventIds.get(eventId) ?? 0) + 1);
  }

  /** A line over the length cap: counted, skipped and reported. */
  readonly tooLong = (line: number): void => {
    this.records++;
    this.skipped++;
    this.log.report(lineTooLongProblem(this.file, line));
  };

  /**
   * The event id of bytes[start, end) from its last `"event_id":` (Winlogbeat writes it near the end
   * of the line, so a native backwards search finds it); fallBack when there is none or it is odd.
   */
  lineEventId(bytes: Buffer, start: number, end: number): number | typeof fallBack {
    const at = bytes.lastIndexOf(eventIdKey, end);
    if (at < start) return fallBack;
    const idText = readValue(bytes, at + eventIdKey.length, end);
    if (idText === fallBack || idText === "") return fallBack;
    const eventId = Number(idText);
    return Number.isInteger(eventId) ? eventId : fallBack;
  }

  /** Reports a record whose logon fields are refused; true when it was. */
  private refused(location: EvidenceLocation, problem: LogonFieldProblem | undefined): boolean {
    if (problem === undefined) return false;
    this.skipped++;
    this.log.report({ ...location, ...problem });
    return true;
  }

  /** Reads one line with JSON.parse: the reference for every line the fast readings are unsure of. */
  slowLine(bytes: Buffer, start: number, end: number, line: number): LogonEvent | undefined {
    const location = { file: this.file, line, record: this.records };
    const parsed = winlogbeatEventFromLine(bytes.toString("utf8", start, end), location);
    if (!parsed.ok) {
      this.skipped++;
      const { ok: _, ...detail } = parsed;
      this.log.report({ code: "JSON_BAD_LINE", ...location, ...detail });
      return undefined;
    }
    if (!this.wanted.has(parsed.event.eventId)) {
      this.countEvent(parsed.event.eventId);
      return undefined;
    }
    if (this.refused(location, checkEventLogonFields(parsed.event))) return undefined;
    this.countEvent(parsed.event.eventId);
    return toLogonEvent(parsed.event);
  }

  /**
   * The logon event of walked fields, as the fast line reading gives it (the fields trimmed, the
   * record id a safe integer or null); undefined when its fields are refused (reported), fallBack
   * when the line must be parsed instead (no time, no computer, an event id that disagrees).
   */
  logonFromFields(
    f: WinlogbeatFields,
    eventId: number,
    line: number,
  ): LogonEvent | undefined | typeof fallBack {
    const time = normaliseEventTime(f.time);
    const computer = f.computer || f.hostName;
    if (time === undefined || computer === "" || Number(f.eventId) !== eventId) return fallBack;
    const d = f.eventData;
    const location = { file: this.file, line, record: this.records };
    if (this.refused(location, checkLogonFields(computer, d))) return undefined;
    this.countEvent(eventId);
    const recordId = parseRecordId(f.recordId);
    return {
      time,
      eventId,
      computer: computer.trim(),
      channel: f.channel.trim(),
      provider: f.provider.trim(),
      recordId,
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
  }

  /** Reads a line of a wanted event id by walking it; fallBack when the walk is unsure. */
  walkLine(
    bytes: Buffer,
    start: number,
    end: number,
    line: number,
    eventId: number,
  ): LogonEvent | undefined | typeof fallBack {
    const f = walkWinlogbeatLine(bytes, start, end, wantedData);
    return f === undefined ? fallBack : this.logonFromFields(f, eventId, line);
  }

  /**
   * Reads one counted line (records already counts it): the fast reading, else JSON.parse. Events of
   * other ids are only counted; refused and malformed lines are reported.
   */
  readLine(bytes: Buffer, start: number, end: number, line: number): LogonEvent | undefined {
    const eventId = this.lineEventId(bytes, start, end);
    let event: LogonEvent | undefined | typeof fallBack = fallBack;
    if (eventId !== fallBack) {
      if (!this.wanted.has(eventId)) {
        this.countEvent(eventId);
        return undefined;
      }
      event = this.walkLine(bytes, start, end, line, eventId);
    }
    if (event === fallBack) event = this.slowLine(bytes, start, end, line);
    if (event !== undefined) this.yielded++;
    return event;
  }

  /**
   * Visits the records of a block of lines: blank lines are skipped, lines over the cap reported,
   * every other line counted in `records` and then visited.
   */
  forEachRecord(
    block: LineBlock,
    visit: (bytes: Buffer, start: number, end: number, line: number) => void,
  ): void {
    const bytes = block.bytes;
    for (const lines = new BlockLines(block); lines.next(); ) {
      const { start, end, line } = lines;
      if (skipJsonSpace(bytes, start, end) === end) continue;
      if (end - start > maxLineBytes) {
        this.tooLong(line);
        continue;
      }
      this.records++;
      visit(bytes, start, end, line);
    }
  }

  /** The summary of what was read. */
  summary(): EvidenceReadSummary {
    return summariseRead(
      this.file,
      "winlogbeat-jsonl",
      {
        records: this.records,
        yielded: this.yielded,
        skipped: this.skipped,
        eventIds: this.eventIds,
      },
      this.log,
    );
  }
}
