/**
 * An event's record id from its text: null when absent or empty, or when it is not a safe integer
 * (a crafted file's "1e400" or "0x10" is no id to deduplicate on). Callers trim where their format
 * pads.
 */
export function parseRecordId(text: string | undefined): number | null {
  if (text === undefined || text === "") return null;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : null;
}
