import { TrailList } from "@calwise/app";

/** Arrays longer than this are written element by element; shorter ones in one `JSON.stringify`. */
const SPLIT_LENGTH = 64;
/** About how many characters of text are gathered into one string piece. */
const PIECE_CHARACTERS = 1 << 16;
/** About how many bytes of UTF-8 are gathered into one byte piece. */
const PIECE_BYTES = 1 << 20;

/**
 * The text of `JSON.stringify(value, null, 2)` in pieces, so a large result (the audit of a large
 * estate: hundreds of thousands of counted users; the evaluation of 200,000 users: as many holder
 * lines) is written without holding its whole text, which can exceed the longest string V8 allows.
 * Long arrays, at any depth, and the plain arrays and objects above them are walked here; every other
 * value is one JSON.stringify call, re-indented to its depth (JSON text has no raw newline inside a
 * string, so every newline in it starts a line). Callers batch the pieces (`writeTextChunks`).
 */
export function* formatJsonChunks(value: unknown): Generator<string> {
  yield* formatJson(value, "", new StringPieces());
}

/**
 * The same text as `formatJsonChunks`, as UTF-8 in pieces of about a megabyte: each part is written
 * straight into the piece's bytes, so no long string is built, joined and encoded again on the way
 * out (an evaluation of 100,000 users is about 28 MB of it).
 */
export function* formatJsonBytes(value: unknown): Generator<Uint8Array> {
  yield* formatJson(value, "", new BytePieces());
}

/** Where the text is gathered until a piece is full: a string, or a buffer of UTF-8. */
interface Pieces<T> {
  add(text: string): void;
  /** Whether a piece is ready to be taken. */
  readonly full: boolean;
  /** Whether anything was added since the last take. */
  readonly empty: boolean;
  take(): T;
  /**
   * Writes plain data (what JSON.stringify writes without calling anything: plain objects and arrays,
   * strings, numbers, booleans, null) as `stringifyAt(value, indent)` would, straight into the piece, and
   * says so; false, with nothing written, for anything else (the caller then adds `stringifyAt`'s text).
   */
  addPlain(value: unknown, indent: string): boolean;
}

class StringPieces implements Pieces<string> {
  #piece = "";
  add(text: string): void {
    this.#piece += text;
  }
  get full(): boolean {
    return this.#piece.length >= PIECE_CHARACTERS;
  }
  get empty(): boolean {
    return this.#piece.length === 0;
  }
  take(): string {
    const piece = this.#piece;
    this.#piece = "";
    return piece;
  }
  addPlain(): boolean {
    return false;
  }
}

