import type { QuotePresentation } from "@calwise/core";

/**
 * Characters calwise writes that pdfmake's Roboto has no glyph for, with what to print instead (the PDF would
 * otherwise show an empty box). Roboto covers Latin, Greek and Cyrillic, €, ×, ≤, ≥ and dashes.
 */
const SUBSTITUTES: ReadonlyMap<string, string> = new Map([
  ["→", "->"],
  ["⇒", "=>"],
  ["✓", "yes"],
]);

/** Replaces characters the PDF font lacks. */
export function fitTextToFont(text: string): string {
  let out = text;
  for (const [from, to] of SUBSTITUTES) out = out.replaceAll(from, to);
  return out;
}

/** Every text of a quote presentation, fitted to the PDF font. */
export function fitPresentationToFont(p: QuotePresentation): QuotePresentation {
  const fit = fitTextToFont;
  return {
    title: fit(p.title),
    seller: p.seller.map(fit),
    customer: p.customer.map(fit),
    facts: p.facts.map(([label, value]) => [fit(label), fit(value)] as const),
    lines: p.lines.map((l) => ({ ...l, description: fit(l.description), detail: fit(l.detail) })),
    totals: p.totals.map((t) => ({ ...t, label: fit(t.label) })),
    reasons: p.reasons.map(fit),
    assumptions: p.assumptions.map(fit),
    notes: p.notes.map(fit),
    footer: fit(p.footer),
  };
}
