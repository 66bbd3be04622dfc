import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { callApi } from "../api/api-client.ts";
import { DataTable } from "../components/data-table.tsx";
import { LoadError } from "../components/load-error.tsx";
import { Money } from "../components/money.tsx";
import { QuoteStatus } from "../components/quote-status.tsx";
import { Skeleton } from "../components/skeleton.tsx";
import { formatDate } from "../format/format-date.ts";
import { formatQuoteLabel } from "../format/format-quote-label.ts";
import { useSession } from "../session/session.ts";

const statuses = ["draft", "issued", "accepted", "declined", "withdrawn"] as const;
type Status = (typeof statuses)[number];

/**
 * The organisation's quotes, newest first: number, customer, status, date, total; filtered by status and
 * customer (kept in the address, so a filtered list can be bookmarked or shared). A customer's account sees its
 * own quotes, read-only, with no customer filter (the API lists only its customer's and names it).
 */
export function QuotesScreen() {
  const [params, setParams] = useSearchParams();
  const customerAccount = useSession()?.user.role === "customer";
  const status = statuses.find((s) => s === params.get("status"));
  const customerId = customerAccount ? undefined : (params.get("customer") ?? undefined);
  const quotes = useQuery({
    queryKey: ["quotes", { status, customerId }],
    queryFn: ({ signal }) =>
      callApi("get", "/v1/quotes", { query: { status, customerId }, signal }),
  });
  // The filter's choices: the staff's list of customers (a customer's account may not read it, nor needs it).
  const customers = useQuery({
    queryKey: ["customers"],
    queryFn: ({ signal }) => callApi("get", "/v1/customers", { signal }),
    enabled: !customerAccount,
  });
  const nameOf = (id: string | null) =>
    customers.data?.customers.find((c) => c.id === id)?.name ??
    quotes.data?.quotes.find((q) => q.customerId === id)?.customerName ??
    "—";
  const filter = (name: "status" | "customer", value: string) => {
    const next = new URLSearchParams(params);
    if (value === "") next.delete(name);
    else next.set(name, value);
    setParams(next, { replace: true });
  };
  const filtered = status !== undefined || customerId !== undefined;
  return (
    <section className="page" aria-labelledby="quotes-title">
      <h1 id="quotes-title">{customerAccount ? "Your quotes" : "Quotes"}</h1>
      {customerAccount && (
        <p className="lead">
          The quotes your reseller has issued to you; each is final until its validity ends.
        </p>
      )}
      <form className="filters" aria-label="Filter the quotes" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select
            id="filter-status"
            value={status ?? ""}
            onChange={(e) => filter("status", e.target.value)}
          >
            <option value="">Any status</option>
            {/* A customer's account is never shown a draft (its reseller's work in progress). */}
            {statuses
              .filter((s) => !(customerAccount && s === "draft"))
              .map((s) => (
                <option key={s} value={s}>
                  {s.charAt(0).toUpperCase() + s.slice(1)}
                </option>
              ))}
          </select>
        </div>
        {!customerAccount && (
          <div className="field">
            <label htmlFor="filter-customer">Customer</label>
            {/* Disabled until the customers are there: a choice made earlier would name none of them. */}
            <select
              id="filter-customer"
              value={customerId ?? ""}
              onChange={(e) => filter("customer", e.target.value)}
              disabled={!customers.isSuccess}
              aria-describedby={customers.isSuccess ? undefined : "filter-customer-state"}
            >
              <option value="">Every customer</option>
              {(customers.data?.customers ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            {!customers.isSuccess && (
              <span id="filter-customer-state" className="hint">
                {customers.isError
                  ? "The customers could not be loaded."
                  : "Loading the customers…"}
              </span>
            )}
          </div>
        )}
      </form>
      <div className="card">
        {quotes.isPending ? (
          <Skeleton lines={4} />
        ) : quotes.isError ? (
          <LoadError error={quotes.error} what="The quotes" />
        ) : quotes.data.quotes.length === 0 ? (
          filtered ? (
            <p className="empty">
              No {status === undefined ? "" : `${status} `}quotes
              {customerId === undefined ? "" : ` for ${nameOf(customerId)}`}.{" "}
              <Link to="/quotes">Show every quote</Link>.
            </p>
          ) : customerAccount ? (
            <p className="empty">
              Your reseller has not issued you a quote yet. When they do, it is listed here.
            </p>
          ) : (
            <p className="empty">
              No quotes yet. Answer a customer on the <Link to="/">point of sale</Link> and choose
              “Add to quote”.
            </p>
          )
        ) : (
          <DataTable
            caption="Quotes"
            captionHidden
            stacked
            rows={[...quotes.data.quotes].reverse()}
            rowKey={(q) => q.id}
            columns={[
              {
                key: "quote",
                header: "Quote",
                cell: (q) => <Link to={`/quotes/${q.id}`}>{formatQuoteLabel(q)}</Link>,
              },
              { key: "customer", header: "Customer", cell: (q) => q.customerName ?? "—" },
              {
                key: "status",
                header: "Status",
                cell: (q) => <QuoteStatus status={q.status as Status} />,
              },
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
      </div>
    </section>
  );
}
