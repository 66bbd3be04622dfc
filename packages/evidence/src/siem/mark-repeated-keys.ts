/** Reads the JSON value at `at` when it is a string or a scalar: its text, or undefined. */
function scalarAt(text: string, at: number): string | undefined {
  let end = at;
  if (text.charCodeAt(at) === 0x22) {
    end = at + 1;
    while (end < text.length && text.charCodeAt(end) !== 0x22)
      end += text.charCodeAt(end) === 0x5c ? 2 : 1;
    try {
      return JSON.parse(text.slice(at, end + 1)) as string;
    } catch {
      return undefined;
    }
  }
  while (end < text.length && !/[,}\]\s]/.test(text.charAt(end))) end++;
  const raw = text.slice(at, end);
  return raw === "null" ? "" : raw === "" ? undefined : raw;
}

/**
 * JSON.parse keeps the last of repeated keys, where the XML and EVTX readers see every value: when
 * one of `names` occurs twice as a key of the objects `depth` levels down (1: the record itself; 2:
 * Splunk's `result`), the second value is added to `record` as `name#2`, so that checkLogonFields
 * refuses the record as every reader does. A cheap search rules most records out first.
 */
export function markRepeatedKeys(
  text: string,
  record: Record<string, unknown>,
  names: Iterable<string>,
  depth: number,
): void {
  const suspects = new Set<string>();
  for (const name of names) {
    // Searched without the opening quote: V8 finds a needle that starts with a letter far faster
    // than one starting with `"`, the most common character of JSON (measured 30×).
    const needle = `${name}"`;
    const first = text.indexOf(needle);
    if (first !== -1 && text.indexOf(needle, first + needle.length) !== -1) suspects.add(name);
  }
  if (suspects.size === 0) return;
  const seen = new Set<string>();
  let level = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) level++;
    else if (c === 0x7d || c === 0x5d) level--;
    else if (c === 0x22) {
      let end = i + 1;
      while (end < text.length && text.charCodeAt(end) !== 0x22)
        end += text.charCodeAt(end) === 0x5c ? 2 : 1;
      let after = end + 1;
      while (after < text.length && /\s/.test(text.charAt(after))) after++;
      if (level === depth && text.charAt(after) === ":") {
        const key = text.slice(i + 1, end);
        if (suspects.has(key)) {
          let at = after + 1;
          while (at < text.length && /\s/.test(text.charAt(at))) at++;
          if (seen.has(key)) {
            const value = scalarAt(text, at);
            if (value !== undefined && record[`${key}#2`] === undefined) record[`${key}#2`] = value;
          } else seen.add(key);
        }
      }
      i = end;
    }
  }
}
