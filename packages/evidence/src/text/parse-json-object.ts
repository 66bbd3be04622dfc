/** A JSON object as parsed. */
export type JsonObject = Record<string, unknown>;

/** One JSON record read as an object, or why it is not one (the message of its JSON_BAD_LINE). */
export type JsonObjectParse =
  | { readonly ok: true; readonly value: JsonObject }
  | { readonly ok: false; readonly message: string; readonly notJson: boolean };

/** Whether a parsed JSON value is an object (not an array, not null). */
export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Parses one JSON record (a line, or an element of a top-level array) that must be an object: the
 * object, or "not JSON: …" / "the `what` is not a JSON object" for the reader to report.
 */
export function parseJsonObject(text: string, what: "line" | "record"): JsonObjectParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not JSON: ${(error as Error).message}`, notJson: true };
  }
  return isJsonObject(value)
    ? { ok: true, value }
    : { ok: false, message: `the ${what} is not a JSON object`, notJson: false };
}
