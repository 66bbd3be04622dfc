import type { Catalog, Quote } from "@calwise/core";
import { rateInBasisPoints } from "./rate-in-basis-points.ts";

/** A stored quote as the dashboard reads it: its status, when it was created and issued, the built quote. */
export interface SalesQuote {
  readonly status: "draft" | "issued" | "accepted" | "declined" | "withdrawn";
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  readonly issuedAt: string | null;
  readonly quote: Quote;
}

/** Quotes counted by the status they have now. */
export interface StatusCounts {
  draft: number;
  issued: number;
  accepted: number;
  declined: number;
  withdrawn: number;
}

/** Revenue of one currency, in its integer minor units: CALs, server licences, and everything else. */
export interface CurrencyRevenue {
  readonly currency: string;
  calsMinor: number;
  serversMinor: number;
  otherMinor: number;
}

/** The figures of one month (or of the whole period). */
export interface SalesFigures {
  /** Quotes created in the month. */
  created: number;
  /** Of those, how many are in each status now. */
  readonly byStatus: StatusCounts;
  /** Quotes issued in the month (whatever their status now). */
  issued: number;
  /** Quotes created in the month that sell a server needing CALs. */
  calServerQuotes: number;
  /** Of those, how many include the CALs (no CALs left out with a recorded reason). */
  calsAttached: number;
  /** calsAttached / calServerQuotes in basis points (half up); null when there is no such quote. */
  attachRateBasisPoints: number | null;
  /** From quotes issued in the month that are issued or accepted now, per currency (never added across). */
  readonly revenue: CurrencyRevenue[];
}

/** The sales dashboard: figures per month from `from` to `to` (both `YYYY-MM`, inclusive), and their totals. */
export interface SalesSummary {
  readonly from: string;
  readonly to: string;
  readonly months: readonly ({ readonly month: string } & SalesFigures)[];
  readonly totals: SalesFigures;
}

const emptyFigures = (): SalesFigures => ({
  created: 0,
  byStatus: { draft: 0, issued: 0, accepted: 0, declined: 0, withdrawn: 0 },
  issued: 0,
  calServerQuotes: 0,
  calsAttached: 0,
  attachRateBasisPoints: null,
  revenue: [],
});

/** The months from `from` to `to` (`YYYY-MM`, inclusive), in order. */
export function listMonths(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split("-").map(Number) as [number, number];
  for (;;) {
    const label = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
    if (label > to) return months;
    months.push(label);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** Whether the quote sells a server whose edition needs CALs: a server licence line of such a product. */
function sellsCalServer(quote: Quote, catalog: Catalog): boolean {
  return (
    quote.omittedCals.length > 0 ||
    quote.lines.some(
      (line) =>
        line.kind === "server-licence" &&
        line.subject.product !== undefined &&
        (catalog.products.get(line.subject.product)?.cals.length ?? 0) > 0,
    )
  );
}

/** Whether it includes the CALs: a CAL or External Connector line to buy, and no CALs left out with a reason. */
function includesCals(quote: Quote): boolean {
  return (
    quote.omittedCals.length === 0 &&
    quote.lines.some(
      (line) =>
        (line.kind === "cal" || line.kind === "external-connector") &&
        !line.informational &&
        line.quantity > 0,
    )
  );
}

function addRevenue(figures: SalesFigures, quote: Quote): void {
  let revenue = figures.revenue.find((r) => r.currency === quote.currency);
  if (revenue === undefined) {
    revenue = { currency: quote.currency, calsMinor: 0, serversMinor: 0, otherMinor: 0 };
    figures.revenue.push(revenue);
    figures.revenue.sort((a, b) => a.currency.localeCompare(b.currency));
  }
  for (const line of quote.lines) {
    if (line.informational) continue;
    if (line.kind === "cal" || line.kind === "external-connector") revenue.calsMinor += line.net;
    else if (line.kind === "server-licence") revenue.serversMinor += line.net;
    else revenue.otherMinor += line.net;
  }
}

function finish(figures: SalesFigures): SalesFigures {
  figures.attachRateBasisPoints = rateInBasisPoints(figures.calsAttached, figures.calServerQuotes);
  return figures;
}

/**
 * The sales dashboard in one pass over the stored quotes (docs/dashboard.md defines each figure): per month,
 * quotes created (and their status now) and issued; the CAL attach rate of the quotes created that sell a
 * server needing CALs (attached: the quote buys CALs or an External Connector and leaves none out with a
 * recorded reason); revenue of the quotes issued in the month and issued or accepted now, from their lines'
 * net amounts, CALs vs server licences, in integer minor units per currency. Quotes outside the months count
 * nowhere; the totals are the months added up.
 */
export function summariseSales(input: {
  readonly quotes: readonly SalesQuote[];
  readonly catalog: Catalog;
  readonly from: string;
  readonly to: string;
}): SalesSummary {
  const months = listMonths(input.from, input.to);
  const byMonth = new Map(months.map((m) => [m, emptyFigures()] as const));
  const totals = emptyFigures();
  for (const stored of input.quotes) {
    const created = byMonth.get(stored.createdAt.slice(0, 7));
    if (created !== undefined)
      for (const figures of [created, totals]) {
        figures.created += 1;
        figures.byStatus[stored.status] += 1;
        if (sellsCalServer(stored.quote, input.catalog)) {
          figures.calServerQuotes += 1;
          if (includesCals(stored.quote)) figures.calsAttached += 1;
        }
      }
    const issued = stored.issuedAt === null ? undefined : byMonth.get(stored.issuedAt.slice(0, 7));
    if (issued !== undefined)
      for (const figures of [issued, totals]) {
        figures.issued += 1;
        if (stored.status === "issued" || stored.status === "accepted")
          addRevenue(figures, stored.quote);
      }
  }
  return {
    from: input.from,
    to: input.to,
    months: months.map((month) => ({ month, ...finish(byMonth.get(month) ?? emptyFigures()) })),
    totals: finish(totals),
  };
}
