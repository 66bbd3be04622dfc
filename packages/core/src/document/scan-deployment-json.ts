import type {
  AccessColumns,
  ColumnsDeployment,
} from "../deployment/build-resolved-from-columns.ts";
import { documentLimits } from "./document-limits.ts";
import { findDuplicateJsonKey } from "./find-duplicate-json-key.ts";
import { type ParsedDocument, parseDocumentText } from "./parse-document.ts";

/** A deployment's JSON text read with its accesses as columns, and the document it is, parsed when asked. */
export interface ScannedDeploymentJson extends ParsedDocument {
  readonly columns: ColumnsDeployment;
}

/**
 * Reads a JSON deployment whose accesses are all plain records (`user`, `device`, `server` and `service`,
 * each a string, no other field) straight into columns over one table of names: no object and no string per
 * access, only one string per distinct name (a large estate's hundreds of thousands of records are otherwise
 * most of `JSON.parse`'s work and of the memory it leaves). The rest of the document (everything but the
 * accesses' array) goes through `JSON.parse`. Undefined for any text this route does not take: not such a
 * document, or anything `parseDocumentText` would refuse or read otherwise (a syntax error, a duplicate
 * key, a control character, an escape anywhere, a record of another shape); the caller then parses the text
 * as before, so every problem is the one it always was, at the same line. `data` and `locate` parse the whole
 * text on first use (only a problem needs them).
 */
export function scanDeploymentJson(text: string): ScannedDeploymentJson | undefined {
  if (text.length > documentLimits.maxTextBytes) return undefined;
  // No escape and no DEL anywhere: every string is then its raw text, and no key is spelled two ways.
  if (text.indexOf("\\") !== -1 || text.indexOf("\u007f") !== -1) return undefined;
  const span = findTopLevelAccesses(text);
  if (span === undefined) return undefined;
  const accesses = scanAccessArray(text, span.start);
  if (accesses === undefined) return undefined;
  const rest = `${text.slice(0, span.start)}[]${text.slice(accesses.end)}`;
  let base: unknown;
  try {
    base = JSON.parse(rest);
  } catch {
    return undefined;
  }
  if (typeof base !== "object" || base === null || Array.isArray(base)) return undefined;
  if (findDuplicateJsonKey(rest) !== undefined) return undefined;
  let parsed: ParsedDocument | undefined;
  const parse = (): ParsedDocument => {
    if (parsed === undefined) {
      const result = parseDocumentText(text);
      // The text was read above as JSON without a problem; parseDocumentText reads it the same way.
      if ("problems" in result) throw new Error("a scanned deployment no longer parses");
      parsed = result.document;
    }
    return parsed;
  };
  return {
    columns: {
      base: base as ColumnsDeployment["base"],
      addedUsers: [],
      addedDevices: [],
      accesses: accesses.columns,
    },
    get data() {
      return parse().data;
    },
    locate: (path) => parse().locate(path),
  };
}

/** Where the top-level object's `accesses` value starts (its `[`), or undefined. */
function findTopLevelAccesses(text: string): { start: number } | undefined {
  const n = text.length;
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) !== OPEN_OBJECT) return undefined;
  i = skipSpace(text, i + 1);
  while (i < n && text.charCodeAt(i) === QUOTE) {
    const keyEnd = text.indexOf('"', i + 1);
    if (keyEnd === -1) return undefined;
    const isAccesses = keyEnd - i - 1 === 8 && text.startsWith("accesses", i + 1);
    i = skipSpace(text, keyEnd + 1);
    if (text.charCodeAt(i) !== COLON) return undefined;
    i = skipSpace(text, i + 1);
    if (isAccesses) return text.charCodeAt(i) === OPEN_ARRAY ? { start: i } : undefined;
    i = skipValue(text, i);
    if (i === -1) return undefined;
    i = skipSpace(text, i);
    if (text.charCodeAt(i) !== COMMA) return undefined;
    i = skipSpace(text, i + 1);
  }
  return undefined;
}

/**
 * The end of the value starting at `i` (a string, or anything up to the comma or bracket that closes it at
 * its depth), or -1. Not a validation: `JSON.parse` of the rest judges the text.
 */
