import { logonDataFields } from "../logon/check-logon-fields.ts";

/**
 * Finds, in one Winlogbeat JSON line, the byte ranges of the fields a logon event needs without
 * building any object: a single pass over the bytes that follows the JSON grammar strictly (strings
 * with escapes, nesting, commas, colons, numbers and literals) and keeps the offsets of `@timestamp`,
 * `host.name`, `winlog.{computer_name, event_id, channel, provider_name, record_id}` and the logon
 * fields of `winlog.event_data`, only at those paths.
 *
 * It answers `fieldsUnsure` instead of guessing whenever its reading could differ from JSON.parse or
 * from the streaming reader's walk: a line that is not one strict JSON object, an escaped key at a
 * path it follows, a followed key seen twice at its level, a wanted value that is not a string or a
 * number, nesting deeper than 64. Strings are not decoded: `escapedFields` says which have escapes.
 */

/** The line is one JSON object and the offsets are filled in. */
export const fieldsFound = 1;
/** Unusual or malformed: a reader that decodes (JSON.parse) must decide. */
export const fieldsUnsure = -1;

/** Field slots: `found[2f]` and `found[2f + 1]` are the start and end of field f's content, -1 when absent. */
export const timestampField = 0;
export const hostNameField = 1;
export const computerField = 2;
export const eventIdField = 3;
export const channelField = 4;
export const providerField = 5;
export const recordIdField = 6;
/** The first of the event data fields, in the order of `winlogbeatDataNames`. */
export const firstDataField = 7;
/** The event data members found, in slot order from `firstDataField`: the logon fields. */
export const winlogbeatDataNames = logonDataFields;
export const fieldCount = firstDataField + winlogbeatDataNames.length;
/** Bit f set: field f is a string with escapes (its bytes are not its text). */
export const escapedFields = 2 * fieldCount;
/** Bit f set: field f is a number (its bytes are the number's text). */
export const numericFields = escapedFields + 1;
/** The offset of the opening quote of `winlog.event_id`'s key, -1 when absent. */
export const eventIdKeyAt = escapedFields + 2;
/** The length of the `found` array findWinlogbeatFields fills. */
export const foundLength = escapedFields + 3;

const maxDepth = 64;
const expectKey = 0;
const expectValue = 1;
const afterValue = 2;

const roleOther = 0;
const roleRoot = 1;
const roleWinlog = 2;
const roleEventData = 3;
const roleHost = 4;

/** Keys a level follows: a field slot, or one of these for the objects that lead to fields. */
const keyOther = -1;
const keyWinlog = -2;
const keyEventData = -3;
const keyHost = -4;

const encoder = new TextEncoder();
interface FollowedKey {
  readonly name: Uint8Array;
  readonly key: number;
}
const keysOf = (entries: readonly [string, number][]): readonly FollowedKey[] =>
  entries.map(([name, key]) => ({ name: encoder.encode(name), key }));
/** The followed keys of each role. */
const followed: readonly (readonly FollowedKey[])[] = [
  [],
  keysOf([
    ["@timestamp", timestampField],
    ["winlog", keyWinlog],
    ["host", keyHost],
  ]),
  keysOf([
    ["computer_name", computerField],
    ["event_id", eventIdField],
    ["event_data", keyEventData],
    ["channel", channelField],
    ["provider_name", providerField],
    ["record_id", recordIdField],
  ]),
  keysOf(winlogbeatDataNames.map((name, index) => [name, firstDataField + index])),
  keysOf([["name", hostNameField]]),
];

// Scratch for the nesting, reused by every call: whether each level is an object, its role, and the
// followed keys seen at it (a bit per key of the role).
const isObjectAt = new Uint8Array(maxDepth + 1);
const roleAt = new Uint8Array(maxDepth + 1);
const seenAt = new Int32Array(maxDepth + 1);

/**
 * Reads bytes[start, end) (one line, without its newline) into `found` (foundLength slots); returns
 * fieldsFound or fieldsUnsure. bytes[end] must be the line's newline (or lie past the array's end):
 * string scans stop at it as at any control byte, which saves a bounds check per byte.
 */
