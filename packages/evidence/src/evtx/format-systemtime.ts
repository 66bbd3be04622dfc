/**
 * Formats a 16-byte SYSTEMTIME (year, month, weekday, day, hour, minute, second, millisecond as
 * little-endian 16-bit words) as ISO 8601 UTC with milliseconds.
 */
export function formatSystemtime(bytes: Buffer, offset: number): string {
  const word = (index: number) => bytes.readUInt16LE(offset + 2 * index);
  const two = (value: number) => String(value).padStart(2, "0");
  return (
    `${String(word(0)).padStart(4, "0")}-${two(word(1))}-${two(word(3))}` +
    `T${two(word(4))}:${two(word(5))}:${two(word(6))}.${String(word(7)).padStart(3, "0")}Z`
  );
}
