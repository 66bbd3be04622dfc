import { findStringEnd, skipJsonSpace } from "./json-bytes.ts";

/** The fields of a Winlogbeat document a logon event needs, as text ("" when absent). */
export interface WinlogbeatFields {
  time: string;
  eventId: string;
  computer: string;
  hostName: string;
  channel: string;
  provider: string;
  recordId: string;
  readonly eventData: Record<string, string>;
}

const quote = 0x22;

/** Reads a string at `at` (its opening quote); returns [value, position after it] or undefined. */
function readString(bytes: Buffer, at: number, end: number): [string, number] | undefined {
  const close = bytes.indexOf(quote, at + 1);
  if (close === -1 || close >= end) return undefined;
  for (let i = at + 1; i < close; i++)
    if (bytes[i] === 0x5c) {
      const realClose = findStringEnd(bytes, at, end);
      if (realClose === -1) return undefined;
      try {
        return [JSON.parse(bytes.toString("utf8", at, realClose + 1)) as string, realClose + 1];
      } catch {
        return undefined;
      }
    }
  return [bytes.toString("utf8", at + 1, close), close + 1];
}

/** Skips one JSON value at `at`; returns the position after it, or -1 when it is not well-formed. */
function skipValue(bytes: Buffer, at: number, end: number): number {
  const b = bytes[at];
  if (b === quote) {
    const close = findStringEnd(bytes, at, end);
    return close === -1 ? -1 : close + 1;
  }
  if (b === 0x7b || b === 0x5b) {
    let depth = 0;
    for (let i = at; i < end; i++) {
      const c = bytes[i];
      if (c === quote) {
        const close = findStringEnd(bytes, i, end);
        if (close === -1) return -1;
        i = close;
      } else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
    return -1;
  }
  let i = at;
  while (i < end) {
    const c = bytes[i];
    if (c === 0x2c || c === 0x7d || c === 0x5d || c === 0x20 || c === 0x0d || c === 0x09) break;
    i++;
  }
  return i > at ? i : -1;
}

/** A scalar value as text: a string's content, a number's digits, "" for null; undefined otherwise. */
function readScalar(bytes: Buffer, at: number, end: number): [string, number] | undefined {
  if (bytes[at] === quote) return readString(bytes, at, end);
  const after = skipValue(bytes, at, end);
  if (after === -1) return undefined;
  const text = bytes.toString("latin1", at, after);
  if (text === "null") return ["", after];
  if (!/^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text)) return undefined;
  return [text, after];
}

/**
 * Walks the members of the object at `at`, calling `onMember(key, valueStart)` for each; the callback
 * returns the position after the value it consumed, or undefined to have it skipped. Returns the
 * position after the object, or -1 when it is not well-formed.
 */
function walkObject(
  bytes: Buffer,
  at: number,
  end: number,
  onMember: (key: string, valueAt: number) => number | undefined | -1,
): number {
  if (bytes[at] !== 0x7b) return -1;
  let i = skipJsonSpace(bytes, at + 1, end);
  if (bytes[i] === 0x7d) return i + 1;
  for (;;) {
    if (bytes[i] !== quote) return -1;
    const key = readString(bytes, i, end);
    if (key === undefined) return -1;
    i = skipJsonSpace(bytes, key[1], end);
    if (bytes[i] !== 0x3a) return -1;
    i = skipJsonSpace(bytes, i + 1, end);
    const consumed = onMember(key[0], i);
    if (consumed === -1) return -1;
    i = consumed ?? skipValue(bytes, i, end);
    if (i === -1) return -1;
    i = skipJsonSpace(bytes, i, end);
    if (bytes[i] === 0x2c) {
      i = skipJsonSpace(bytes, i + 1, end);
      continue;
    }
    if (bytes[i] === 0x7d) return i + 1;
    return -1;
  }
}

/**
 * Reads the fields of one Winlogbeat line by walking its JSON structure without building it: only
 * `@timestamp`, `host.name`, `winlog.{event_id, computer_name, channel, provider_name, record_id}` and
 * the wanted `winlog.event_data` members are decoded; everything else (the long message) is skipped
 * with native searches. A repeated wanted event data key is kept as `Name#2`; other repeated keys
 * keep the last value, as JSON.parse does. Undefined when the line
 * is not one well-formed object (the caller then lets JSON.parse report it).
 */
export function walkWinlogbeatLine(
  bytes: Buffer,
  start: number,
  end: number,
  wantedData: ReadonlySet<string>,
): WinlogbeatFields | undefined {
  const fields: WinlogbeatFields = {
    time: "",
    eventId: "",
    computer: "",
    hostName: "",
    channel: "",
    provider: "",
    recordId: "",
    eventData: {},
  };
  const scalar = (at: number, set: (v: string) => void): number | -1 => {
    const r = readScalar(bytes, at, end);
    if (r === undefined) return -1;
    set(r[0]);
    return r[1];
  };
  const first = skipJsonSpace(bytes, start, end);
  const after = walkObject(bytes, first, end, (key, at) => {
    switch (key) {
      case "@timestamp":
        return scalar(at, (v) => {
          fields.time = v;
        });
      case "host":
        if (bytes[at] !== 0x7b) return undefined;
        return walkObject(bytes, at, end, (k, a) =>
          k === "name"
            ? scalar(a, (v) => {
                fields.hostName = v;
              })
            : undefined,
        );
      case "winlog":
        if (bytes[at] !== 0x7b) return undefined;
        return walkObject(bytes, at, end, (k, a) => {
          switch (k) {
            case "event_id":
              return scalar(a, (v) => {
                fields.eventId = v;
              });
            case "computer_name":
              return scalar(a, (v) => {
                fields.computer = v;
              });
            case "channel":
              return scalar(a, (v) => {
                fields.channel = v;
              });
            case "provider_name":
              return scalar(a, (v) => {
                fields.provider = v;
              });
            case "record_id":
              return scalar(a, (v) => {
                fields.recordId = v;
              });
            case "event_data":
              if (bytes[a] !== 0x7b) return undefined;
              return walkObject(bytes, a, end, (name, v) =>
                wantedData.has(name)
                  ? scalar(v, (value) => {
                      // A repeat is kept as `Name#2`, as the other readers name it (checkLogonFields).
                      if (fields.eventData[name] === undefined) fields.eventData[name] = value;
                      else fields.eventData[`${name}#2`] = value;
                    })
                  : undefined,
              );
            default:
              return undefined;
          }
        });
      default:
        return undefined;
    }
  });
  if (after === -1 || skipJsonSpace(bytes, after, end) !== end) return undefined;
  return fields;
}
