import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import { addLogonEvent } from "../logon/add-logon-event.ts";
import type { EventDeduplicator } from "../logon/event-deduplicator.ts";
import type { GroupLogonOptions } from "../logon/group-logon-options.ts";
import type { LogonGrouping } from "../logon/logon-group.ts";
import { counted, firstCounted, LogonGroupStore, notCounted } from "../logon/logon-group-store.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { describeReadError } from "../text/describe-read-error.ts";
import { readLineBlocks } from "../text/read-line-blocks.ts";
import {
  channelField,
  computerField,
  escapedFields,
  eventIdKeyAt,
  fieldsFound,
  findWinlogbeatFields,
  firstDataField,
  foundLength,
  hostNameField,
  providerField,
  recordIdField,
  timestampField,
  winlogbeatDataNames,
} from "./find-winlogbeat-fields.ts";
import type { WinlogbeatFields } from "./walk-winlogbeat-line.ts";
import { eventIdKey, fallBack, WinlogbeatLogonLines } from "./winlogbeat-logon-lines.ts";

const logonTypeField = firstDataField;
/** The key's strings after the computer, as field slots (groupKeyStrings' order). */
const keyFieldsAfterComputer = [
  channelField,
  providerField,
  firstDataField + 1, // TargetUserName
  firstDataField + 2, // TargetDomainName
  firstDataField + 3, // TargetUserSid
  firstDataField + 4, // WorkstationName
  firstDataField + 5, // IpAddress
  firstDataField + 6, // LogonProcessName
  firstDataField + 7, // AuthenticationPackageName
];

/**
 * Groups the logon events of a Winlogbeat JSON-lines file from its bytes: each line of a wanted event
 * id is scanned once for the offsets of its fields (findWinlogbeatFields), its group key is built
 * from those bytes (trimmed as the reader trims) and interned, and only a new group's fields are
 * decoded, by the streaming reader's own code. Any line the scanner is unsure of (escapes, numbers
 * where text is expected, an unusual time, a name with non-ASCII at an edge, a refused group) is read
 * by the streaming reader (`WinlogbeatLogonLines`) and grouped from its event, so problems, counts
 * and groups are the streaming reader's. Memory: one line block and the groups.
 */
