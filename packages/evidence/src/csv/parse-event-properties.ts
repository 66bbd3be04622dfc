import { logonEventDataNames } from "./logon-event-template.ts";

/**
 * Reads a `Properties` column that holds the event's values, exported as
 * `@{n='Properties';e={$_.Properties.Value | ConvertTo-Json -Compress}}` (a JSON array) or joined with
 * line breaks. Plain `Export-Csv` writes only the .NET type name (`System.Collections.Generic.List…`),
 * which holds nothing and gives undefined. Values are named by the 4624 template; other events' values
 * are `Property1`, `Property2`…
 */
export function parseEventProperties(
  eventId: number,
  text: string | undefined,
): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.startsWith("System.")) return undefined;
  let values: unknown[];
  if (trimmed.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (!Array.isArray(parsed)) return undefined;
      values = parsed;
    } catch {
      return undefined;
    }
  } else values = trimmed.split(/\r?\n/);
  const names: readonly string[] = eventId === 4624 ? logonEventDataNames : [];
  const data = Object.create(null) as Record<string, string>;
  values.forEach((value, index) => {
    data[names[index] ?? `Property${index + 1}`] =
      value === null || value === undefined ? "" : String(value);
  });
  return data;
}
