import { createHash } from "node:crypto";
import type { Quote } from "@calwise/core";
import { createBoundedCache } from "./create-bounded-cache.ts";

/** Renders a quote's PDF; `renderQuotePdf` of `@calwise/documents` in the server. */
export type RenderQuotePdf = (quote: Quote) => Promise<Uint8Array>;

/**
 * Rendered quote PDFs kept by the hash of the quote they show (its JSON as the API presents it), so a second
 * download of the same quote (the reseller, then the customer; a mail client's preview, then the save) costs a
 * hash instead of a render (about 200 ms of CPU on the server's one thread). Any change to what the PDF shows (a
 * draft's lines, an issue, an acceptance) is another key, so a stale PDF cannot be served. Least recently used
 * first out past `budgetBytes`; one render at a time per key (a double click renders once); a failed render is
 * not kept.
 */
export function createQuotePdfCache(
  render: RenderQuotePdf,
  budgetBytes = 32 * 1024 * 1024,
): (quote: Quote) => Promise<Uint8Array> {
  const kept = createBoundedCache<Uint8Array>(budgetBytes, (pdf) => pdf.byteLength);
  const rendering = new Map<string, Promise<Uint8Array>>();
  return async (quote) => {
    const key = createHash("sha256").update(JSON.stringify(quote)).digest("base64");
    const hit = kept.get(key) ?? rendering.get(key);
    if (hit !== undefined) return hit;
    const rendered = render(quote);
    rendering.set(key, rendered);
    try {
      const pdf = await rendered;
      kept.set(key, pdf);
      return pdf;
    } finally {
      rendering.delete(key);
    }
  };
}