function skipValue(text: string, i: number): number {
  const n = text.length;
  let depth = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = text.indexOf('"', i + 1);
      if (end === -1) return -1;
      i = end + 1;
      if (depth === 0) return i;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
    else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth === 0) return i;
      depth--;
      if (depth === 0) return i + 1;
    } else if (c === COMMA && depth === 0) return i;
    i++;
  }
  return -1;
}

/** The fields a plain record may have, as bits. */
const USER = 1;
const DEVICE = 2;
const SERVER = 4;
const SERVICE = 8;

/**
 * The access array starting at `start` (`[`) read strictly into columns, and where it ends (after `]`), or
 * undefined at the first thing that is not a plain record: a record must be an object of string fields,
 * `server` and at least one of `user` and `device` non-empty, each field at most once.
 */
function scanAccessArray(
  text: string,
  start: number,
): { columns: AccessColumns; end: number } | undefined {
  const n = text.length;
  const names = new NameTable(text);
  const services: string[] = [];
  // Generous first sizes: a record is at least 20 characters of text.
  const capacity = Math.max(16, Math.ceil((n - start) / 20));
  let user = new Int32Array(capacity);
  let device = new Int32Array(capacity);
  let server = new Int32Array(capacity);
  let service = new Int32Array(capacity);
  let count = 0;
  let i = skipSpace(text, start + 1);
  if (text.charCodeAt(i) === CLOSE_ARRAY) i++;
  else
    for (;;) {
      if (text.charCodeAt(i) !== OPEN_OBJECT) return undefined;
      i = skipSpace(text, i + 1);
      let seen = 0;
      let u = -1;
      let d = -1;
      let s = -1;
      let v = -1;
      for (;;) {
        if (text.charCodeAt(i) !== QUOTE) return undefined;
        const field = fieldAt(text, i + 1);
        if (field === 0 || (seen & field) !== 0) return undefined;
        seen |= field;
        i = skipSpace(text, i + 2 + (FIELD_LENGTHS[field] as number));
        if (text.charCodeAt(i) !== COLON) return undefined;
        i = skipSpace(text, i + 1);
        if (text.charCodeAt(i) !== QUOTE) return undefined;
        const valueStart = i + 1;
        // A string value: no control character (JSON refuses them raw); the escape and DEL are gone already.
        let hash = 0;
        let j = valueStart;
        let c = text.charCodeAt(j);
        while (c !== QUOTE && c >= 0x20) {
          hash = (Math.imul(hash, 31) + c) | 0;
          c = text.charCodeAt(++j);
        }
        if (c !== QUOTE) return undefined;
        if (field === SERVICE) {
          const name = text.slice(valueStart, j);
          v = services.indexOf(name);
          if (v === -1) v = services.push(name) - 1;
        } else {
          if (j === valueStart) return undefined;
          const id = names.intern(valueStart, j, hash);
          if (field === USER) u = id;
          else if (field === DEVICE) d = id;
          else s = id;
        }
        i = skipSpace(text, j + 1);
        const next = text.charCodeAt(i);
        if (next === CLOSE_OBJECT) break;
        if (next !== COMMA) return undefined;
        i = skipSpace(text, i + 1);
      }
      if ((seen & SERVER) === 0 || (seen & (USER | DEVICE)) === 0) return undefined;
      if (count === user.length) {
        user = grow(user);
        device = grow(device);
        server = grow(server);
        service = grow(service);
      }
      user[count] = u;
      device[count] = d;
      server[count] = s;
      service[count] = v;
      count++;
      i = skipSpace(text, i + 1);
      const next = text.charCodeAt(i);
      if (next === CLOSE_ARRAY) {
        i++;
        break;
      }
      if (next !== COMMA) return undefined;
      i = skipSpace(text, i + 1);
    }
  if (i > n) return undefined;
  return {
    columns: {
      names: names.names,
      services,
      user: user.slice(0, count),
      device: device.slice(0, count),
      server: server.slice(0, count),
      service: service.slice(0, count),
    },
    end: i,
  };
}

/** The field bit of the key starting at `from` (after its quote, and followed by its closing one), else 0. */
function fieldAt(text: string, from: number): number {
  const first = text.charCodeAt(from);
  const field =
    first === 0x75
      ? USER
      : first === 0x64
        ? DEVICE
        : first === 0x73
          ? text.charCodeAt(from + 4) === 0x65
            ? SERVER
            : SERVICE
          : 0;
  if (field === 0) return 0;
  const word = FIELD_CODES[field] as readonly number[];
  for (let k = 1; k < word.length; k++) if (text.charCodeAt(from + k) !== word[k]) return 0;
  return text.charCodeAt(from + word.length) === QUOTE ? field : 0;
}

