import { presentQuote, type Quote } from "@calwise/core";
import type * as PdfMake from "pdfmake";
import type { Content, TableCell } from "pdfmake";
import { fitPresentationToFont } from "./fit-text-to-font.ts";
import { loadPdfMake } from "./load-pdfmake.ts";

const INK = "#1f2933";
const MUTED = "#616e7c";
const RULE = "#cbd2d9";
const ACCENT = "#0b4f8a";

/** pdfmake's document definition (its types name it only as createPdf's parameter). */
export type QuoteDocumentDefinition = Parameters<typeof PdfMake.createPdf>[0];

/**
 * Renders a quote as an A4 PDF a customer can receive: seller and customer, the quote's dates and price list,
 * the line items (informational lines in grey italics), subtotal, discounts and total, the recorded reasons
 * for CALs left out, notes and assumptions, and a footer with page numbers. Fonts are pdfmake's Roboto, so
 * Łódź, Müller and € print as written. The creation date is the quote's date, so the same quote gives the
 * same document.
 */
export async function renderQuotePdf(quote: Quote): Promise<Buffer> {
  const pdfmake = loadPdfMake();
  return pdfmake.createPdf(quoteDocument(quote)).getBuffer();
}

/** The pdfmake document definition of a quote (exposed for tests that inspect the layout). */
export function quoteDocument(quote: Quote): QuoteDocumentDefinition {
  const p = fitPresentationToFont(presentQuote(quote));
  const lines = (texts: readonly string[], first?: { bold: boolean }): Content[] =>
    texts.map((text, i) => ({ text, ...(i === 0 && first ? { bold: true, color: INK } : {}) }));
  const header: Content = {
    columns: [
      { width: "*", stack: lines(p.seller, { bold: true }), color: MUTED, fontSize: 8.5 },
      {
        width: "auto",
        stack: [
          { text: "QUOTATION", fontSize: 20, bold: true, color: ACCENT, alignment: "right" },
          ...(quote.number
            ? [{ text: quote.number, fontSize: 10, color: MUTED, alignment: "right" as const }]
            : []),
        ],
      },
    ],
    margin: [0, 0, 0, 18],
  };
  const parties: Content = {
    columns: [
      {
        width: "*",
        stack: [
          { text: "FOR", fontSize: 7.5, bold: true, color: MUTED, margin: [0, 0, 0, 3] },
          ...lines(p.customer, { bold: true }),
        ],
      },
      {
        width: 220,
        table: {
          widths: [70, "*"],
          body: p.facts.map(([label, value]) => [
            { text: label, color: MUTED, fontSize: 8 },
            { text: value, fontSize: 8.5 },
          ]),
        },
        layout: "noBorders",
      },
    ],
    columnGap: 20,
    margin: [0, 0, 0, 18],
  };
  const head = ["#", "Item", "SKU", "Qty", "Unit price", "Amount"].map(
    (text, i): TableCell => ({
      text,
      bold: true,
      color: "white",
      fillColor: ACCENT,
      alignment: i === 0 || i >= 3 ? "right" : "left",
      fontSize: 8,
    }),
  );
  const body: TableCell[][] = [head];
  for (const l of p.lines) {
    const style = l.informational ? { italics: true, color: MUTED } : { color: INK };
    body.push([
      { text: l.position, alignment: "right", ...style },
      {
        stack: [
          { text: l.description, ...style },
          ...(l.detail
            ? [
                {
                  text: l.detail,
                  fontSize: 7,
                  color: MUTED,
                  margin: [0, 1, 0, 0] as [number, number, number, number],
                },
              ]
            : []),
        ],
      },
      { text: l.sku, fontSize: 7.5, ...style },
      { text: l.quantity, alignment: "right", ...style },
      { text: l.unitPrice, alignment: "right", noWrap: true, ...style },
      { text: l.amount, alignment: "right", noWrap: true, ...style },
    ]);
  }
  const table: Content = {
    table: { headerRows: 1, dontBreakRows: true, widths: [16, "*", 70, 24, 56, 62], body },
    layout: {
      hLineWidth: (i, node) => (i === 0 || i === 1 || i === node.table.body.length ? 0 : 0.5),
      vLineWidth: () => 0,
      hLineColor: () => RULE,
      paddingTop: () => 4,
      paddingBottom: () => 4,
    },
  };
  const totals: Content = {
    columns: [
      { width: "*", text: "" },
      {
        width: 330,
        table: {
          widths: ["*", "auto"],
          body: p.totals.map((t) => [
            {
              text: t.label,
              bold: t.strong,
              fontSize: t.strong ? 11 : 8.5,
              color: t.strong ? INK : MUTED,
            },
            {
              text: t.amount,
              bold: t.strong,
              fontSize: t.strong ? 11 : 9,
              alignment: "right",
              noWrap: true,
            },
          ]),
        },
        layout: {
          hLineWidth: (i, node) => (i === node.table.body.length - 1 ? 1 : 0),
          vLineWidth: () => 0,
          hLineColor: () => INK,
          paddingTop: () => 3,
          paddingBottom: () => 3,
        },
      },
    ],
    margin: [0, 8, 0, 0],
  };
  const section = (title: string, items: readonly string[]): Content[] =>
    items.length === 0
      ? []
      : [
          { text: title, bold: true, fontSize: 9.5, color: ACCENT, margin: [0, 16, 0, 4] },
          { ul: [...items], fontSize: 8, color: INK, markerColor: MUTED },
        ];
  const [y, m, d] = quote.date.split("-").map(Number);
  return {
    pageSize: "A4",
    pageMargins: [42, 42, 42, 56],
    info: {
      title: p.title,
      author: quote.seller?.name ?? "calwise",
      subject: `Quotation for ${quote.customer.name}`,
      creator: "calwise",
      producer: "calwise (pdfmake)",
      creationDate: new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)),
    },
    defaultStyle: { font: "Roboto", fontSize: 9, color: INK, lineHeight: 1.15 },
    content: [
      header,
      parties,
      table,
      // Subtotal, discounts and total stay together on one page.
      { stack: [totals], unbreakable: true },
      ...section("CALs not quoted, and why", p.reasons),
      ...section("Notes", p.notes),
      ...section("Assumptions", p.assumptions),
    ],
    footer: (page, pages) => ({
      columns: [
        { text: p.footer, fontSize: 6.5, color: MUTED, width: "*" },
        {
          text: `Page ${page} of ${pages}`,
          fontSize: 7,
          color: MUTED,
          alignment: "right",
          width: 70,
        },
      ],
      margin: [42, 12, 42, 0],
    }),
  };
}