export function findWinlogbeatFields(
  bytes: Uint8Array,
  start: number,
  end: number,
  found: Int32Array,
): number {
  for (let slot = 0; slot < escapedFields; slot++) found[slot] = -1;
  found[escapedFields] = 0;
  found[numericFields] = 0;
  found[eventIdKeyAt] = -1;
  let depth = 0;
  let state = expectValue;
  let justOpened = false;
  let key = keyOther;
  let rootIsObject = false;
  let keyAt = -1;
  let index = start;
  while (index < end) {
    const byte = bytes[index] as number;
    if (byte === 0x22) {
      if (depth === 0) return fieldsUnsure;
      let close = index + 1;
      let escaped = false;
      for (;;) {
        // Most bytes of a line are string content: this loop is the hot one.
        let inner = bytes[close] as number;
        while (inner !== 0x22 && inner !== 0x5c && inner >= 0x20) inner = bytes[++close] as number;
        if (inner === 0x22) break;
        if (inner === 0x5c) {
          escaped = true;
          const skip = escapeLength(bytes, close, end);
          if (skip < 0) return fieldsUnsure;
          close += skip;
        } else return fieldsUnsure; // a raw control byte (not JSON), the newline, or the array's end
      }
      if (close >= end) return fieldsUnsure;
      if (state === expectKey) {
        const role = roleAt[depth] as number;
        key = keyOther;
        if (role !== roleOther) {
          if (escaped) return fieldsUnsure;
          const keys = followed[role] as readonly FollowedKey[];
          for (let k = 0; k < keys.length; k++) {
            const entry = keys[k] as FollowedKey;
            if (!equalsName(bytes, index + 1, close, entry.name)) continue;
            const seen = seenAt[depth] as number;
            if ((seen & (1 << k)) !== 0) return fieldsUnsure;
            seenAt[depth] = seen | (1 << k);
            key = entry.key;
            keyAt = index;
            break;
          }
        }
        index = close + 1;
        while (index < end && isSpace(bytes[index] as number)) index++;
        if (bytes[index] !== 0x3a) return fieldsUnsure;
        index++;
        state = expectValue;
        justOpened = false;
        continue;
      }
      if (state !== expectValue) return fieldsUnsure;
      if (key >= 0) {
        found[2 * key] = index + 1;
        found[2 * key + 1] = close;
        if (escaped) found[escapedFields] = (found[escapedFields] as number) | (1 << key);
        if (key === eventIdField) found[eventIdKeyAt] = keyAt;
      } else if (key !== keyOther) return fieldsUnsure; // winlog, host or event_data as a string
      key = keyOther;
      index = close + 1;
      state = afterValue;
      continue;
    }
    if (byte === 0x7b || byte === 0x5b) {
      if (state !== expectValue || depth === maxDepth) return fieldsUnsure;
      const isObject = byte === 0x7b;
      if (key >= 0) return fieldsUnsure; // a wanted value that is an object or an array
      let role = roleOther;
      if (isObject) {
        if (depth === 0) {
          role = roleRoot;
          rootIsObject = true;
        } else if (key === keyWinlog) role = roleWinlog;
        else if (key === keyEventData) role = roleEventData;
        else if (key === keyHost) role = roleHost;
      } else if (key !== keyOther) return fieldsUnsure;
      depth++;
      isObjectAt[depth] = isObject ? 1 : 0;
      roleAt[depth] = role;
      seenAt[depth] = 0;
      state = isObject ? expectKey : expectValue;
      justOpened = true;
      key = keyOther;
      index++;
      continue;
    }
    if (byte === 0x7d || byte === 0x5d) {
      const isObject = byte === 0x7d;
      if (depth === 0 || (isObjectAt[depth] === 1) !== isObject) return fieldsUnsure;
      if (state !== afterValue && !justOpened) return fieldsUnsure;
      depth--;
      state = afterValue;
      justOpened = false;
      key = keyOther;
      index++;
      if (depth === 0) break;
      continue;
    }
    if (byte === 0x2c) {
      if (state !== afterValue || depth === 0) return fieldsUnsure;
      state = isObjectAt[depth] === 1 ? expectKey : expectValue;
      justOpened = false;
      index++;
      continue;
    }
    if (byte === 0x20 || byte === 0x09 || byte === 0x0d) {
      index++;
      continue;
    }
    // A number, true, false or null.
    if (state !== expectValue || depth === 0) return fieldsUnsure;
    let after = index;
    while (after < end && isScalarByte(bytes[after] as number)) after++;
    if (after === index) return fieldsUnsure;
    const scalar = scalarKind(bytes, index, after);
    if (scalar === notScalar) return fieldsUnsure;
    if (key >= 0) {
      // A wanted number keeps its text (the walk reads it so); a wanted literal is for JSON.parse.
      if (scalar !== numberScalar) return fieldsUnsure;
      found[2 * key] = index;
      found[2 * key + 1] = after;
      found[numericFields] = (found[numericFields] as number) | (1 << key);
      if (key === eventIdField) found[eventIdKeyAt] = keyAt;
    } else if (key !== keyOther) return fieldsUnsure;
    key = keyOther;
    index = after;
    state = afterValue;
    justOpened = false;
  }
  if (depth !== 0 || state !== afterValue || !rootIsObject) return fieldsUnsure;
  for (; index < end; index++) if (!isSpace(bytes[index] as number)) return fieldsUnsure;
  return fieldsFound;
}

