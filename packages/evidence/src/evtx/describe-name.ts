/** Longest part of a name a problem message quotes: names come from the input and may be 32k long. */
const maxQuoted = 40;

function isControlOrBackslash(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x5c;
}

/**
 * Shows an element name read from the input in a problem message: at most 40 characters (then
 * "…"), control characters and backslashes escaped, so a crafted name can neither flood nor
 * garble the report.
 */
export function describeName(name: string): string {
  let text = "";
  for (let i = 0; i < Math.min(name.length, maxQuoted); i++) {
    const code = name.charCodeAt(i);
    text += isControlOrBackslash(code)
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : (name[i] as string);
  }
  return name.length > maxQuoted ? `${text}…` : text;
}