export async function groupWinlogbeatLogons(
  source: ByteSource,
  options: GroupLogonOptions & { readonly dedupe: EventDeduplicator },
): Promise<LogonGrouping> {
  const wanted = options.eventIds ?? new Set([4624]);
  const lines = new WinlogbeatLogonLines(
    source.name,
    wanted,
    new EvidenceProblemLog(options.onProblem, options.keepProblems),
  );
  const store = new LogonGroupStore(source.name, options.dedupe);
  const splitAtMs = options.splitAtMs;
  const found = new Int32Array(foundLength);
  const trimmed = new Int32Array(2 * winlogbeatDataNames.length + 8);

  /** The reference reading of a line, grouped from its event. */
  const readByReference = (bytes: Buffer, start: number, end: number, line: number) => {
    const event = lines.readLine(bytes, start, end, line);
    if (event !== undefined) addLogonEvent(store, event, lines.records, splitAtMs);
  };

  /** Trims spaces off field `field` into trimmed[2k], [2k + 1]; false when an edge is not ASCII. */
  const trimField = (bytes: Buffer, field: number, k: number): boolean => {
    let from = found[2 * field] as number;
    let to = found[2 * field + 1] as number;
    if (from < 0) {
      trimmed[2 * k] = 0;
      trimmed[2 * k + 1] = 0;
      return true;
    }
    while (from < to && bytes[from] === 0x20) from++;
    while (to > from && bytes[to - 1] === 0x20) to--;
    // JavaScript's trim also drops Unicode spaces: a non-ASCII edge goes to the reference reading.
    if (from < to && ((bytes[from] as number) >= 0x80 || (bytes[to - 1] as number) >= 0x80))
      return false;
    trimmed[2 * k] = from;
    trimmed[2 * k + 1] = to;
    return true;
  };

  /** Reads a wanted line from its bytes; false when it must be read by the reference reading. */
  const readFast = (
    bytes: Buffer,
    start: number,
    end: number,
    line: number,
    eventId: number,
    eventIdAt: number,
  ): boolean => {
    if (findWinlogbeatFields(bytes, start, end, found) !== fieldsFound) return false;
    if (found[escapedFields] !== 0 || found[eventIdKeyAt] !== eventIdAt) return false;
    const timeStart = found[2 * timestampField] as number;
    const timeEnd = found[2 * timestampField + 1] as number;
    const ms = canonicalTimeMs(bytes, timeStart, timeEnd);
    if (Number.isNaN(ms)) return false;
    const computer =
      (found[2 * computerField] as number) < (found[2 * computerField + 1] as number)
        ? computerField
        : hostNameField;
    if ((found[2 * computer] as number) >= (found[2 * computer + 1] as number)) return false;
    if (!trimField(bytes, computer, 0)) return false;
    for (let k = 0; k < keyFieldsAfterComputer.length; k++)
      if (!trimField(bytes, keyFieldsAfterComputer[k] as number, k + 1)) return false;
    const logonType = readLogonType(
      bytes,
      found[2 * logonTypeField] as number,
      found[2 * logonTypeField + 1] as number,
    );
    if (logonType === undefined) return false;
    store.beginKey(splitAtMs !== undefined && ms < splitAtMs ? 1 : 0, eventId, logonType);
    for (let k = 0; k <= keyFieldsAfterComputer.length; k++)
      store.appendBytes(bytes, trimmed[2 * k] as number, trimmed[2 * k + 1] as number);
    const id = store.internKey();
    if (store.isNew) {
      if (hasControlCharacter(bytes, trimmed)) {
        // A new group whose names may be refused: decoded and judged by the streaming reader's code.
        const event = lines.logonFromFields(decodeFields(bytes, found, computer), eventId, line);
        store.verdicts[id] = 1;
        if (event === fallBack) return false;
        if (event === undefined) return true; // refused (reported): its lines are read by reference
        store.verdicts[id] = 0;
        lines.yielded++;
        store.addEvent(id, event, ms, lines.records);
        return true;
      }
      // No control character in a name: the streaming reader would accept the fields as they are.
      store.recordIdsOfBytes(
        id,
        eventId,
        bytes,
        trimmed[0] as number,
        trimmed[1] as number,
        trimmed[2] as number,
        trimmed[3] as number,
      );
    }
    if (store.verdicts[id] === 1) return false;
    lines.countEvent(eventId);
    lines.yielded++;
    const recordId = readRecordId(
      bytes,
      found[2 * recordIdField] as number,
      found[2 * recordIdField + 1] as number,
    );
    const outcome = store.offer(id, recordId, ms, lines.records);
    if (outcome === notCounted) return true;
    if (outcome === firstCounted) store.placeFirst(id, { line, record: lines.records, recordId });
    if (outcome !== counted || store.updated !== 0)
      store.setTimeBytes(id, bytes, timeStart, timeEnd);
    return true;
  };

  try {
    const read = (bytes: Buffer, start: number, end: number, line: number) => {
      const eventIdAt = bytes.lastIndexOf(eventIdKey, end);
      const eventId =
        eventIdAt < start
          ? fallBack
          : (readQuotedDigits(bytes, eventIdAt + eventIdKey.length, end) ??
            lines.lineEventId(bytes, start, end));
      if (eventId === fallBack) readByReference(bytes, start, end, line);
      else if (!wanted.has(eventId)) lines.countEvent(eventId);
      else if (!readFast(bytes, start, end, line, eventId, eventIdAt))
        readByReference(bytes, start, end, line);
    };
    for await (const block of readLineBlocks(source, options.onBytes, lines.tooLong))
      lines.forEachRecord(block, read);
  } catch (error) {
    lines.log.report({
      code: "EVIDENCE_UNREADABLE",
      file: source.name,
      message: describeReadError(error),
    });
  }
  return {
    summary: lines.summary(),
    logons: store.logons,
    duplicates: store.duplicates,
    groups: () => store.groups(),
  };
}

/** The trimmed names checkLogonFields checks (computer, user, domain, workstation), as `trimmed` pairs. */
const checkedNames = [0, 3, 4, 6];

/**
 * Whether a checked name holds a character checkLogonFields refuses: raw in JSON only DEL (0x7f) and
 * the C1 controls (UTF-8 C2 80 to C2 9F) can be; the others must be escaped, and escapes are read
 * by reference.
 */
function hasControlCharacter(bytes: Buffer, trimmed: Int32Array): boolean {
  for (const k of checkedNames) {
    const end = trimmed[2 * k + 1] as number;
    for (let index = trimmed[2 * k] as number; index < end; index++) {
      const byte = bytes[index] as number;
      if (byte < 0x7f) continue;
      if (byte === 0x7f) return true;
      if (byte === 0xc2) {
        const next = bytes[index + 1] as number;
        if (next >= 0x80 && next <= 0x9f && index + 1 < end) return true;
      }
    }
  }
  return false;
}

