/**
 * Text from a stranger's file made safe to print: control characters (C0, DEL, C1, and the Unicode line and
 * bidirectional-override marks that reorder a terminal line) written as `\xNN`/`\uNNNN` escapes, and cut to
 * at most `max` characters with "..." so one value cannot flood the output.
 */
export function quoteForTerminal(text: string, max: number): string {
  const cut = text.length > max ? `${text.slice(0, max - 3)}...` : text;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters escaped
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    if (c === "\t") return "\\t";
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
