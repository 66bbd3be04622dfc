/** Shows bytes the way a reader of a problem report wants: printable ASCII as is, the rest escaped. */
export function describeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) return "end of input";
  let text = "";
  for (const byte of bytes) {
    text +=
      byte >= 0x20 && byte < 0x7f && byte !== 0x5c
        ? String.fromCharCode(byte)
        : `\\x${byte.toString(16).padStart(2, "0")}`;
  }
  return `"${text}"`;
}
