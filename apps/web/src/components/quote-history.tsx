import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { callApi } from "../api/api-client.ts";
import { formatDate } from "../format/format-date.ts";
import { formatQuoteLabel } from "../format/format-quote-label.ts";
import { Money } from "./money.tsx";
import { QuoteStatus } from "./quote-status.tsx";
import { Skeleton } from "./skeleton.tsx";
import { TableScroll } from "./table-scroll.tsx";

/** The customer's quotes, newest first, the one on screen marked: what they were offered before and what became of it. */
export function QuoteHistory({ customerId, current }: { customerId: string; current: string }) {
  const quotes = useQuery({
    queryKey: ["quotes", { customerId }],
    queryFn: ({ signal }) => callApi("get", "/v1/quotes", { query: { customerId }, signal }),
  });
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title">This customer's quotes</h2>
      {quotes.isPending ? (
        <Skeleton lines={3} />
      ) : quotes.isError ? (
        <p className="error-text">The history could not be loaded. Reload the page to try again.</p>
      ) : quotes.data.quotes.length <= 1 ? (
        <p className="empty">This is the customer's first quote.</p>
      ) : (
        <TableScroll label="Earlier quotes, scrollable">
          <table className="table">
            <caption className="visually-hidden">This customer's quotes</caption>
            <thead>
              <tr>
                <th scope="col">Quote</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {[...quotes.data.quotes].reverse().map((q) => (
                <tr key={q.id}>
                  <td>
                    {q.id === current ? (
                      <span aria-current="page">{formatQuoteLabel(q)} (this one)</span>
                    ) : (
                      <Link to={`/quotes/${q.id}`}>{formatQuoteLabel(q)}</Link>
                    )}
                  </td>
                  <td>
                    <QuoteStatus status={q.status} />
                  </td>
                  <td>{formatDate(q.createdAt)}</td>
                  <td className="num">
                    <Money minor={q.total} currency={q.currency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
