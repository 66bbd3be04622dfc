import { formatMoney } from "@calwise/core/format-money";

/** Money in integer minor units, shown with its currency in tabular figures (the browser only formats it). */
export function Money({ minor, currency }: { minor: number | null; currency: string | null }) {
  if (minor === null || currency === null) return <span className="money">—</span>;
  // The project's one money formatter: exact from the integer, never divided in floating point.
  return <span className="money">{formatMoney(minor, currency, navigator.language)}</span>;
}
