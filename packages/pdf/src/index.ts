export { quoteDocument, renderQuotePdf } from "./render-quote-pdf.ts";
