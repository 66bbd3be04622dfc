const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A date as "6 Dec 2026", the same in every browser locale (never "12/6/2026", which a reader in another
 * country takes for 12 June). A calendar date (YYYY-MM-DD) is shown as written; a timestamp in local time.
 */
export function formatDate(value: string): string {
  const calendar = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (calendar !== null)
    return `${Number(calendar[3])} ${months[Number(calendar[2]) - 1]} ${calendar[1]}`;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${date.getDate()} ${months[date.getMonth()]} ${date.getFullYear()}`;
}

/** A timestamp as "6 Dec 2026, 14:05" (24-hour local time), the same in every browser locale. */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const time = `${String(date.getHours()).padStart(2, "0")}:${String(date.getMinutes()).padStart(2, "0")}`;
  return `${formatDate(value)}, ${time}`;
}
