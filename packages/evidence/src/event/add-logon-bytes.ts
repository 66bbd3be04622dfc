import { logonDataFields } from "../logon/check-logon-fields.ts";
import {
  counted,
  firstCounted,
  type LinePlace,
  type LogonGroupStore,
  notCounted,
  widenCounted,
} from "../logon/logon-group-store.ts";

const slot = Object.fromEntries(logonDataFields.map((name, index) => [name, index])) as Record<
  (typeof logonDataFields)[number],
  number
>;
/** The key's strings after computer, channel and provider, as logon data slots (groupKeyStrings' order). */
const keySlots = [
  slot.TargetUserName,
  slot.TargetDomainName,
  slot.TargetUserSid,
  slot.WorkstationName,
  slot.IpAddress,
  slot.LogonProcessName,
  slot.AuthenticationPackageName,
];

/** A logon event read in place: where its fields lie in a byte buffer, and what was read of them. */
export interface LogonBytes {
  bytes: Uint8Array;
  /** Computer, channel and provider, trimmed: start, end pairs. */
  readonly system: Int32Array;
  /** The logon data (logonDataFields' order), trimmed: start, end pairs, start -1 when absent. */
  readonly data: Int32Array;
  eventId: number;
  ms: number;
  recordId: number | null;
  /** The normalised time, as ASCII, and its length. */
  readonly time: Buffer;
  timeLength: number;
}

/** A LogonBytes over `bytes` with its own scratch arrays (a scanner reuses it for every event). */
export function createLogonBytes(bytes: Uint8Array): LogonBytes {
  return {
    bytes,
    system: new Int32Array(6),
    data: new Int32Array(2 * logonDataFields.length),
    eventId: 0,
    ms: 0,
    recordId: null,
    time: Buffer.alloc(32),
    timeLength: 0,
  };
}

/**
 * Adds a logon event read from bytes (a byte scanner's reading, every check of the text reading
 * passed) to its group, as addLogonEvent adds a decoded one: the key from the trimmed bytes (UTF-8,
 * well-formed), the record ids of a new group, dedupe, first and last seen, the place of the first.
 */
export function addLogonBytes(
  store: LogonGroupStore,
  logon: LogonBytes,
  at: number,
  place: LinePlace,
  splitAtMs: number | undefined,
): void {
  const { bytes, system, data, eventId, ms, recordId } = logon;
  const typeStart = data[2 * slot.LogonType] as number;
  store.beginKey(
    splitAtMs !== undefined && ms < splitAtMs ? 1 : 0,
    eventId,
    readLogonType(bytes, typeStart, data[2 * slot.LogonType + 1] as number),
  );
  for (let k = 0; k < 3; k++)
    store.appendBytes(bytes, system[2 * k] as number, system[2 * k + 1] as number);
  for (const k of keySlots) {
    const from = data[2 * k] as number;
    if (from < 0) store.appendBytes(bytes, 0, 0);
    else store.appendBytes(bytes, from, data[2 * k + 1] as number);
  }
  const id = store.internKey();
  if (store.isNew)
    store.recordIdsOfBytes(
      id,
      eventId,
      bytes,
      system[0] as number,
      system[1] as number,
      system[2] as number,
      system[3] as number,
    );
  const outcome = store.offer(id, recordId, ms, at);
  if (outcome === notCounted) return;
  // A group its taker only widens (groups handed on as they are read): the event goes to it now.
  if (outcome === widenCounted) {
    store.widenBytes(id, logon.time, 0, logon.timeLength, place.line, place.record, recordId);
    return;
  }
  if (outcome === firstCounted) store.placeFirst(id, place);
  if (outcome !== counted || store.updated !== 0)
    store.setTimeBytes(id, logon.time, 0, logon.timeLength);
}

/** parseLogonType of trimmed bytes[start, end): 1 to 3 digits, else null (absent: start -1). */
function readLogonType(bytes: Uint8Array, start: number, end: number): number | null {
  const value = start < 0 || end - start > 3 ? -1 : readPlainDigits(bytes, start, end);
  return value < 0 ? null : value;
}

/** The value of bytes[start, end) when it is 1 or more ASCII digits and nothing else, else -1. */
export function readPlainDigits(bytes: Uint8Array, start: number, end: number): number {
  if (end <= start) return -1;
  let value = 0;
  for (let index = start; index < end; index++) {
    const digit = (bytes[index] as number) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = 10 * value + digit;
  }
  return value;
}
