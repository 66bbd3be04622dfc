/** 100-ns ticks per second, and days from the FILETIME epoch (1601-01-01) to 1970-01-01. */
const ticksPerSecond = 10_000_000;
const daysFrom1601To1970 = 134_774;
/** Below this high word, `high * 4967296 + low` stays an exact double (under 2^53). */
const exactHighLimit = 0x6b000000;

const twoDigits = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, "0"));

/** "YYYY-MM-DD" for days since 1970-01-01 (H. Hinnant's civil_from_days, proleptic Gregorian). */
function formatDate(unixDays: number): string {
  const z = unixDays + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${twoDigits[month]}-${twoDigits[day]}`;
}

// Consecutive records nearly always share a day, so its text is remembered.
let lastDay = -1;
let lastDate = "";

/**
 * Formats the little-endian FILETIME at `offset` as ISO 8601 UTC keeping all 7 digits of
 * 100-ns precision, or 9 digits (the last two always 0) as Windows and evtxexport render it.
 */
export function formatFiletime(bytes: Buffer, offset: number, fractionDigits: 7 | 9): string {
  const low = bytes.readUInt32LE(offset);
  const high = bytes.readUInt32LE(offset + 4);
  let seconds: number;
  let ticks: number;
  if (high < exactHighLimit) {
    // 2^32 = 429 * 10^7 + 4967296, which splits the division without leaving exact doubles.
    const rest = high * 4967296 + low;
    seconds = high * 429 + Math.floor(rest / ticksPerSecond);
    ticks = rest % ticksPerSecond;
  } else {
    const value = bytes.readBigUInt64LE(offset);
    seconds = Number(value / 10_000_000n);
    ticks = Number(value % 10_000_000n);
  }
  const day = Math.floor(seconds / 86400);
  if (day !== lastDay) {
    lastDate = formatDate(day - daysFrom1601To1970);
    lastDay = day;
  }
  const secondOfDay = seconds - day * 86400;
  const hour = Math.floor(secondOfDay / 3600);
  const minute = Math.floor((secondOfDay % 3600) / 60);
  const fraction = String(ticks);
  return (
    `${lastDate}T${twoDigits[hour]}:${twoDigits[minute]}:${twoDigits[secondOfDay % 60]}.` +
    `${"0000000".slice(fraction.length)}${fraction}${fractionDigits === 9 ? "00Z" : "Z"}`
  );
}
