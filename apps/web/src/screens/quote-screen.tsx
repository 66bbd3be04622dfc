import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { ApiError, callApi } from "../api/api-client.ts";
import { Money } from "../components/money.tsx";
import { Skeleton } from "../components/skeleton.tsx";
import { TotalRow } from "../components/total-row.tsx";

/**
 * One quote: its lines (priced lines, and the included and owned CALs shown as information), the CALs left out
 * with their recorded reason, issue (gives it its number), and the PDF and Markdown downloads.
 */
export function QuoteScreen() {
  const { id = "" } = useParams();
  const queryClient = useQueryClient();
  const stored = useQuery({
    queryKey: ["quote", id],
    queryFn: ({ signal }) => callApi("get", "/v1/quotes/{id}", { params: { id }, signal }),
  });
  const issue = useMutation({
    mutationFn: () => callApi("post", "/v1/quotes/{id}/issue", { params: { id } }),
    onSuccess: (quote) => {
      queryClient.setQueryData(["quote", id], quote);
      void queryClient.invalidateQueries({ queryKey: ["quotes"] });
    },
  });
  if (stored.isPending)
    return (
      <section className="page">
        <Skeleton lines={8} />
      </section>
    );
  if (stored.isError)
    return (
      <section className="page">
        <h1>Quote not found</h1>
        <p>
          There is no such quote in your organisation. <Link to="/quotes">Back to the quotes</Link>.
        </p>
      </section>
    );
  const { quote } = stored.data;
  const title = stored.data.number === null ? "Draft quote" : `Quote ${stored.data.number}`;
  const document = (format: string) =>
    `/v1/quotes/${encodeURIComponent(id)}/document?format=${format}`;
  return (
    <section className="page" aria-labelledby="quote-title">
      <p className="breadcrumb">
        <Link to="/quotes">Quotes</Link> /
      </p>
      <h1 id="quote-title">
        {title} for {quote.customer.name}
      </h1>
      <p className="lead">
        {stored.data.status} · dated {quote.date}, valid until {quote.validUntil} · price list{" "}
        {quote.priceList.name} · catalog {quote.catalogVersion}
      </p>
      <div className="actions">
        {stored.data.status === "draft" && (
          <button
            type="button"
            className="button"
            onClick={() => issue.mutate()}
            disabled={issue.isPending}
          >
            Issue quote
          </button>
        )}
        <a className="button-quiet" href={document("pdf")} download>
          Download PDF
        </a>
        <a className="button-quiet" href={document("markdown")} download>
          Download Markdown
        </a>
      </div>
      {issue.error !== null && (
        <p className="error-text" role="alert">
          {issue.error instanceof ApiError ? issue.error.message : "The quote could not be issued."}
        </p>
      )}
      <div className="card">
        <table className="table">
          <caption>Lines</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">What</th>
              <th scope="col" className="num">
                Qty
              </th>
              <th scope="col" className="num">
                Unit price
              </th>
              <th scope="col" className="num">
                Net
              </th>
            </tr>
          </thead>
          <tbody>
            {quote.lines.map((line) => (
              <tr
                key={`${line.kind}-${line.sku ?? ""}-${line.description}`}
                className={line.informational ? "informational" : undefined}
              >
                <td>{line.position ?? "—"}</td>
                <td>
                  {line.description}
                  {line.informational && " (included, no charge)"}
                  <br />
                  <span className="code">
                    {line.sku ?? ""} {line.detail} · rule {line.rule} · {line.sources.join(", ")}
                  </span>
                </td>
                <td className="num">{line.quantity}</td>
                <td className="num">
                  {line.informational ? (
                    "—"
                  ) : (
                    <Money minor={line.unitPrice} currency={quote.currency} />
                  )}
                </td>
                <td className="num">
                  {line.informational ? "—" : <Money minor={line.net} currency={quote.currency} />}
                </td>
              </tr>
            ))}
          </tbody>
          <TotalRow columns={5} minor={quote.total} currency={quote.currency} />
        </table>
        {quote.omittedCals.length > 0 && (
          <>
            <h2>CALs left out, with the reason recorded</h2>
            <ul>
              {quote.omittedCals.map((reason) => (
                <li key={`${reason.reason}-${reason.server ?? ""}`}>
                  {reason.statement}{" "}
                  <span className="code">
                    {reason.reason} · rule {reason.rule} · {reason.sources.join(", ")}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
