import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { callApi } from "../api/api-client.ts";
import { Money } from "../components/money.tsx";
import { Skeleton } from "../components/skeleton.tsx";

/** The organisation's quotes, newest first: number, customer, status, total. */
export function QuotesScreen() {
  const quotes = useQuery({
    queryKey: ["quotes"],
    queryFn: ({ signal }) => callApi("get", "/v1/quotes", { signal }),
  });
  const customers = useQuery({
    queryKey: ["customers"],
    queryFn: ({ signal }) => callApi("get", "/v1/customers", { signal }),
  });
  const nameOf = (id: string | null) =>
    customers.data?.customers.find((c) => c.id === id)?.name ?? "—";
  return (
    <section className="page" aria-labelledby="quotes-title">
      <h1 id="quotes-title">Quotes</h1>
      <div className="card">
        {quotes.isPending ? (
          <Skeleton lines={4} />
        ) : quotes.isError ? (
          <p className="error-text">
            The quotes could not be loaded. Reload the page to try again.
          </p>
        ) : quotes.data.quotes.length === 0 ? (
          <p className="empty">
            No quotes yet. Answer a customer on the <Link to="/">point of sale</Link> and choose
            “Add to quote”.
          </p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">Quotes</caption>
            <thead>
              <tr>
                <th scope="col">Quote</th>
                <th scope="col">Customer</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {quotes.data.quotes.map((q) => (
                <tr key={q.id}>
                  <td>
                    <Link to={`/quotes/${q.id}`}>
                      {q.number === null ? "Draft" : `No. ${q.number}`}
                    </Link>
                  </td>
                  <td>{nameOf(q.customerId)}</td>
                  <td>{q.status}</td>
                  <td>{new Date(q.createdAt).toLocaleDateString()}</td>
                  <td className="num">
                    <Money minor={q.total} currency={q.currency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
