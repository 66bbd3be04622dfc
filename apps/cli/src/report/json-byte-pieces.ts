import type { Pieces } from "./format-json-chunks.ts";

/** About how many bytes of UTF-8 are gathered into one byte piece. */
const PIECE_BYTES = 1 << 20;
/** Room kept free at the end of a piece: it is full once less than this is left. */
const PIECE_HEADROOM = 1 << 16;
/** How deep plain data is written in place; deeper values go through JSON.stringify. */
const MAX_PLAIN_DEPTH = 64;

/**
 * UTF-8 gathered into pieces of about a megabyte: each part is written straight into the piece's bytes,
 * so no long string is built, joined and encoded again on the way out. Plain data is written in place
 * (`addPlain`); the report writers of known shapes (`format-audit-json.ts`) use its parts directly.
 */
export class JsonBytePieces implements Pieces<Uint8Array> {
  #buffer = Buffer.allocUnsafe(PIECE_BYTES);
  #length = 0;
  /** A part longer than a piece's room, kept as its own bytes after what came before it. */
  #done: Uint8Array[] = [];
  add(text: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4).
    if (text.length * 3 <= this.#buffer.length - this.#length) {
      this.#length += this.#buffer.write(text, this.#length);
      return;
    }
    if (this.#length > 0) this.#done.push(this.#buffer.subarray(0, this.#length));
    this.#buffer = Buffer.allocUnsafe(PIECE_BYTES);
    this.#length = 0;
    if (text.length * 3 > PIECE_BYTES) this.#done.push(Buffer.from(text));
    else this.#length = this.#buffer.write(text);
  }
  get full(): boolean {
    return this.#done.length > 0 || this.#length >= PIECE_BYTES - PIECE_HEADROOM;
  }
  get empty(): boolean {
    return this.#done.length === 0 && this.#length === 0;
  }
  take(): Uint8Array {
    if (this.#length > 0) this.#done.push(this.#buffer.subarray(0, this.#length));
    const piece = this.#done.length === 1 ? this.#done[0] : Buffer.concat(this.#done);
    this.#done = [];
    this.#buffer = Buffer.allocUnsafe(PIECE_BYTES);
    this.#length = 0;
    return piece ?? new Uint8Array(0);
  }
  addPlain(value: unknown, indent: string): boolean {
    // Written in place; on a value that is not plain data, everything written for it is taken back
    // (the bytes before it are where they were: a fresh buffer is only ever added after them).
    const done = this.#done.length;
    const buffer = this.#buffer;
    const length = this.#length;
    if (this.#plain(value, indent.length, 0)) return true;
    this.#done.length = done;
    this.#buffer = buffer;
    this.#length = length;
    return false;
  }
  /** Bytes written as they are (a writer's fixed parts, encoded once: `asciiBytes`). */
  bytes(part: Uint8Array): void {
    this.#room(part.length);
    const buffer = this.#buffer;
    let at = this.#length;
    for (let k = 0; k < part.length; k++) buffer[at++] = part[k] as number;
    this.#length = at;
  }
  /** Room for `n` more bytes in the current buffer. */
  #room(n: number): void {
    if (n <= this.#buffer.length - this.#length) return;
    if (this.#length > 0) this.#done.push(this.#buffer.subarray(0, this.#length));
    this.#buffer = Buffer.allocUnsafe(Math.max(PIECE_BYTES, n));
    this.#length = 0;
  }
  /** Text of ASCII only (punctuation, keywords), byte by byte. */
  ascii(text: string): void {
    this.#room(text.length);
    const buffer = this.#buffer;
    let at = this.#length;
    for (let k = 0; k < text.length; k++) buffer[at++] = text.charCodeAt(k);
    this.#length = at;
  }
  /** A line break and `indent` spaces. */
  line(indent: number): void {
    this.#room(indent + 1);
    const buffer = this.#buffer;
    let at = this.#length;
    buffer[at++] = 0x0a;
    for (let k = 0; k < indent; k++) buffer[at++] = 0x20;
    this.#length = at;
  }
  /** A string as JSON: printable ASCII byte by byte, anything else as JSON.stringify escapes it. */
  string(text: string): void {
    const n = text.length;
    this.#room(n + 2);
    const buffer = this.#buffer;
    let at = this.#length;
    buffer[at++] = 0x22;
    for (let k = 0; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) {
        const quoted = JSON.stringify(text);
        this.#room(quoted.length * 3);
        this.#length += this.#buffer.write(quoted, this.#length);
        return;
      }
      buffer[at++] = c;
    }
    buffer[at++] = 0x22;
    this.#length = at;
  }
  /** A number as JSON writes it (not finite: null). */
  number(value: number): void {
    if (!Number.isFinite(value)) this.ascii("null");
    else if (Number.isInteger(value) && value >= 0 && value < 1e9) {
      // Digits straight in (access numbers, counts): no string per number.
      this.#room(10);
      const buffer = this.#buffer;
      let digits = 1;
      for (let v = value; v >= 10; v = Math.floor(v / 10)) digits++;
      let at = this.#length + digits;
      this.#length = at;
      let v = value;
      do {
        buffer[--at] = 0x30 + (v % 10);
        v = Math.floor(v / 10);
      } while (v > 0);
    } else this.ascii(String(value));
  }
  /** Writes `value` at `indent` spaces; false at the first part that is not plain data. */
  #plain(value: unknown, indent: number, depth: number): boolean {
    switch (typeof value) {
      case "string":
        this.string(value);
        return true;
      case "number":
        this.number(value);
        return true;
      case "boolean":
        this.ascii(value ? "true" : "false");
        return true;
      case "object":
        break;
      default:
        return false;
    }
    if (value === null) {
      this.ascii("null");
      return true;
    }
    // Deep values (and cycles, which JSON.stringify refuses) are left to JSON.stringify.
    if (depth > MAX_PLAIN_DEPTH) return false;
    if (typeof (value as { toJSON?: unknown }).toJSON === "function") return false;
    if (Array.isArray(value)) {
      if (value.length === 0) {
        this.ascii("[]");
        return true;
      }
      this.ascii("[");
      for (let k = 0; k < value.length; k++) {
        if (k > 0) this.ascii(",");
        this.line(indent + 2);
        const element: unknown = value[k];
        // JSON.stringify writes null for what JSON cannot hold, in arrays.
        if (!isWritten(element)) this.ascii("null");
        else if (!this.#plain(element, indent + 2, depth + 1)) return false;
      }
      this.line(indent);
      this.ascii("]");
      return true;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return false;
    const record = value as Record<string, unknown>;
    let first = true;
    for (const key of Object.keys(record)) {
      const field = record[key];
      if (!isWritten(field)) continue;
      this.ascii(first ? "{" : ",");
      first = false;
      this.line(indent + 2);
      this.string(key);
      this.ascii(": ");
      if (!this.#plain(field, indent + 2, depth + 1)) return false;
    }
    if (first) this.ascii("{}");
    else {
      this.line(indent);
      this.ascii("}");
    }
    return true;
  }
}

/** Whether JSON.stringify writes a property with this value (it leaves out functions, symbols, undefined). */
export function isWritten(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}

/** A fixed part of a writer, encoded once (ASCII: keys, punctuation, indents). */
export function asciiBytes(text: string): Uint8Array {
  return Buffer.from(text, "latin1");
}
