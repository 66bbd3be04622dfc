/** How a quote is named in lists: its number once issued ("No. 7"), "Draft" before. */
export function formatQuoteLabel(quote: { readonly number: number | null }): string {
  return quote.number === null ? "Draft" : `No. ${quote.number}`;
}
