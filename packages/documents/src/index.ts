// Renderers of documents (ARCHITECTURE.md): a quote as Markdown for an e-mail and as a PDF. Text for a
// terminal is rendered by the CLI (apps/cli/src/report/).
export { renderQuoteMarkdown } from "./render-quote-markdown.ts";
export { quoteDocument, renderQuotePdf } from "./render-quote-pdf.ts";
