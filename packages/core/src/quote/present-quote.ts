import { formatMoney } from "../model/format-money.ts";
import type { Quote } from "./quote-schema.ts";

/** A row of the line-item table, every figure already written for people. */
export interface PresentedLine {
  readonly position: string;
  readonly description: string;
  readonly detail: string;
  readonly sku: string;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly amount: string;
  readonly informational: boolean;
}

/** A quote as every document shows it (e-mail Markdown, PDF): texts and figures in the quote's locale. */
export interface QuotePresentation {
  readonly title: string;
  readonly seller: readonly string[];
  readonly customer: readonly string[];
  readonly facts: readonly (readonly [string, string])[];
  readonly lines: readonly PresentedLine[];
  readonly totals: readonly {
    readonly label: string;
    readonly amount: string;
    readonly strong: boolean;
  }[];
  readonly reasons: readonly string[];
  readonly assumptions: readonly string[];
  readonly notes: readonly string[];
  readonly footer: string;
}

/**
 * Writes a quote's figures and texts for people, once, so that the Markdown and the PDF say the same: amounts
 * with the currency sign in the quote's locale (exact, from minor units), dates written out, the discount's
 * percentage and rounding rule named, informational lines marked "included" or "owned" instead of a price.
 */
export function presentQuote(quote: Quote): QuotePresentation {
  const money = (minor: number) => formatMoney(minor, quote.currency, quote.locale);
  const date = (iso: string) => formatDate(iso, quote.locale);
  const percent = new Intl.NumberFormat(quote.locale, {
    style: "percent",
    maximumFractionDigits: 2,
  });
  const party = (p: Quote["customer"] | null) =>
    p
      ? [
          p.name,
          ...(p.contact ? [p.contact] : []),
          ...p.address,
          ...(p.email ? [p.email] : []),
          ...(p.taxId ? [`Tax ID ${p.taxId}`] : []),
        ]
      : [];
  const list = quote.priceList;
  return {
    title: quote.number ? `Quotation ${quote.number}` : "Quotation",
    seller: party(quote.seller),
    customer: party(quote.customer),
    facts: [
      ["Date", date(quote.date)],
      ["Valid until", date(quote.validUntil)],
      ["Currency", quote.currency],
      ["For", quote.deployment],
      [
        "Price list",
        `${list.name}${list.version ? `, ${list.version}` : ""}${list.validFrom || list.validTo ? ` (valid ${list.validFrom ? date(list.validFrom) : "…"} to ${list.validTo ? date(list.validTo) : "…"})` : ""}`,
      ],
    ],
    lines: quote.lines.map((l) => ({
      position: l.position === null ? "" : String(l.position),
      description: l.description,
      detail: l.detail,
      sku: l.sku ?? "",
      quantity: String(l.quantity),
      unitPrice: l.informational ? "" : money(l.unitPrice),
      amount: l.informational
        ? l.kind === "owned-cals"
          ? "owned"
          : l.kind === "covered-by-host"
            ? "covered"
            : "included"
        : money(l.amount),
      informational: l.informational,
    })),
    totals: [
      { label: "Subtotal", amount: money(quote.subtotal), strong: false },
      ...quote.discounts.map((d) => ({
        label: `${d.label} (${d.basisPoints !== undefined ? `${percent.format(d.basisPoints / 10_000)} of ` : "on "}${money(d.base)}${d.appliesTo === "all" ? "" : d.appliesTo === "cals" ? " of CAL lines" : " of licence lines"}${d.basisPoints !== undefined ? `, rounded ${d.rounding}` : ""})`,
        amount: money(-d.amount),
        strong: false,
      })),
      { label: `Total (${quote.currency})`, amount: money(quote.total), strong: true },
    ],
    reasons: quote.omittedCals.map(
      (r) => `${r.statement} (rule ${r.rule} [${r.sources.join(", ")}])`,
    ),
    assumptions: quote.assumptions.map(
      (a) => `${a.text} (${a.id} = ${String(a.value)}) [${a.sources.join(", ")}]`,
    ),
    notes: quote.notes,
    footer: `Licences and CALs as calculated by calwise (catalog ${quote.catalogVersion}) from the deployment "${quote.deployment}"; prices from the reseller's price list. The Product Terms and licence agreements in force govern; this is not legal advice.`,
  };
}

/** A YYYY-MM-DD date written out in a locale ("28 November 2026"); pure, no time zone involved. */
export function formatDate(iso: string, locale: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
    Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1),
  );
}
