import { isUtf8 } from "node:buffer";
import { readRecordIdDigits } from "../bytes/read-record-id-digits.ts";
import { trimBytesInto } from "../bytes/trim-bytes-into.ts";
import { addLogonBytes, createLogonBytes, readPlainDigits } from "../event/add-logon-bytes.ts";
import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import { summariseRead } from "../event/evidence-read-summary.ts";
import { readEventTimeBytes, readTime } from "../event/read-event-time-bytes.ts";
import { addLogonEvent } from "../logon/add-logon-event.ts";
import { logonDataFields } from "../logon/check-logon-fields.ts";
import type { EventDeduplicator } from "../logon/event-deduplicator.ts";
import { GroupHandOver } from "../logon/group-hand-over.ts";
import type { GroupLogonOptions } from "../logon/group-logon-options.ts";
import type { LogonGrouping } from "../logon/logon-group.ts";
import { LogonGroupStore } from "../logon/logon-group-store.ts";
import { toLogonEvent } from "../logon/to-logon-event.ts";
import { FlatEventTally } from "../siem/flat-event-tally.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { ByteWindow } from "../source/byte-window.ts";
import { transcodeToUtf8 } from "../source/transcode-to-utf8.ts";
import { decodeTextStream, detectTextEncoding } from "../text/decode-text-stream.ts";
import { describeReadError } from "../text/describe-read-error.ts";
import { parseEventXml } from "./parse-event-xml.ts";
import {
  EventXmlData,
  notPlain,
  plainWithHighBytes,
  scanEventXmlBytes,
  xmlChannel,
  xmlComputer,
  xmlEventId,
  xmlProvider,
  xmlRecordId,
  xmlTime,
} from "./scan-event-xml-bytes.ts";
import { type EventXmlSplitDefect, maxEventXmlLength, splitEventXml } from "./split-event-xml.ts";

const startTag = Buffer.from("<Event");
const endTag = Buffer.from("</Event>");
const logonNames = logonDataFields.map((name) => Buffer.from(name));
/** The logon fields by their name's first byte: a Data name is compared with these only. */
const logonSlotsByFirstByte: readonly (readonly number[])[] = Array.from(
  { length: 256 },
  (_, byte) => logonNames.flatMap((name, k) => (name[0] === byte ? [k] : [])),
);
/** The shortest logon field name: a shorter Data name is none of them. */
const shortestLogonName = Math.min(...logonNames.map((name) => name.length));
/** The data slots checkLogonFields refuses a control character in. */
const nameSlots = (["TargetUserName", "TargetDomainName", "WorkstationName"] as const).map((name) =>
  logonDataFields.indexOf(name),
);

/** What follows `<Event` at bytes[at]: 1 a start tag (`[\s>/]`), 0 not one, -1 unsure (non-ASCII). */
function startTagAt(bytes: Buffer, at: number): number {
  const c = bytes[at] as number;
  if (c === 0x3e || c === 0x2f || c === 0x20 || (c >= 0x09 && c <= 0x0d)) return 1;
  return c >= 0x80 ? -1 : 0;
}

/**
 * Groups the logon events of an event XML export (`wevtutil qe /f:xml`, Event Viewer's "Save as
 * XML") from its bytes: elements are cut at `<Event` and `</Event>` as splitEventXml cuts them, each
 * is scanned in place (scanEventXmlBytes, the byte form of scanEventXml), and the group key built
 * from the trimmed bytes of its fields; no text, WindowsEvent or LogonEvent per event. An element the
 * scanner does not read (any other shape, invalid UTF-8, a time or id of another form, a field the
 * logon check would refuse) is decoded and read by parseEventXml, as the streaming reader reads it;
 * where the cut is unsure (an element not closed, one past the length cap, `<Event` before a
 * non-ASCII byte) the rest of the file goes to the streaming splitter, resumed there; a UTF-16 file
 * is read by the streaming reader whole. Problems, counts, groups and their positions are the
 * streaming reader's (property-tested).
 */
