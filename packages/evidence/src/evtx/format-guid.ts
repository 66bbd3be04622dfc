const hexDigits = "0123456789ABCDEF";

function hexByte(value: number): string {
  return (hexDigits[value >> 4] as string) + (hexDigits[value & 15] as string);
}

/** Formats a 16-byte GUID (little-endian first three fields) as {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}. */
export function formatGuid(bytes: Buffer, offset: number): string {
  let text = "{";
  for (let i = 3; i >= 0; i--) text += hexByte(bytes[offset + i] as number);
  text += "-";
  for (let i = 5; i >= 4; i--) text += hexByte(bytes[offset + i] as number);
  text += "-";
  for (let i = 7; i >= 6; i--) text += hexByte(bytes[offset + i] as number);
  text += "-";
  for (let i = 8; i < 10; i++) text += hexByte(bytes[offset + i] as number);
  text += "-";
  for (let i = 10; i < 16; i++) text += hexByte(bytes[offset + i] as number);
  return `${text}}`;
}
