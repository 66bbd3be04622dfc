const grouping = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/**
 * A count for people: "50,000", never "50000". One grouping in every browser locale, as the app's words are
 * English ("You own 50.000 of …" would mix two languages); money keeps the browser's locale (`Money`).
 */
export function formatCount(count: number): string {
  return grouping.format(count);
}

/** A count with its noun, singular for one: "1 CAL", "50,000 CALs". */
export function formatCountOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : plural}`;
}
