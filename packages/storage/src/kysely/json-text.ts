/** A value as JSON text for a document column (undefined is stored as null). */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** A document column's JSON text back as a value (both dialects hand JSON back as text). */
export function parseJsonText(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}
