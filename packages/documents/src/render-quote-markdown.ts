import { presentQuote, type Quote } from "@calwise/core";

/**
 * Renders a quote as Markdown for an e-mail: parties, dates and the price list, the line items as a table
 * (informational lines in italics, marked included or owned), subtotal, discounts and total, the recorded
 * reasons for CALs left out, assumptions, notes and the footer.
 */
export function renderQuoteMarkdown(quote: Quote): string {
  const p = presentQuote(quote);
  const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
  const out: string[] = [`# ${p.title}`, ""];
  if (p.seller.length > 0) out.push(`**From:** ${p.seller.map(cell).join(", ")}  `);
  out.push(`**To:** ${p.customer.map(cell).join(", ")}`, "");
  for (const [label, value] of p.facts) out.push(`- **${label}:** ${value}`);
  out.push(
    "",
    "| # | Item | SKU | Qty | Unit price | Amount |",
    "|--:|:-----|:----|----:|-----------:|-------:|",
  );
  for (const l of p.lines) {
    const item = l.informational ? `_${cell(l.description)}_` : cell(l.description);
    const detail = l.detail ? `<br><small>${cell(l.detail)}</small>` : "";
    out.push(
      `| ${l.position} | ${item}${detail} | ${cell(l.sku)} | ${l.quantity} | ${l.unitPrice} | ${l.amount} |`,
    );
  }
  for (const t of p.totals) {
    const label = t.strong ? `**${cell(t.label)}**` : cell(t.label);
    out.push(`|  | ${label} |  |  |  | ${t.strong ? `**${t.amount}**` : t.amount} |`);
  }
  const section = (title: string, items: readonly string[]) => {
    if (items.length > 0) out.push("", `## ${title}`, "", ...items.map((i) => `- ${i}`));
  };
  section("CALs not quoted, and why", p.reasons);
  section("Notes", p.notes);
  section("Assumptions", p.assumptions);
  out.push("", `_${p.footer}_`, "");
  return out.join("\n");
}
