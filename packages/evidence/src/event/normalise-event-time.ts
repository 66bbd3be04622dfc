const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d+))?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
/** Already normalised (the common case in Winlogbeat and EVTX): returned as it is. */
const canonical =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,7})?Z$/;
/** `3/19/2019 11:34:25 PM` (Export-Csv) and `3/19/2019, 11:34:25.465 PM` (the Azure portal's CSV). */
const usPattern =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(?:\s*([AP]M))?$/i;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function format(ms: number, fraction: string): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return "";
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date}T${time}${fraction ? `.${fraction}` : ""}Z`;
}

function valid(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && s <= 60 && y >= 1601;
}

/**
 * Normalises an event time to ISO 8601 UTC with at most 7 fraction digits (the 100-ns resolution of
 * Windows FILETIMEs): `2019-03-19T23:34:25.465223400Z` → `2019-03-19T23:34:25.4652234Z`. Offsets are
 * applied. Times without a zone (PowerShell's `Export-Csv` writes `3/19/2019 11:34:25 PM`, in the
 * exporting machine's local time) are read as UTC, as docs/audit.md says. Undefined when unrecognised.
 */
export function normaliseEventTime(text: string): string | undefined {
  if (canonical.test(text)) return text;
  const value = text.trim();
  const iso = isoPattern.exec(value);
  if (iso) {
    const [y, mo, d, h, mi, s] = iso.slice(1, 7).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (!valid(y, mo, d, h, mi, s)) return undefined;
    const zone = iso[8]?.toUpperCase();
    let offsetMinutes = 0;
    if (zone !== undefined && zone !== "Z") {
      const sign = zone.startsWith("-") ? -1 : 1;
      const digits = zone.slice(1).replace(":", "");
      offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    }
    const ms = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes * 60_000;
    return format(ms, (iso[7] ?? "").slice(0, 7)) || undefined;
  }
  const us = usPattern.exec(value);
  if (us) {
    const [mo, d, y, rawHour, mi] = us.slice(1, 6).map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const s = Number(us[6] ?? "0");
    const meridiem = us[8]?.toUpperCase();
    if (meridiem !== undefined && (rawHour < 1 || rawHour > 12)) return undefined;
    const h = meridiem === undefined ? rawHour : (rawHour % 12) + (meridiem === "PM" ? 12 : 0);
    if (!valid(y, mo, d, h, mi, s)) return undefined;
    return format(Date.UTC(y, mo - 1, d, h, mi, s), us[7] ?? "") || undefined;
  }
  return undefined;
}
