/** Chunks of about this many characters are handed out at a time. */
const CHUNK_CHARACTERS = 1 << 16;
/** Arrays longer than this are written element by element; shorter ones in one `JSON.stringify`. */
const SPLIT_LENGTH = 64;

/**
 * `JSON.stringify(value, null, 2)` in pieces: joined, the chunks are exactly that text. Large results
 * (an evaluation of 200,000 users holds as many holder lines) are never one string of tens of MB plus
 * its encoded copy: long arrays and the objects above them are walked, everything else is stringified
 * by `JSON.stringify` itself and indented (JSON text has no raw line breaks inside strings, so every
 * line break is one of its own).
 */
export function* formatJsonChunks(value: unknown): Generator<string> {
  const pending: string[] = [];
  let size = 0;
  for (const piece of walk(value, "")) {
    pending.push(piece);
    size += piece.length;
    if (size >= CHUNK_CHARACTERS) {
      yield pending.join("");
      pending.length = 0;
      size = 0;
    }
  }
  if (pending.length > 0) yield pending.join("");
}

function* walk(value: unknown, indent: string): Generator<string> {
  if (!isWalkable(value)) {
    const text = JSON.stringify(value, null, 2);
    yield indent === "" ? text : text.replaceAll("\n", `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    yield "[";
    for (let index = 0; index < value.length; index++) {
      yield `${index === 0 ? "" : ","}\n${inner}`;
      const element = value[index];
      // JSON.stringify writes null for what JSON cannot hold, in arrays.
      if (isOmitted(element)) yield "null";
      else yield* walk(element, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  const record = value as Record<string, unknown>;
  let first = true;
  for (const key of Object.keys(record)) {
    const field = record[key];
    if (isOmitted(field)) continue;
    yield `${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* walk(field, inner);
  }
  yield first ? "{}" : `\n${indent}}`;
}

/** What is worth walking: a long array, or a short one or a plain object that holds one below it. */
function isWalkable(value: unknown): value is object {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return value.length > SPLIT_LENGTH || value.some(isWalkable);
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(value).some(isWalkable);
}

/** Values JSON.stringify leaves out of objects (and writes as null in arrays). */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}
