/** Decodes `byteLength` bytes of UTF-16LE, dropping trailing NUL terminators. */
export function decodeUtf16(bytes: Buffer, offset: number, byteLength: number): string {
  let end = offset + (byteLength & ~1);
  while (end > offset && bytes[end - 1] === 0 && bytes[end - 2] === 0) end -= 2;
  return bytes.toString("utf16le", offset, end);
}
