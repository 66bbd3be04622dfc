import { TrailList } from "@calwise/app";

/** Arrays longer than this are written element by element; shorter ones in one `JSON.stringify`. */
const SPLIT_LENGTH = 64;
/** About how many characters of a long array's elements are gathered into one piece. */
const PIECE_CHARACTERS = 1 << 16;

/**
 * The text of `JSON.stringify(value, null, 2)` in pieces, so a large result (the audit of a large
 * estate: hundreds of thousands of counted users; the evaluation of 200,000 users: as many holder
 * lines) is written without holding its whole text, which can exceed the longest string V8 allows.
 * Long arrays, at any depth, and the plain arrays and objects above them are walked here; every other
 * value is one JSON.stringify call, re-indented to its depth (JSON text has no raw newline inside a
 * string, so every newline in it starts a line). Callers batch the pieces (`writeTextChunks`).
 */
export function* formatJsonChunks(value: unknown, indent = ""): Generator<string> {
  // A list built as it is read (the audit's counted holders) is written as the array it stands for:
  // element by element when long, never made whole first.
  if (value instanceof TrailList) {
    if (value.length <= SPLIT_LENGTH) yield* formatJsonChunks(value.toJSON(), indent);
    else yield* formatLongList(value, indent);
    return;
  }
  if (!isWalkable(value)) {
    yield stringifyAt(value, indent);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    yield* formatLongList(value, indent);
    return;
  }
  const record = value as Record<string, unknown>;
  let first = true;
  for (const key of Object.keys(record)) {
    const field = record[key];
    if (!isWritten(field)) continue;
    yield `${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* formatJsonChunks(field, inner);
  }
  yield first ? "{}" : `\n${indent}}`;
}

/** A list walked element by element (an array worth walking, or a long `TrailList`). */
function* formatLongList(list: Iterable<unknown>, indent: string): Generator<string> {
  const inner = `${indent}  `;
  // Elements that are not walked are gathered into pieces of about PIECE_CHARACTERS: one yield per
  // element through every enclosing generator cost more than writing the element (200,000 holder lines).
  let piece = "[";
  let first = true;
  for (const element of list) {
    piece += `${first ? "" : ","}\n${inner}`;
    first = false;
    // JSON.stringify writes null for what JSON cannot hold, in arrays.
    if (!isWritten(element)) piece += "null";
    else if (isWalkable(element)) {
      yield piece;
      piece = "";
      yield* formatJsonChunks(element, inner);
    } else piece += stringifyAt(element, inner);
    if (piece.length >= PIECE_CHARACTERS) {
      yield piece;
      piece = "";
    }
  }
  yield `${piece}\n${indent}]`;
}

/** What is worth walking: a long array, or a short one or a plain object that holds one below it. */
function isWalkable(value: unknown): value is object {
  if (typeof value !== "object" || value === null) return false;
  if (value instanceof TrailList) return true;
  if (Array.isArray(value)) return value.length > SPLIT_LENGTH || value.some(isWalkable);
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(value).some(isWalkable);
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