/** Per field bit, its key's characters and length. */
const FIELD_CODES: readonly (readonly number[] | undefined)[] = [];
const FIELD_LENGTHS: number[] = [];
for (const [bit, word] of [
  [USER, "user"],
  [DEVICE, "device"],
  [SERVER, "server"],
  [SERVICE, "service"],
] as const) {
  (FIELD_CODES as (readonly number[])[])[bit] = [...word].map((c) => c.charCodeAt(0));
  FIELD_LENGTHS[bit] = word.length;
}

/**
 * Distinct names of the text, numbered in the order met: an open-addressing table whose slot holds a name's
 * hash, number, first place in the text and length side by side (one cache line: the table is looked up at
 * random once per field), so a name met again is compared in place and no string is made for it.
 */
class NameTable {
  readonly names: string[] = [];
  /**
   * Per slot, four integers: its key (the hash), the name's number + 1 (0: an empty slot), and the name
   * packed (a short one) or its start and length.
   */
  private slots = new Int32Array(4 << 11);
  /** log2 of the slots' count. */
  private bits = 11;

  constructor(private readonly text: string) {}

  /** The number of the name between `from` and `to` (whose hash is `hash`), added when new. */
  intern(from: number, to: number, hash: number): number {
    const length = to - from;
    const text = this.text;
    // A name of at most 8 characters below U+0100 is its own key, packed into two integers (no character
    // is 0, so the padding tells the length): found again without reading the text where it was first met.
    // Longer names keep their first place and length (the hash's low bit set) and are compared in place.
    let low = 0;
    let high = 0;
    let short = length <= 8;
    for (let k = 0; short && k < length; k++) {
      const c = text.charCodeAt(from + k);
      if (c > 0xff) short = false;
      else if (k < 4) low |= c << (8 * k);
      else high |= c << (8 * (k - 4));
    }
    const key = short ? hash & ~1 : hash | 1;
    if (!short) {
      low = from;
      high = length;
    }
    const slots = this.slots;
    const mask = (1 << this.bits) - 1;
    let slot = slotOf(key, this.bits);
    for (;;) {
      const at = slot << 2;
      const entry = slots[at + 1] as number;
      if (entry === 0) break;
      if (
        slots[at] === key &&
        (short
          ? slots[at + 2] === low && slots[at + 3] === high
          : slots[at + 3] === length && this.equals(slots[at + 2] as number, from, length))
      )
        return entry - 1;
      slot = (slot + 1) & mask;
    }
    const id = this.names.length;
    this.names.push(text.slice(from, to));
    const at = slot << 2;
    slots[at] = key;
    slots[at + 1] = id + 1;
    slots[at + 2] = low;
    slots[at + 3] = high;
    if (this.names.length * 2 > 1 << this.bits) this.rehash();
    return id;
  }

  private equals(other: number, from: number, length: number): boolean {
    const text = this.text;
    for (let k = 0; k < length; k++)
      if (text.charCodeAt(other + k) !== text.charCodeAt(from + k)) return false;
    return true;
  }

  private rehash(): void {
    const old = this.slots;
    this.bits++;
    const slots = new Int32Array(4 << this.bits);
    const mask = (1 << this.bits) - 1;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at + 1] === 0) continue;
      let slot = slotOf(old[at] as number, this.bits);
      while (slots[(slot << 2) + 1] !== 0) slot = (slot + 1) & mask;
      const to = slot << 2;
      slots[to] = old[at] as number;
      slots[to + 1] = old[at + 1] as number;
      slots[to + 2] = old[at + 2] as number;
      slots[to + 3] = old[at + 3] as number;
    }
    this.slots = slots;
  }
}

/**
 * A slot for a hash in a table of 2^bits slots: its top bits after a multiplication by the golden ratio, since
 * names that differ in their last digit have consecutive hashes, which would pile up in adjacent slots.
 */
function slotOf(hash: number, bits: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> (32 - bits);
}

function grow(values: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(values.length * 2);
  grown.set(values);
  return grown;
}

function skipSpace(text: string, i: number): number {
  let c = text.charCodeAt(i);
  while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++i);
  return i;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
