/**
 * The offset of the first character that no text document holds (NUL, or a C0 control other than tab,
 * line feed, carriage return and form feed, or DEL), so that a binary file fed to calwise is refused as "not a
 * text file" instead of being parsed and echoed into an error message.
 */
export function findBinaryContent(text: string): number | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) return i;
  }
  return undefined;
}
