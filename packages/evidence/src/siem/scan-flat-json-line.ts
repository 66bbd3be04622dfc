import { isUtf8 } from "node:buffer";
import type { EventFieldMap } from "./event-field-map.ts";

/** How a mapped key's value reads as text (flatValueText): */
/** a string without escapes, a plain number, null (empty) or an array's last such value, in place; */
export const plainValue = 1;
/** a string with escapes (decoded by decodeJsonString); */
export const escapedValue = 2;
/** an object, a boolean, any other number, or an array ending in one: left to the row code. */
export const oddValue = 3;

const quote = 0x22;
const backslash = 0x5c;
/** Deeper nesting than this in an unmapped value is left to JSON.parse. */
const maxDepth = 64;

/** JSON's white space: space, tab, CR, LF (a line has none; a pretty array element has). */
function isJsonSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x09 || byte === 0x0d;
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}

function isHex(byte: number): boolean {
  return isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66);
}

/**
 * A strict scanner of one line of a flat JSON export: the line must be one JSON object (for Splunk,
 * one whose `result` member is the record, its other members scalars) that JSON.parse reads, every
 * byte checked, valid UTF-8. For each of `names` (the map's keys) found at the record's level it
 * keeps where the value's text lies (`start`, `end`, `kind`); any line it is unsure of — a key with
 * an escape, a mapped key given twice, a `Name#2` key, nesting deeper than `maxDepth`, an array of
 * arrays or objects under a mapped key, anything JSON.parse would refuse — is refused (`scan` false),
 * for the row code to read. Nothing is allocated per line.
 */
export class FlatJsonLineScanner {
  /** The names looked for: the map's keys, then each data key's `Name#2` (which refuses a line). */
  readonly names: readonly Buffer[];
  /** Per name: set to the line's stamp when found on it. */
  readonly seenOn: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly kind: Uint8Array;
  private readonly repeatMark: Uint8Array;
  /** Name indexes by key length. */
  private readonly byLength: number[][] = [];
  private readonly result = Buffer.from("result");
  stamp = 0;
  private bytes: Buffer = Buffer.alloc(0);
  private limit = 0;

  constructor(
    map: EventFieldMap,
    private readonly splunk: boolean,
  ) {
    const keys = new Set<string>();
    for (const field of ["eventId", "time", "computer", "recordId", "channel", "provider"] as const)
      for (const name of map[field]) keys.add(name);
    const dataNames = Object.values(map.data).flat();
    for (const name of dataNames) keys.add(name);
    const repeats = dataNames.map((name) => `${name}#2`).filter((name) => !keys.has(name));
    this.names = [...keys, ...new Set(repeats)].map((name) => Buffer.from(name));
    const count = this.names.length;
    this.seenOn = new Int32Array(count);
    this.start = new Int32Array(count);
    this.end = new Int32Array(count);
    this.kind = new Uint8Array(count);
    this.repeatMark = new Uint8Array(count);
    for (let k = keys.size; k < count; k++) this.repeatMark[k] = 1;
    this.names.forEach((name, k) => {
      while (this.byLength.length <= name.length) this.byLength.push([]);
      (this.byLength[name.length] as number[]).push(k);
    });
  }

  /** The index of name `name` in `names`, or -1. */
  indexOf(name: string): number {
    return this.names.findIndex((bytes) => bytes.toString() === name);
  }

  /** Scans bytes[from, to) as one line; false when the row code must read it. */
  scan(bytes: Buffer, from: number, to: number): boolean {
    this.stamp = (this.stamp + 1) | 0;
    if (this.stamp === 0) {
      this.seenOn.fill(0);
      this.stamp = 1;
    }
    this.bytes = bytes;
    this.limit = to;
    let at = this.space(from);
    if (bytes[at] !== 0x7b) return false;
    at = this.splunk ? this.splunkLine(at) : this.record(at);
    if (at < 0 || this.space(at) !== to) return false;
    return isUtf8(bytes.subarray(from, to));
  }

  private space(from: number): number {
    const { bytes, limit } = this;
    let at = from;
    while (at < limit && isJsonSpace(bytes[at] as number)) at++;
    return at;
  }

