/**
 * How an amount names its currency: `symbol` in the locale's own way ("€1,234.50" in en-GB, "1234,50 €" in
 * pl-PL), for documents a customer reads (quote, advice); `code` as the locale's number and the ISO code after
 * it ("1,234.50 EUR" in en), for reports that sit beside data in several currencies (the evaluation report).
 */
export type MoneyDisplay = "symbol" | "code";

const formats = new Map<string, Intl.NumberFormat>();

/**
 * Formats integer minor units as a currency amount for people, in a locale: 123450 EUR → "€1,234.50" (en-GB),
 * "1234,50 €" (pl-PL), or with `code` display "1,234.50 EUR" (en). The one money formatter. Exact for any safe
 * integer: the decimal is written out from the integer and handed to Intl as text, never divided in floating
 * point. The currency's own number of digits applies (JPY has none).
 */
export function formatMoney(
  minor: number,
  currency: string,
  locale = "en-GB",
  display: MoneyDisplay = "symbol",
): string {
  if (!Number.isSafeInteger(minor))
    throw new RangeError(`money must be integer minor units, got ${minor}`);
  const digits = currencyDigits(currency);
  const text = decimalText(minor, digits) as unknown as number;
  if (display === "symbol") return formatOf(locale, { style: "currency", currency }).format(text);
  const number = formatOf(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return `${number.format(text)} ${currency}`;
}

/** The digits of currency `currency` after the decimal point (2 for EUR, 0 for JPY). */
export function currencyDigits(currency: string): number {
  return (
    formatOf("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** A cached Intl.NumberFormat: constructing one is slow and a report formats thousands of amounts. */
function formatOf(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** 123450 with 2 digits → "1234.50"; -5 → "-0.05". */
function decimalText(minor: number, digits: number): string {
  const magnitude = BigInt(Math.abs(minor))
    .toString()
    .padStart(digits + 1, "0");
  const whole = magnitude.slice(0, magnitude.length - digits);
  const fraction = digits > 0 ? `.${magnitude.slice(magnitude.length - digits)}` : "";
  return `${minor < 0 ? "-" : ""}${whole}${fraction}`;
}
