/**
 * Whether bytes[start, end) (UTF-8 JSON text with no escapes) holds a character checkLogonFields
 * refuses in a name: raw in JSON only DEL (0x7f) and the C1 controls (UTF-8 C2 80 to C2 9F) can be;
 * the others must be escaped, and escapes are read by the streaming reader.
 */
export function hasRefusedCharacter(bytes: Uint8Array, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const byte = bytes[index] as number;
    if (byte < 0x7f) continue;
    if (byte === 0x7f) return true;
    if (byte === 0xc2) {
      const next = bytes[index + 1] as number;
      if (next >= 0x80 && next <= 0x9f && index + 1 < end) return true;
    }
  }
  return false;
}