  /** Splunk's export line: the record in `result`, the other members scalars; the end, or -1. */
  private splunkLine(open: number): number {
    const { bytes } = this;
    let at = this.space(open + 1);
    let found = false;
    if (bytes[at] === 0x7d) return -1;
    for (;;) {
      if (bytes[at] !== quote) return -1;
      const close = this.string(at);
      if (close < 0 || this.escaped) return -1;
      const isResult = this.matches(this.result, at + 1, close);
      at = this.space(close + 1);
      if (bytes[at] !== 0x3a) return -1;
      at = this.space(at + 1);
      if (isResult) {
        if (found || bytes[at] !== 0x7b) return -1;
        found = true;
        at = this.record(at);
      } else {
        const first = bytes[at];
        // markRepeatedKeys would read keys nested in another member as the record's.
        if (first === 0x7b || first === 0x5b) return -1;
        at = this.value(at, 1);
      }
      if (at < 0) return -1;
      at = this.space(at);
      if (bytes[at] === 0x2c) at = this.space(at + 1);
      else if (bytes[at] === 0x7d) return found ? at + 1 : -1;
      else return -1;
    }
  }

  /** The record's object at `open`: its mapped keys' values kept; the end, or -1. */
  private record(open: number): number {
    const { bytes } = this;
    let at = this.space(open + 1);
    if (bytes[at] === 0x7d) return at + 1;
    for (;;) {
      if (bytes[at] !== quote) return -1;
      const close = this.string(at);
      if (close < 0 || this.escaped) return -1;
      const name = this.lookUp(at + 1, close);
      at = this.space(close + 1);
      if (bytes[at] !== 0x3a) return -1;
      at = this.space(at + 1);
      if (name < 0) at = this.value(at, 1);
      else {
        if (this.seenOn[name] === this.stamp || this.repeatMark[name] === 1) return -1;
        this.seenOn[name] = this.stamp;
        at = this.mappedValue(at, name);
      }
      if (at < 0) return -1;
      at = this.space(at);
      if (bytes[at] === 0x2c) at = this.space(at + 1);
      else if (bytes[at] === 0x7d) return at + 1;
      else return -1;
    }
  }

  /** The value of mapped key `name` at `at`, kept as flatValueText reads it; its end, or -1. */
  private mappedValue(at: number, name: number): number {
    const { bytes } = this;
    const first = bytes[at] as number;
    if (first === 0x5b) {
      // A multi-valued field (Splunk's Account_Name): the last value counts.
      let next = this.space(at + 1);
      this.keepEmpty(name, next);
      if (bytes[next] === 0x5d) return next + 1;
      for (;;) {
        const element = bytes[next];
        if (element === 0x5b || element === 0x7b) return -1;
        next = this.scalar(next, name);
        if (next < 0) return -1;
        next = this.space(next);
        if (bytes[next] === 0x2c) next = this.space(next + 1);
        else if (bytes[next] === 0x5d) return next + 1;
        else return -1;
      }
    }
    if (first === 0x7b) {
      this.kind[name] = oddValue;
      return this.value(at, 1);
    }
    return this.scalar(at, name);
  }

  private keepEmpty(name: number, at: number): void {
    this.kind[name] = plainValue;
    this.start[name] = at;
    this.end[name] = at;
  }

  /** A scalar at `at` kept as the value of `name`; its end, or -1. */
  private scalar(at: number, name: number): number {
    const first = this.bytes[at] as number;
    if (first === quote) {
      const close = this.string(at);
      if (close < 0) return -1;
      this.kind[name] = this.escaped ? escapedValue : plainValue;
      this.start[name] = at + 1;
      this.end[name] = close;
      return close + 1;
    }
    if (first === 0x6e) {
      this.keepEmpty(name, at);
      return this.literal(at, "null");
    }
    this.plainNumber = false;
    const end = this.value(at, 1);
    // Plain digits read as they are written (JSON has no leading zeros); 16 digits may not round-trip.
    this.kind[name] = this.plainNumber && end - at <= 15 ? plainValue : oddValue;
    this.start[name] = at;
    this.end[name] = end;
    return end;
  }

  /** Whether the last string read had an escape. */
  private escaped = false;
  /** Whether the last number read was plain digits. */
  private plainNumber = false;

