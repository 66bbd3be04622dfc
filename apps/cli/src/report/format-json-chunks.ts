import { TrailList } from "@calwise/app";
import { isWritten, JsonBytePieces } from "./json-byte-pieces.ts";

/** Arrays longer than this are written element by element; shorter ones in one `JSON.stringify`. */
const SPLIT_LENGTH = 64;
/** About how many characters of text are gathered into one string piece. */
const PIECE_CHARACTERS = 1 << 16;

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
  yield* formatJson(value, "", new JsonBytePieces());
}

/** Where the text is gathered until a piece is full: a string, or a buffer of UTF-8 (`JsonBytePieces`). */
export interface Pieces<T> {
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

/** Writes `value` into `pieces` and yields each piece once full; the last piece at the end. */
function* formatJson<T>(value: unknown, indent: string, pieces: Pieces<T>): Generator<T> {
  yield* formatValue(value, indent, pieces);
  if (!pieces.empty) yield pieces.take();
}

/**
 * Writes `value` at `indent` (its own line's, as `JSON.stringify` would write it there) into `pieces`,
 * yielding each piece once full; what is left stays in `pieces` for the caller to go on writing.
 */
export function* formatValue<T>(value: unknown, indent: string, pieces: Pieces<T>): Generator<T> {
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

/** `JSON.stringify(value, null, 2)` re-indented to `indent` (every newline in JSON text starts a line). */
function stringifyAt(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2) ?? "null";
  return indent === "" ? text : text.replaceAll("\n", `\n${indent}`);
}
