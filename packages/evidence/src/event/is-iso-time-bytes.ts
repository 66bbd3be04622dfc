const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether a time that canonicalTimeMs read (not NaN) is the ISO text of its instant, as
 * `Date.prototype.toISOString` writes it (`YYYY-MM-DDTHH:MM:SS.mmmZ`): 24 bytes with three digits of
 * milliseconds, and a day that its month has (Date.parse moves Feb 30 to Mar 2). A reader may then
 * hand the instant alone on: its text is the instant's.
 */
export function isIsoTimeBytes(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start !== 24 || bytes[start + 19] !== 0x2e) return false;
  const day = 10 * ((bytes[start + 8] as number) - 0x30) + (bytes[start + 9] as number) - 0x30;
  if (day <= 28) return true;
  const month = 10 * ((bytes[start + 5] as number) - 0x30) + (bytes[start + 6] as number) - 0x30;
  if (month !== 2) return day <= (monthDays[month - 1] as number);
  let year = 0;
  for (let offset = 0; offset < 4; offset++)
    year = 10 * year + (bytes[start + offset] as number) - 0x30;
  return day === 29 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}
