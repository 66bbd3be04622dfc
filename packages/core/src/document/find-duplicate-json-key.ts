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
  // The keys of every open object in one array (innermost last), compared by a short scan: a Set per
  // object cost more than the parse itself on large files of small records. An object with many keys
  // gets a Set after all.
  const keys: string[] = [];
  /** Per open container: where its keys start in `keys`, or -1 for an array. */
  const frames: number[] = [];
  const sets: (Set<string> | undefined)[] = [];
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
      const first = frames.length === 0 ? -1 : (frames[frames.length - 1] as number);
      if (first < 0) continue;
      let j = i;
      while (j < n && isJsonSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 0x3a) continue;
      const key = text.slice(start + 1, end);
      const set = sets[sets.length - 1];
      if (set !== undefined) {
        if (set.has(key)) return { key, offset: start };
        set.add(key);
        continue;
      }
      for (let k = first; k < keys.length; k++) if (keys[k] === key) return { key, offset: start };
      keys.push(key);
      if (keys.length - first > MANY_KEYS) sets[sets.length - 1] = new Set(keys.slice(first));
    } else {
      if (c === 0x7b || c === 0x5b) {
        frames.push(c === 0x7b ? keys.length : -1);
        sets.push(undefined);
      } else if (c === 0x7d || c === 0x5d) {
        const first = frames.pop();
        if (first !== undefined && first >= 0) keys.length = first;
        sets.pop();
      }
      i++;
    }
  }
  return undefined;
}

/** Keys an object may have before they are kept in a Set rather than scanned. */
const MANY_KEYS = 16;

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
