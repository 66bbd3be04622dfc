/** Where a key first repeats inside one JSON object, and which key. */
export interface DuplicateJsonKey {
  readonly key: string;
  /** Offset of the repeated key's opening quote in the text. */
  readonly offset: number;
}

/**
 * Finds the first key that appears twice in the same object of valid JSON text (`JSON.parse` silently keeps
 * the last, so a document would mean something other than it says). One pass over the text, a key set per
 * open object; string contents are skipped, so keys are compared as written (escapes included).
 */
export function findDuplicateJsonKey(text: string): DuplicateJsonKey | undefined {
  const open: (Set<string> | undefined)[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const start = i;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i += 2;
        else if (d === 0x22) break;
        else i++;
      }
      const end = i;
      i++;
      const keys = open[open.length - 1];
      if (keys === undefined) continue;
      let j = i;
      while (j < n && isJsonSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 0x3a) continue;
      const key = text.slice(start + 1, end);
      if (keys.has(key)) return { key, offset: start };
      keys.add(key);
    } else {
      if (c === 0x7b) open.push(new Set());
      else if (c === 0x5b) open.push(undefined);
      else if (c === 0x7d || c === 0x5d) open.pop();
      i++;
    }
  }
  return undefined;
}

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
