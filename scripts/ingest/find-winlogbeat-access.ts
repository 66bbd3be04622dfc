/**
 * Finds, in one Winlogbeat JSON line, the fields of an access without building any object: a single
 * pass over the bytes that follows the JSON grammar (strings with escapes, nesting, commas and colons)
 * and keeps the offsets of winlog.event_id, winlog.computer_name and winlog.event_data's
 * TargetUserName, TargetDomainName and WorkstationName, only at those paths.
 *
 * It answers "not sure" (`fieldsUnsure`) instead of guessing whenever the fast reading could differ
 * from JSON.parse: an escaped key at a path it follows, a wanted key seen twice, a non-string event id,
 * nesting deeper than 64. The caller then reads the line with JSON.parse (readAccessByParsing).
 */

/** The line is a logon (event id 4624) with a server and a user: the offsets are filled in. */
export const fieldsFound = 1;
/** A well-formed line that is not an access (another event, or a field missing). */
export const fieldsAbsent = 0;
/** Malformed, or unusual enough that JSON.parse must decide. */
export const fieldsUnsure = -1;

/**
 * Slots of the `found` array: start and end offsets of each field's string content (between the
 * quotes, escapes undecoded), -1 when absent; `escapedFields` has bit f set when field f has escapes.
 */
export const serverField = 0;
export const userField = 1;
export const domainField = 2;
export const deviceField = 3;
export const escapedFields = 8;

const maxDepth = 64;
const expectKey = 0;
const expectValue = 1;
const afterValue = 2;

const roleOther = 0;
const roleRoot = 1;
const roleWinlog = 2;
const roleEventData = 3;

const keyOther = 0;
const keyWinlog = 1;
const keyComputerName = 2;
const keyEventId = 3;
const keyEventData = 4;
const keyUser = 5;
const keyDomain = 6;
const keyDevice = 7;

const encoder = new TextEncoder();
const names = {
  winlog: encoder.encode("winlog"),
  computerName: encoder.encode("computer_name"),
  eventId: encoder.encode("event_id"),
  eventData: encoder.encode("event_data"),
  user: encoder.encode("TargetUserName"),
  domain: encoder.encode("TargetDomainName"),
  device: encoder.encode("WorkstationName"),
  logon: encoder.encode("4624"),
};

// Scratch for the nesting, reused by every call: whether each level is an object, and its role.
const isObjectAt = new Uint8Array(maxDepth + 1);
const roleAt = new Uint8Array(maxDepth + 1);

/**
 * Reads bytes[start, end) (one line, without its newline) into `found`; returns fieldsFound,
 * fieldsAbsent or fieldsUnsure. bytes[end] must be the line's newline (or lie past the array's end):
 * string scans stop at it as at any control byte, which saves a bounds check per byte.
 */
export function findWinlogbeatAccess(
  bytes: Uint8Array,
  start: number,
  end: number,
  found: Int32Array,
): number {
  for (let slot = 0; slot < 8; slot++) found[slot] = -1;
  found[escapedFields] = 0;
  let isLogon = false;
  let seenKeys = 0;
  let depth = 0;
  let state = expectValue;
  let justOpened = false;
  let key = keyOther;
  let rootIsObject = false;
  let index = start;
  while (index < end) {
    const byte = bytes[index] as number;
    if (byte === 0x22) {
      if (depth === 0) return fieldsUnsure; // a string as the whole line: JSON.parse decides
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
        } else if (!(inner >= 0x20)) {
          return fieldsUnsure; // a raw control byte (not JSON), the newline, or the array's end
        } else close++;
      }
      if (close >= end) return fieldsUnsure;
      if (state === expectKey) {
        const role = roleAt[depth] as number;
        key = keyOther;
        if (role !== roleOther) {
          if (escaped) return fieldsUnsure;
          key = matchKey(role, bytes, index + 1, close);
          if (key !== keyOther) {
            if ((seenKeys & (1 << key)) !== 0) return fieldsUnsure;
            seenKeys |= 1 << key;
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
      if (key === keyEventId) {
        if (escaped) return fieldsUnsure;
        isLogon = equalsName(bytes, index + 1, close, names.logon);
      } else if (key >= keyUser || key === keyComputerName) {
        const field =
          key === keyComputerName
            ? serverField
            : key === keyUser
              ? userField
              : key === keyDomain
                ? domainField
                : deviceField;
        found[2 * field] = index + 1;
        found[2 * field + 1] = close;
        if (escaped) found[escapedFields] = (found[escapedFields] as number) | (1 << field);
      }
      key = keyOther;
      index = close + 1;
      state = afterValue;
      continue;
    }
    if (byte === 0x7b || byte === 0x5b) {
      if (state !== expectValue || depth === maxDepth) return fieldsUnsure;
      const isObject = byte === 0x7b;
      let role = roleOther;
      if (isObject) {
        if (depth === 0) {
          role = roleRoot;
          rootIsObject = true;
        } else if (key === keyWinlog) role = roleWinlog;
        else if (key === keyEventData) role = roleEventData;
      }
      depth++;
      isObjectAt[depth] = isObject ? 1 : 0;
      roleAt[depth] = role;
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
    if (key === keyEventId) return fieldsUnsure; // a numeric event id: JSON.parse reads it exactly
    let after = index;
    while (after < end && isScalarByte(bytes[after] as number)) after++;
    if (after === index || !isScalar(bytes, index, after)) return fieldsUnsure;
    key = keyOther;
    index = after;
    state = afterValue;
    justOpened = false;
  }
  if (depth !== 0 || state !== afterValue) return fieldsUnsure;
  for (; index < end; index++) if (!isSpace(bytes[index] as number)) return fieldsUnsure;
  if (!rootIsObject) return fieldsAbsent; // a JSON value that is not an object
  return isLogon && found[2 * serverField] !== -1 && found[2 * userField] !== -1
    ? fieldsFound
    : fieldsAbsent;
}

function matchKey(role: number, bytes: Uint8Array, start: number, end: number): number {
  if (role === roleRoot) return equalsName(bytes, start, end, names.winlog) ? keyWinlog : keyOther;
  if (role === roleWinlog) {
    if (equalsName(bytes, start, end, names.computerName)) return keyComputerName;
    if (equalsName(bytes, start, end, names.eventId)) return keyEventId;
    if (equalsName(bytes, start, end, names.eventData)) return keyEventData;
    return keyOther;
  }
  if (equalsName(bytes, start, end, names.user)) return keyUser;
  if (equalsName(bytes, start, end, names.domain)) return keyDomain;
  if (equalsName(bytes, start, end, names.device)) return keyDevice;
  return keyOther;
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

const numberPattern = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

function isScalar(bytes: Uint8Array, start: number, end: number): boolean {
  const first = bytes[start] as number;
  if (first === 0x74 || first === 0x66 || first === 0x6e) {
    const text = String.fromCharCode(...bytes.subarray(start, end));
    return text === "true" || text === "false" || text === "null";
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
    return plain || numberPattern.test(String.fromCharCode(...bytes.subarray(start, end)));
  }
  return false;
}
