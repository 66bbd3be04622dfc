/** Money in integer minor units, shown with its currency in tabular figures (the browser only formats it). */
export function Money({ minor, currency }: { minor: number | null; currency: string | null }) {
  if (minor === null || currency === null) return <span className="money">—</span>;
  return <span className="money">{formatMoney(minor, currency)}</span>;
}

/** Formats integer minor units of `currency` for the reader's locale. */
export function formatMoney(minor: number, currency: string): string {
  const format = new Intl.NumberFormat(undefined, { style: "currency", currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}