  /** The closing quote of the string opening at `open` (escapes and control bytes checked), or -1. */
  private string(open: number): number {
    const { bytes, limit } = this;
    this.escaped = false;
    let at = open + 1;
    while (at < limit) {
      const byte = bytes[at] as number;
      if (byte === quote) return at;
      if (byte < 0x20) return -1;
      if (byte === backslash) {
        this.escaped = true;
        const next = bytes[at + 1] as number;
        if (next === 0x75) {
          if (at + 5 >= limit) return -1;
          for (let k = 2; k < 6; k++) if (!isHex(bytes[at + k] as number)) return -1;
          at += 6;
        } else if (
          next === quote ||
          next === backslash ||
          next === 0x2f ||
          next === 0x62 ||
          next === 0x66 ||
          next === 0x6e ||
          next === 0x72 ||
          next === 0x74
        )
          at += 2;
        else return -1;
      } else at++;
    }
    return -1;
  }

  /** Any JSON value at `at` (nested `depth` deep), checked; its end, or -1. */
  private value(at: number, depth: number): number {
    const { bytes } = this;
    const first = bytes[at] as number;
    if (first === quote) {
      const close = this.string(at);
      return close < 0 ? -1 : close + 1;
    }
    if (first === 0x2d || isDigit(first)) return this.number(at);
    if (first === 0x74) return this.literal(at, "true");
    if (first === 0x66) return this.literal(at, "false");
    if (first === 0x6e) return this.literal(at, "null");
    if (depth > maxDepth) return -1;
    if (first === 0x5b) {
      let next = this.space(at + 1);
      if (bytes[next] === 0x5d) return next + 1;
      for (;;) {
        next = this.value(next, depth + 1);
        if (next < 0) return -1;
        next = this.space(next);
        if (bytes[next] === 0x2c) next = this.space(next + 1);
        else if (bytes[next] === 0x5d) return next + 1;
        else return -1;
      }
    }
    if (first === 0x7b) {
      let next = this.space(at + 1);
      if (bytes[next] === 0x7d) return next + 1;
      for (;;) {
        if (bytes[next] !== quote) return -1;
        const close = this.string(next);
        if (close < 0) return -1;
        next = this.space(close + 1);
        if (bytes[next] !== 0x3a) return -1;
        next = this.value(this.space(next + 1), depth + 1);
        if (next < 0) return -1;
        next = this.space(next);
        if (bytes[next] === 0x2c) next = this.space(next + 1);
        else if (bytes[next] === 0x7d) return next + 1;
        else return -1;
      }
    }
    return -1;
  }

  /** A JSON number at `at` (its grammar exactly); its end, or -1; `plainNumber` when only digits. */
  private number(at: number): number {
    const { bytes } = this;
    let next = at;
    let plain = true;
    if (bytes[next] === 0x2d) {
      plain = false;
      next++;
    }
    if (bytes[next] === 0x30) next++;
    else if (isDigit(bytes[next] as number)) while (isDigit(bytes[next] as number)) next++;
    else return -1;
    if (bytes[next] === 0x2e) {
      plain = false;
      next++;
      if (!isDigit(bytes[next] as number)) return -1;
      while (isDigit(bytes[next] as number)) next++;
    }
    if (((bytes[next] as number) | 0x20) === 0x65) {
      plain = false;
      next++;
      if (bytes[next] === 0x2b || bytes[next] === 0x2d) next++;
      if (!isDigit(bytes[next] as number)) return -1;
      while (isDigit(bytes[next] as number)) next++;
    }
    this.plainNumber = plain;
    return next > this.limit ? -1 : next;
  }

  private literal(at: number, word: string): number {
    if (at + word.length > this.limit) return -1;
    for (let k = 0; k < word.length; k++) if (this.bytes[at + k] !== word.charCodeAt(k)) return -1;
    return at + word.length;
  }

  /** The index of the name that is bytes[from, to), or -1. */
  private lookUp(from: number, to: number): number {
    const candidates = this.byLength[to - from];
    if (candidates === undefined) return -1;
    for (const k of candidates) if (this.matches(this.names[k] as Buffer, from, to)) return k;
    return -1;
  }

  private matches(name: Buffer, from: number, to: number): boolean {
    if (name.length !== to - from) return false;
    const { bytes } = this;
    for (let k = 0; k < name.length; k++) if (bytes[from + k] !== name[k]) return false;
    return true;
  }
}
