import { canonicalTimeMs } from "../event/canonical-time-ms.ts";
import { isIsoTimeBytes } from "../event/is-iso-time-bytes.ts";
import { addLogonEvent } from "../logon/add-logon-event.ts";
import type { DirectLogonNames } from "../logon/direct-logon-names.ts";
import { hasRefusedCharacter } from "../logon/has-refused-character.ts";
import {
  counted,
  firstCounted,
  type LogonGroupStore,
  notCounted,
  widenCounted,
} from "../logon/logon-group-store.ts";
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
import { eventIdKey, fallBack, type WinlogbeatLogonLines } from "./winlogbeat-logon-lines.ts";

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

/** Reads one counted line of a Winlogbeat file into the groups (see createWinlogbeatLineGrouper). */
export type WinlogbeatLineGrouper = (
  bytes: Buffer,
  start: number,
  end: number,
  line: number,
) => void;

/**
 * The per-line work of grouping a Winlogbeat JSON-lines file from its bytes, into `store`, with
 * `lines` counting and reporting: each line of a wanted event id is scanned once for the offsets of
 * its fields (findWinlogbeatFields), its group key is built from those bytes (trimmed as the reader
 * trims) and interned, and only a new group's fields are decoded, by the streaming reader's own
 * code. Any line the scanner is unsure of (escapes, numbers where text is expected, an unusual
 * time, a name with non-ASCII at an edge, a refused group) is read by the streaming reader
 * (`WinlogbeatLogonLines`) and grouped from its event. The one grouping of a whole file and of a
 * worker's range of it.
 */
export function createWinlogbeatLineGrouper(
  lines: WinlogbeatLogonLines,
  store: LogonGroupStore,
  wanted: ReadonlySet<number>,
  splitAtMs: number | undefined,
  direct?: DirectLogonNames,
): WinlogbeatLineGrouper {
  store.direct = direct;
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
    // A time that is its instant's ISO text is handed on as the instant alone (no text made).
    const iso = isIsoTimeBytes(bytes, timeStart, timeEnd);
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
      // A group whose names decide its access is named by them, each judged once (DirectLogonNames).
      if (iso) direct?.nameGroup(id, bytes, trimmed, eventId, logonType);
    } else if (!iso) direct?.drop(id);
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
    if (outcome === widenCounted) {
      if (iso) store.widenAt(id, bytes, timeStart, timeEnd, line, lines.records, recordId);
      else store.widenBytes(id, bytes, timeStart, timeEnd, line, lines.records, recordId);
      return true;
    }
    if (outcome === firstCounted) store.placeFirst(id, { line, record: lines.records, recordId });
    if (outcome !== counted || store.updated !== 0)
      store.setTimeBytes(id, bytes, timeStart, timeEnd);
    return true;
  };

  return (bytes: Buffer, start: number, end: number, line: number) => {
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
}

/** The trimmed names checkLogonFields checks (computer, user, domain, workstation), as `trimmed` pairs. */
const checkedNames = [0, 3, 4, 6];

/** Whether a checked name holds a character checkLogonFields refuses (hasRefusedCharacter). */
function hasControlCharacter(bytes: Buffer, trimmed: Int32Array): boolean {
  for (const k of checkedNames)
    if (hasRefusedCharacter(bytes, trimmed[2 * k] as number, trimmed[2 * k + 1] as number))
      return true;
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