function equalsName(bytes: Uint8Array, start: number, end: number, name: Uint8Array): boolean {
  if (end - start !== name.length) return false;
  for (let offset = 0; offset < name.length; offset++) {
    if (bytes[start + offset] !== name[offset]) return false;
  }
  return true;
}

/** The length of the escape at bytes[at] (a backslash): 2, or 6 for \uXXXX; -1 when invalid. */
function escapeLength(bytes: Uint8Array, at: number, end: number): number {
  const kind = bytes[at + 1];
  if (
    kind === 0x22 ||
    kind === 0x5c ||
    kind === 0x2f ||
    kind === 0x62 ||
    kind === 0x66 ||
    kind === 0x6e ||
    kind === 0x72 ||
    kind === 0x74
  ) {
    return 2;
  }
  if (kind !== 0x75 || at + 6 > end) return -1;
  for (let offset = 2; offset < 6; offset++) {
    const digit = bytes[at + offset] as number;
    const isHex =
      (digit >= 0x30 && digit <= 0x39) ||
      (digit >= 0x41 && digit <= 0x46) ||
      (digit >= 0x61 && digit <= 0x66);
    if (!isHex) return -1;
  }
  return 6;
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0a;
}

/** Bytes a number or literal can contain: digits, letters, sign, point. */
function isScalarByte(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x39) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    byte === 0x2d ||
    byte === 0x2b ||
    byte === 0x2e ||
    byte === 0x45
  );
}

const notScalar = 0;
const numberScalar = 1;
const literalScalar = 2;
const numberPattern = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

/** Whether bytes[start, end) is a JSON number, a literal (true, false, null) or neither. */
function scalarKind(bytes: Uint8Array, start: number, end: number): number {
  const first = bytes[start] as number;
  if (first === 0x74 || first === 0x66 || first === 0x6e) {
    const text = String.fromCharCode(...bytes.subarray(start, end));
    return text === "true" || text === "false" || text === "null" ? literalScalar : notScalar;
  }
  if (first === 0x2d || (first >= 0x30 && first <= 0x39)) {
    // Most numbers are short plain integers: check those without making a string.
    const digits = start + (first === 0x2d ? 1 : 0);
    const lead = bytes[digits] ?? 0;
    let plain = (lead >= 0x31 && lead <= 0x39) || (lead === 0x30 && digits + 1 === end);
    for (let index = digits + 1; plain && index < end; index++) {
      const byte = bytes[index] as number;
      plain = byte >= 0x30 && byte <= 0x39;
    }
    return plain || numberPattern.test(String.fromCharCode(...bytes.subarray(start, end)))
      ? numberScalar
      : notScalar;
  }
  return notScalar;
}
