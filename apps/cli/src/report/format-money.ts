/** Formats integer minor units as a decimal amount with the currency's own number of digits: 12345 EUR → "123.45 EUR". */
export function formatMoney(minor: number, currency: string): string {
  const digits = fractionDigits(currency);
  const negative = minor < 0;
  const abs = Math.abs(minor);
  const unit = 10 ** digits;
  const whole = Math.floor(abs / unit).toLocaleString("en");
  const fraction = digits > 0 ? `.${String(abs % unit).padStart(digits, "0")}` : "";
  return `${negative ? "-" : ""}${whole}${fraction} ${currency}`;
}

const digitsByCurrency = new Map<string, number>();

/** The number of minor-unit digits of a currency (2 for EUR, 0 for JPY), cached: Intl is slow to construct. */
function fractionDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}
