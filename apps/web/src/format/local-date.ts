/**
 * A moment's calendar date where the browser is (YYYY-MM-DD in its own time zone, never UTC's): the day a
 * reseller in Sydney calls today at 09:00 on the 8th is the 8th. Sent as `Calwise-Today` with every request.
 */
export function formatLocalDate(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}