/** The fields as walkWinlogbeatLine gives them (the scanner found no escapes), the computer chosen. */
function decodeFields(bytes: Buffer, found: Int32Array, computer: number): WinlogbeatFields {
  const text = (field: number) => {
    const start = found[2 * field] as number;
    return start < 0 ? "" : bytes.toString("utf8", start, found[2 * field + 1] as number);
  };
  const eventData: Record<string, string> = {};
  winlogbeatDataNames.forEach((name, index) => {
    if ((found[2 * (firstDataField + index)] as number) >= 0)
      eventData[name] = text(firstDataField + index);
  });
  return {
    time: text(timestampField),
    eventId: text(3),
    computer: text(computer),
    hostName: text(hostNameField),
    channel: text(channelField),
    provider: text(providerField),
    recordId: text(recordIdField),
    eventData,
  };
}

/** The value of a plain `"1234"` at bytes[at] (1 to 9 digits between quotes), else undefined. */
function readQuotedDigits(bytes: Buffer, at: number, end: number): number | undefined {
  if (bytes[at] !== 0x22) return undefined;
  let value = 0;
  let index = at + 1;
  for (; index < end && index - at <= 9; index++) {
    const digit = (bytes[index] as number) - 0x30;
    if (digit < 0 || digit > 9) break;
    value = 10 * value + digit;
  }
  return index > at + 1 && bytes[index] === 0x22 && index < end ? value : undefined;
}

/** parseLogonType of bytes[start, end): null, a number, or undefined when a non-ASCII edge needs trim. */
function readLogonType(bytes: Buffer, start: number, end: number): number | null | undefined {
  if (start < 0) return null;
  let from = start;
  let to = end;
  while (from < to && bytes[from] === 0x20) from++;
  while (to > from && bytes[to - 1] === 0x20) to--;
  if (from < to && ((bytes[from] as number) >= 0x80 || (bytes[to - 1] as number) >= 0x80))
    return undefined;
  if (to - from < 1 || to - from > 3) return null;
  let value = 0;
  for (let index = from; index < to; index++) {
    const digit = (bytes[index] as number) - 0x30;
    if (digit < 0 || digit > 9) return null;
    value = 10 * value + digit;
  }
  return value;
}

/** The record id as the reader reads it: "" is null, else Number(text) when a safe integer. */
function readRecordId(bytes: Buffer, start: number, end: number): number | null {
  if (start < 0 || start === end) return null;
  if (end - start <= 15) {
    let value = 0;
    let plain = true;
    for (let index = start; plain && index < end; index++) {
      const digit = (bytes[index] as number) - 0x30;
      plain = digit >= 0 && digit <= 9;
      value = 10 * value + digit;
    }
    if (plain) return value;
  }
  const value = Number(bytes.toString("utf8", start, end));
  return Number.isSafeInteger(value) ? value : null;
}

const daysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/**
 * The instant of a time already in normaliseEventTime's canonical form
 * (`YYYY-MM-DDTHH:MM:SS[.f{1,7}]Z`, which it returns unchanged), as Date.parse reads it; NaN for any
 * other text (the reference reading then decides). Days past the 28th go through Date.parse.
 */
export function canonicalTimeMs(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (start < 0 || length < 20 || length > 28 || length === 21) return Number.NaN;
  const digit = (offset: number) => (bytes[start + offset] as number) - 0x30;
  const two = (offset: number) => {
    const high = digit(offset);
    const low = digit(offset + 1);
    return high >= 0 && high <= 9 && low >= 0 && low <= 9 ? 10 * high + low : -1;
  };
  if (bytes[start + 4] !== 0x2d || bytes[start + 7] !== 0x2d || bytes[start + 10] !== 0x54)
    return Number.NaN;
  if (bytes[start + 13] !== 0x3a || bytes[start + 16] !== 0x3a || bytes[end - 1] !== 0x5a)
    return Number.NaN;
  const century = two(0);
  const yy = two(2);
  const month = two(5);
  const day = two(8);
  const hour = two(11);
  const minute = two(14);
  const second = two(17);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1 || day > 31) return Number.NaN;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
    return Number.NaN;
  let millis = 0;
  if (length > 20) {
    if (bytes[start + 19] !== 0x2e) return Number.NaN;
    for (let offset = 20; offset < length - 1; offset++) {
      const d = digit(offset);
      if (d < 0 || d > 9) return Number.NaN;
      if (offset < 23) millis += d * (offset === 20 ? 100 : offset === 21 ? 10 : 1);
    }
  }
  const year = 100 * century + yy;
  if (day > 28 || year < 1970) {
    return Date.parse(String.fromCharCode(...bytes.subarray(start, end)));
  }
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const yearDays = 365 * (year - 1970) + countLeapDays(year);
  const days =
    yearDays + (daysBeforeMonth[month - 1] as number) + (leap && month > 2 ? 1 : 0) + day - 1;
  return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millis;
}

/** Leap days in the years 1970 … year − 1. */
function countLeapDays(year: number): number {
  const before = year - 1;
  const leaps = (y: number) => Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400);
  return leaps(before) - leaps(1969);
}