export async function groupEventXmlLogons(
  source: ByteSource,
  options: GroupLogonOptions & { readonly dedupe: EventDeduplicator },
  transcoded = false,
): Promise<LogonGrouping> {
  const file = source.name;
  const log = new EvidenceProblemLog(options.onProblem, options.keepProblems);
  const tally = new FlatEventTally(log, "XML_BAD_EVENT");
  const store = new LogonGroupStore(file, options.dedupe);
  const wanted = options.eventIds ?? new Set([4624]);
  const splitAtMs = options.splitAtMs;
  let records = 0;
  /** Logon events grouped so far: the next one's position (readLogonEvents' numbering). */
  let at = 0;
  const handOver = new GroupHandOver(store, options);
  const grouping = (): LogonGrouping => {
    handOver.finish();
    const { skipped, eventIds } = tally;
    return {
      summary: {
        ...summariseRead(file, "event-xml", { records, yielded: at, skipped, eventIds }, log),
      },
      logons: store.logons,
      duplicates: store.duplicates,
      groups: () => store.groups(),
    };
  };
  /** The streaming reader's reading of one element's text. */
  const readPiece = (xml: string, line: number, record: number) => {
    records++;
    const location = { file, line, record };
    const event = tally.accept(parseEventXml(xml, location), location);
    if (event !== undefined && wanted.has(event.eventId))
      addLogonEvent(store, toLogonEvent(event), at++, splitAtMs);
    handOver.between();
  };
  const onDefect = (d: EventXmlSplitDefect) => {
    tally.skipped++;
    log.report({ code: d.code, file, line: d.line, record: d.record, message: d.message });
  };

  const window = new ByteWindow(source, handOver.onBytes);
  /** The streaming reader from bytes[from]: the whole file, or resumed between elements. */
  const readByReference = async (from: number, resume?: { line: number; record: number }) => {
    const text = decodeTextStream(
      window.rest(from).open(),
      resume === undefined ? undefined : "utf-8",
    );
    for await (const piece of splitEventXml(text, onDefect, maxEventXmlLength, resume))
      readPiece(piece.xml, piece.line, piece.record);
  };

  const ranges = new Int32Array(12);
  const data = new EventXmlData();
  const logon = createLogonBytes(window.bytes);
  const { data: found, time, system: trimmed } = logon;

  const trimInto = (from: number, to: number, t: number) =>
    trimBytesInto(window.bytes, from, to, trimmed, t);
  /** The range of System field `k` (absent: empty). */
  const fieldStart = (k: number) => Math.max(0, ranges[2 * k] as number);
  const fieldEnd = (k: number) => Math.max(0, ranges[2 * k + 1] as number);
  /** Whether a trimmed name holds a character checkLogonFields refuses (tab or LF: the others are not plain). */
  const hasControl = (from: number, to: number): boolean => {
    const bytes = window.bytes;
    for (let index = from; index < to; index++) if ((bytes[index] as number) < 0x20) return true;
    return false;
  };

  /** Reads an element scanned (`scan`, scanEventXmlBytes' answer) from its bytes; false when parseEventXml must read it. */
  const readScanned = (
    scan: number,
    start: number,
    elementEnd: number,
    line: number,
    record: number,
  ): boolean => {
    if (scan === notPlain) return false;
    const bytes = window.bytes;
    if (scan === plainWithHighBytes && !isUtf8(bytes.subarray(start, elementEnd))) return false;
    const idStart = ranges[2 * xmlEventId] as number;
    const idEnd = ranges[2 * xmlEventId + 1] as number;
    const eventId =
      idStart < 0 || idEnd - idStart > 9 ? -1 : readPlainDigits(bytes, idStart, idEnd);
    if (eventId < 0) return false;
    const timeStart = ranges[2 * xmlTime] as number;
    if (
      timeStart < 0 ||
      !readEventTimeBytes(bytes, timeStart, ranges[2 * xmlTime + 1] as number, time)
    )
      return false;
    const ms = readTime.ms;
    found.fill(-1);
    const items = data.ranges;
    for (let item = 0; item < data.count; item++) {
      const nameStart = items[4 * item] as number;
      const nameEnd = items[4 * item + 1] as number;
      if (nameStart < 0 || nameEnd - nameStart < shortestLogonName) continue;
      for (const k of logonSlotsByFirstByte[bytes[nameStart] as number] as readonly number[]) {
        const name = logonNames[k] as Buffer;
        if (nameEnd - nameStart < name.length) continue;
        if (!startsWithName(bytes, nameStart, name)) continue;
        // The name itself, or one that starts with it (`TargetUserName#2`), which the text reading judges.
        if (nameEnd - nameStart !== name.length || (found[2 * k] as number) !== -1) return false;
        const valueStart = items[4 * item + 2] as number;
        if (!trimBytesInto(bytes, valueStart, items[4 * item + 3] as number, found, k))
          return false;
      }
    }
    for (const k of nameSlots)
      if (
        (found[2 * k] as number) >= 0 &&
        hasControl(found[2 * k] as number, found[2 * k + 1] as number)
      )
        return false;
    if (!trimInto(fieldStart(xmlComputer), fieldEnd(xmlComputer), 0)) return false;
    if (hasControl(trimmed[0] as number, trimmed[1] as number)) return false;
    if (!trimInto(fieldStart(xmlChannel), fieldEnd(xmlChannel), 1)) return false;
    if (!trimInto(fieldStart(xmlProvider), fieldEnd(xmlProvider), 2)) return false;
    let recordId: number | null = null;
    const recordStart = ranges[2 * xmlRecordId] as number;
    const recordEnd = ranges[2 * xmlRecordId + 1] as number;
    if (recordStart >= 0) {
      const id = readRecordIdDigits(bytes, recordStart, recordEnd);
      if (id === undefined) return false;
      recordId = id;
    }
    // Every check of the text reading has passed: the event is counted, and grouped when wanted.
    records++;
    tally.eventIds.set(eventId, (tally.eventIds.get(eventId) ?? 0) + 1);
    tally.yielded++;
    if (!wanted.has(eventId)) return true;
    logon.bytes = bytes;
    logon.eventId = eventId;
    logon.ms = ms;
    logon.recordId = recordId;
    logon.timeLength = readTime.length;
    addLogonBytes(store, logon, at++, { line, record, recordId }, splitAtMs);
    handOver.between();
    return true;
  };
  try {
    while (window.end < 4 && (await window.fill(0)));
    // UTF-16 is read as the same text in UTF-8 (its bytes already counted by this reading's onBytes).
    const { encoding, bom } = transcoded
      ? { encoding: "utf-8", bom: 0 }
      : detectTextEncoding(window.bytes.subarray(0, window.end));
    if (encoding !== "utf-8") {
      const { onBytes: _, ...untracked } = options;
      // Awaited here: the window is closed (finally) only once that reading is done.
      return await groupEventXmlLogons(transcodeToUtf8(window.rest(0)), untracked, true);
    }
    let position = bom; // everything before it is read, and `line` is its line
    let line = 1;
    let record = 0;
    /**
     * The next LF at or after `position` (`end` when none is read yet): found once, not searched
     * for again by every element of a file without line breaks.
     */
    let nextLf = -1;
    const advance = (to: number) => {
      if (nextLf < position) nextLf = findLf(position);
      while (nextLf < to) {
        line++;
        nextLf = findLf(nextLf + 1);
      }
      position = to;
    };
    const findLf = (from: number) => {
      const lf = window.bytes.indexOf(0x0a, from);
      return lf === -1 || lf >= window.end ? window.end : lf;
    };
    for (;;) {
      // The next start tag, as /<Event[\s>/]/ finds it.
      let start = window.bytes.indexOf(startTag, position);
      let kind = 0;
      while (start !== -1 && start + startTag.length < window.end) {
        kind = startTagAt(window.bytes, start + startTag.length);
        if (kind !== 0) break;
        start = window.bytes.indexOf(startTag, start + 1);
      }
      if (kind === -1) {
        advance(start);
        await readByReference(position, { line, record });
        return grouping();
      }
      if (start === -1 || start + startTag.length >= window.end) {
        // No start tag in what is read: keep a tag that may be cut at the end.
        advance(Math.max(position, window.end - startTag.length));
        if (window.last || !(await window.fill(position))) break;
        position = 0;
        nextLf = -1;
        continue;
      }
      advance(start);
      // A plain element is cut where the scan of its bytes ends: no search of its own.
      const scan = scanEventXmlBytes(
        window.bytes,
        start,
        Math.min(window.end, start + maxEventXmlLength),
        ranges,
        data,
        true,
      );
      if (scan !== notPlain) {
        const elementEnd = data.end;
        record++;
        const elementLine = line;
        advance(elementEnd);
        if (!readScanned(scan, start, elementEnd, elementLine, record))
          readPiece(window.bytes.toString("utf8", start, elementEnd), elementLine, record);
        continue;
      }
      // The buffer is reused: a match past `end` is old bytes.
      let close = window.bytes.indexOf(endTag, start);
      if (close + endTag.length > window.end) close = -1;
      // A start tag before this element's end (or any, while its end is not read) is the splitter's to report.
      let next = window.bytes.indexOf(startTag, start + 1);
      let nextBefore = false;
      while (next !== -1 && (close === -1 || next < close) && next + startTag.length < window.end) {
        if (startTagAt(window.bytes, next + startTag.length) !== 0) {
          nextBefore = true;
          break;
        }
        next = window.bytes.indexOf(startTag, next + 1);
      }
      if (nextBefore || (close !== -1 && close + endTag.length - start > maxEventXmlLength)) {
        await readByReference(position, { line, record });
        return grouping();
      }
      if (close === -1) {
        if (
          window.end - start > maxEventXmlLength ||
          window.last ||
          !(await window.fill(position))
        ) {
          await readByReference(position, { line, record });
          return grouping();
        }
        position = 0;
        nextLf = -1;
        continue;
      }
      const elementEnd = close + endTag.length;
      record++;
      const elementLine = line;
      advance(elementEnd);
      const exact = scanEventXmlBytes(window.bytes, start, elementEnd, ranges, data);
      if (!readScanned(exact, start, elementEnd, elementLine, record))
        readPiece(window.bytes.toString("utf8", start, elementEnd), elementLine, record);
    }
  } catch (error) {
    log.report({ code: "EVIDENCE_UNREADABLE", file, message: describeReadError(error) });
  } finally {
    await window.close();
  }
  return grouping();
}

function startsWithName(bytes: Buffer, at: number, name: Buffer): boolean {
  for (let index = 1; index < name.length; index++)
    if (bytes[at + index] !== name[index]) return false;
  return true;
}