class BytePieces implements Pieces<Uint8Array> {
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
    return this.#done.length > 0 || this.#length >= PIECE_BYTES - PIECE_CHARACTERS;
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
  /** Room for `n` more bytes in the current buffer. */
  #room(n: number): void {
    if (n <= this.#buffer.length - this.#length) return;
    if (this.#length > 0) this.#done.push(this.#buffer.subarray(0, this.#length));
    this.#buffer = Buffer.allocUnsafe(Math.max(PIECE_BYTES, n));
    this.#length = 0;
  }
  #ascii(text: string): void {
    this.#room(text.length);
    const buffer = this.#buffer;
    let at = this.#length;
    for (let k = 0; k < text.length; k++) buffer[at++] = text.charCodeAt(k);
    this.#length = at;
  }
  /** A line break and `indent` spaces. */
  #line(indent: number): void {
    this.#room(indent + 1);
    const buffer = this.#buffer;
    let at = this.#length;
    buffer[at++] = 0x0a;
    for (let k = 0; k < indent; k++) buffer[at++] = 0x20;
    this.#length = at;
  }
  /** A string as JSON: printable ASCII byte by byte, anything else as JSON.stringify escapes it. */
  #string(text: string): void {
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
  #number(value: number): void {
    if (!Number.isFinite(value)) this.#ascii("null");
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
    } else this.#ascii(String(value));
  }
  /** Writes `value` at `indent` spaces; false at the first part that is not plain data. */
  #plain(value: unknown, indent: number, depth: number): boolean {
    switch (typeof value) {
      case "string":
        this.#string(value);
        return true;
      case "number":
        this.#number(value);
        return true;
      case "boolean":
        this.#ascii(value ? "true" : "false");
        return true;
      case "object":
        break;
      default:
        return false;
    }
    if (value === null) {
      this.#ascii("null");
      return true;
    }
    // Deep values (and cycles, which JSON.stringify refuses) are left to JSON.stringify.
    if (depth > MAX_PLAIN_DEPTH) return false;
    if (typeof (value as { toJSON?: unknown }).toJSON === "function") return false;
    if (Array.isArray(value)) {
      if (value.length === 0) {
        this.#ascii("[]");
        return true;
      }
      this.#ascii("[");
      for (let k = 0; k < value.length; k++) {
        if (k > 0) this.#ascii(",");
        this.#line(indent + 2);
        const element: unknown = value[k];
        // JSON.stringify writes null for what JSON cannot hold, in arrays.
        if (!isWritten(element)) this.#ascii("null");
        else if (!this.#plain(element, indent + 2, depth + 1)) return false;
      }
      this.#line(indent);
      this.#ascii("]");
      return true;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return false;
    const record = value as Record<string, unknown>;
    let first = true;
    for (const key of Object.keys(record)) {
      const field = record[key];
      if (!isWritten(field)) continue;
      this.#ascii(first ? "{" : ",");
      first = false;
      this.#line(indent + 2);
      this.#string(key);
      this.#ascii(": ");
      if (!this.#plain(field, indent + 2, depth + 1)) return false;
    }
    if (first) this.#ascii("{}");
    else {
      this.#line(indent);
      this.#ascii("}");
    }
    return true;
  }
}

/** How deep plain data is written in place; deeper values go through JSON.stringify. */
const MAX_PLAIN_DEPTH = 64;

/** Writes `value` into `pieces` and yields each piece once full; the last piece at the end. */
function* formatJson<T>(value: unknown, indent: string, pieces: Pieces<T>): Generator<T> {
  yield* formatValue(value, indent, pieces);
  if (!pieces.empty) yield pieces.take();
}

function* formatValue<T>(value: unknown, indent: string, pieces: Pieces<T>): Generator<T> {
  // A list built as it is read (the audit's counted holders) is written as the array it stands for:
  // element by element when long, never made whole first.
  if (value instanceof TrailList) {
    // What is written so far goes first: the list's entries are made only as they are written.
    if (!pieces.empty) yield pieces.take();
    if (value.length <= SPLIT_LENGTH) yield* formatValue(value.toJSON(), indent, pieces);
    else yield* formatLongList(value, indent, pieces);
    return;
  }
  if (!isWalkable(value)) {
    if (!pieces.addPlain(value, indent)) pieces.add(stringifyAt(value, indent));
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    yield* formatLongList(value, indent, pieces);
    return;
  }
  const record = value as Record<string, unknown>;
  let first = true;
  for (const key of Object.keys(record)) {
    const field = record[key];
    if (!isWritten(field)) continue;
    pieces.add(`${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `);
    first = false;
    yield* formatValue(field, inner, pieces);
  }
  pieces.add(first ? "{}" : `\n${indent}}`);
}

/** A list walked element by element (an array worth walking, or a long `TrailList`). */
function* formatLongList<T>(
  list: Iterable<unknown>,
  indent: string,
  pieces: Pieces<T>,
): Generator<T> {
  const inner = `${indent}  `;
  // Elements are added to the piece one by one and a piece is yielded only once full: one yield per
  // element through every enclosing generator cost more than writing the element (200,000 holder lines).
  let first = true;
  const long = !(list instanceof TrailList) && (list as unknown[]).length > SPLIT_LENGTH;
  pieces.add("[");
  for (const element of list) {
    pieces.add(first ? `\n${inner}` : `,\n${inner}`);
    first = false;
    // JSON.stringify writes null for what JSON cannot hold, in arrays.
    // A long list's elements are small as a rule (holder lines): plain data is written in place without
    // asking first whether it is worth walking (each would be walked twice); what is not (a TrailList
    // inside, a toJSON) is walked or stringified. A short list's elements (families) are walked, so a
    // large one is written in pieces.
    if (!isWritten(element)) pieces.add("null");
    else if (!(long && pieces.addPlain(element, inner))) {
      if (isWalkable(element)) yield* formatValue(element, inner, pieces);
      else if (long || !pieces.addPlain(element, inner)) pieces.add(stringifyAt(element, inner));
    }
    if (pieces.full) yield pieces.take();
  }
  pieces.add(`\n${indent}]`);
}

/** What is worth walking: a long array, or a short one or a plain object that holds one below it. */
function isWalkable(value: unknown): value is object {
  if (typeof value !== "object" || value === null) return false;
  if (value instanceof TrailList) return true;
  if (Array.isArray(value)) {
    if (value.length > SPLIT_LENGTH) return true;
    for (const element of value) if (isWalkable(element)) return true;
    return false;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  // for…in without building the list of values: a plain object's prototype adds no enumerable key.
  for (const key in value) if (isWalkable((value as Record<string, unknown>)[key])) return true;
  return false;
}

/** Whether JSON.stringify writes a property with this value (it leaves out functions, symbols, undefined). */
function isWritten(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}

/** `JSON.stringify(value, null, 2)` re-indented to `indent` (every newline in JSON text starts a line). */
function stringifyAt(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2) ?? "null";
  return indent === "" ? text : text.replaceAll("\n", `\n${indent}`);
}
