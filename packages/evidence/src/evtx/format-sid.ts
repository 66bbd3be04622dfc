/**
 * Formats a binary security identifier as S-R-A-S1-…-Sn (MS-DTYP 2.4.2.2). Returns undefined
 * when `size` cannot hold the sub-authorities the SID declares.
 */
export function formatSid(bytes: Buffer, offset: number, size: number): string | undefined {
  if (size < 8) return undefined;
  const revision = bytes[offset] as number;
  const subAuthorityCount = bytes[offset + 1] as number;
  if (size < 8 + 4 * subAuthorityCount) return undefined;
  // The identifier authority is 48-bit big-endian; MS-DTYP writes values of 2^32 and above in hex.
  const authorityHigh = bytes.readUInt16BE(offset + 2);
  const authorityLow = bytes.readUInt32BE(offset + 4);
  const authority =
    authorityHigh === 0
      ? String(authorityLow)
      : `0x${authorityHigh.toString(16).padStart(4, "0")}${authorityLow.toString(16).padStart(8, "0")}`;
  let text = `S-${revision}-${authority}`;
  for (let i = 0; i < subAuthorityCount; i++) {
    text += `-${bytes.readUInt32LE(offset + 8 + 4 * i)}`;
  }
  return text;
}
