import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { callApi } from "../api/api-client.ts";
import { formatDate } from "../format/format-date.ts";
import { formatQuoteLabel } from "../format/format-quote-label.ts";
import { DataTable } from "./data-table.tsx";
import { Money } from "./money.tsx";
import { QuoteStatus } from "./quote-status.tsx";
import { Skeleton } from "./skeleton.tsx";

/** The customer's quotes, newest first, the one on screen marked: what they were offered before and what became of it. */
export function QuoteHistory({
  customerId,
  current,
  heading,
}: {
  customerId: string;
  current: string;
  /** "This customer's quotes", or "Your quotes" on a customer's own account. */
  heading: string;
}) {
  const quotes = useQuery({
    queryKey: ["quotes", { customerId }],
    queryFn: ({ signal }) => callApi("get", "/v1/quotes", { query: { customerId }, signal }),
  });
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">{heading}</h2>
      {quotes.isPending ? (
        <Skeleton lines={3} />
      ) : quotes.isError ? (
        <p className="error-text">The history could not be loaded. Reload the page to try again.</p>
      ) : quotes.data.quotes.length <= 1 ? (
        <p className="empty">There is no other quote.</p>
      ) : (
        <DataTable
          stacked
          caption={heading}
          captionHidden
          scrollLabel="Earlier quotes, scrollable"
          rows={[...quotes.data.quotes].reverse()}
          rowKey={(q) => q.id}
          columns={[
            {
              key: "quote",
              header: "Quote",
              cell: (q) =>
                q.id === current ? (
                  <span aria-current="page">{formatQuoteLabel(q)} (this one)</span>
                ) : (
                  <Link to={`/quotes/${q.id}`}>{formatQuoteLabel(q)}</Link>
                ),
            },
            { key: "status", header: "Status", cell: (q) => <QuoteStatus status={q.status} /> },
            { key: "created", header: "Created", cell: (q) => formatDate(q.createdAt) },
            {
              key: "total",
              header: "Total",
              numeric: true,
              cell: (q) => <Money minor={q.total} currency={q.currency} />,
            },
          ]}
        />
      )}
    </section>
  );
}
