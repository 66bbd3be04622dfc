/**
 * Formats integer minor units as a currency amount for people, in a locale: 123450 EUR → "€1,234.50" (en-GB),
 * "1234,50 €" (pl-PL). Exact for any safe integer: the decimal is written out from the integer and handed to
 * Intl as text, never divided in floating point. The currency's own number of digits applies (JPY has none).
 */
export function formatMoney(minor: number, currency: string, locale = "en-GB"): string {
  if (!Number.isSafeInteger(minor))
    throw new RangeError(`money must be integer minor units, got ${minor}`);
  const format = new Intl.NumberFormat(locale, { style: "currency", currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(decimalText(minor, digits) as unknown as number);
}

/** The digits of currency `currency` after the decimal point (2 for EUR, 0 for JPY). */
export function currencyDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
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
