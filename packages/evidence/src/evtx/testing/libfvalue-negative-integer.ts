/**
 * evtxexport 20181227 (libfvalue of that era) prints a negative signed integer by clearing the
 * sign bit instead of negating: an int32 of -1 (0xffffffff) comes out as "-2147483647", and
 * -2147024894 (HRESULT 0x80070002) as "-458754". Windows and readEvtx print the true value.
 * This returns what that evtxexport prints for `text` when `text` is a negative integer of one of
 * the signed widths, so a test can accept exactly that difference and nothing else.
 */
export function libfvalueNegativeIntegerRenderings(text: string): string[] {
  if (!/^-\d+$/.test(text)) return [];
  const magnitude = -BigInt(text);
  const renderings: string[] = [];
  for (const bits of [8n, 16n, 32n, 64n]) {
    const signBit = 1n << (bits - 1n);
    if (magnitude <= signBit) renderings.push(`-${signBit - magnitude}`);
  }
  return renderings;
}
