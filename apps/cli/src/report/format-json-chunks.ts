/** Arrays and objects at most this deep are written piece by piece; deeper values in one piece each. */
const splitDepth = 2;

/**
 * The text of `JSON.stringify(value, null, 2)` in pieces, so a large result (the audit of a large
 * estate: hundreds of thousands of counted users) is written without holding its whole text, which
 * can exceed the longest string V8 allows. Plain arrays and objects near the top are walked here;
 * every value below them is one JSON.stringify call, re-indented to its depth (JSON text has no
 * raw newline inside a string, so every newline in it starts a line).
 */
export function* formatJsonChunks(value: unknown, depth = 0): Generator<string> {
  const pad = "  ".repeat(depth);
  const isPlain =
    typeof value === "object" &&
    value !== null &&
    (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype) &&
    typeof (value as { toJSON?: unknown }).toJSON !== "function";
  if (depth >= splitDepth || !isPlain) {
    const text = JSON.stringify(value, null, 2) ?? "null";
    yield depth === 0 ? text : text.replaceAll("\n", `\n${pad}`);
    return;
  }
  const entries: [string | undefined, unknown][] = Array.isArray(value)
    ? value.map((item) => [undefined, isWritten(item) ? item : null])
    : Object.entries(value as object)
        .filter(([, item]) => isWritten(item))
        .map(([key, item]) => [JSON.stringify(key), item]);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) {
    yield `${open}${close}`;
    return;
  }
  yield `${open}\n`;
  for (const [i, [key, item]] of entries.entries()) {
    yield `${pad}  ${key === undefined ? "" : `${key}: `}`;
    yield* formatJsonChunks(item, depth + 1);
    yield i + 1 < entries.length ? ",\n" : "\n";
  }
  yield `${pad}${close}`;
}

/** Whether JSON.stringify writes a property with this value (it leaves out functions, symbols, undefined). */
function isWritten(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}
