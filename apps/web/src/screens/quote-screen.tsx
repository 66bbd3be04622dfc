import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { type AnswerOf, ApiError, callApi, type Schema } from "../api/api-client.ts";
import { describeApiError } from "../api/describe-api-error.ts";
import { countDeployment, EditionAdvicePanel } from "../components/edition-advice-panel.tsx";
import { Money } from "../components/money.tsx";
import { QuoteHistory } from "../components/quote-history.tsx";
import { QuoteStatus } from "../components/quote-status.tsx";
import { RecordNotFound } from "../components/record-not-found.tsx";
import {
  type CalLineSubject,
  type OmittedCalsReason,
  RemoveCalLine,
} from "../components/remove-cal-line.tsx";
import { RulesVersion } from "../components/rules-version.tsx";
import { Skeleton } from "../components/skeleton.tsx";
import { TableScroll } from "../components/table-scroll.tsx";
import { TotalRow } from "../components/total-row.tsx";
import { formatCount } from "../format/format-count.ts";
import { formatDate, formatDateTime } from "../format/format-date.ts";
import { useSession } from "../session/session.ts";

type StoredQuote = AnswerOf<"get", "/v1/quotes/{id}">;
type Line = StoredQuote["quote"]["lines"][number];

const lineKinds: Readonly<Record<string, string>> = {
  "included-cals": "included with the server, no charge",
  "owned-cals": "already owned, not quoted again",
  "covered-by-host": "covered by its host",
};

/** Whether `pending` has lasted `ms` (a wait worth explaining), false again once it ends. */
function useSlowPending(pending: boolean, ms: number): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (!pending) return;
    const timer = setTimeout(() => setSlow(true), ms);
    return () => clearTimeout(timer);
  }, [pending, ms]);
  return slow;
}

/** The servers a draft's deployment names (the point of sale's has one). */
function serversOf(deployment: unknown): string[] {
  const servers = (deployment as { servers?: { name?: unknown }[] } | undefined)?.servers ?? [];
  return servers.map((s) => String(s.name ?? "")).filter((n) => n !== "");
}

/** The CAL line's subject, with the CALs all its packs stand for (a 5-pack and a single are one purchase). */
function subjectOf(line: Line, lines: readonly Line[], servers: readonly string[]): CalLineSubject {
  const { family = "", version = "", type = "either" } = line.subject;
  const same = lines.filter(
    (l) =>
      l.kind === line.kind &&
      l.subject.family === family &&
      l.subject.version === version &&
      l.subject.type === line.subject.type,
  );
  return {
    description: line.description,
    family,
    version,
    type,
    units: same.reduce((sum, l) => sum + l.quantity * l.packSize, 0),
    servers: line.subject.server !== undefined ? [line.subject.server] : servers,
  };
}

/**
 * One quote: its lines (priced lines, and the included and owned CALs shown as information), the CAL lines a
 * draft can drop only with a recorded reason, issue and the outcome (accepted, declined, withdrawn), PDF and
 * Markdown; beside them the edition advice with its cost over growth; below, the customer's other quotes.
 * A customer's account reads it only: the lines, the downloads and its other quotes (no action, no advice,
 * which are the reseller's).
 */
export function QuoteScreen() {
  const { id = "" } = useParams();
  const readOnly = useSession()?.user.role === "customer";
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<CalLineSubject>();
  const stored = useQuery({
    queryKey: ["quote", id],
    queryFn: ({ signal }) => callApi("get", "/v1/quotes/{id}", { params: { id }, signal }),
  });
  const saved = (quote: StoredQuote) => {
    queryClient.setQueryData(["quote", id], quote);
    void queryClient.invalidateQueries({ queryKey: ["quotes"] });
  };
  const issue = useMutation({
    mutationFn: async () => {
      try {
        return await callApi("post", "/v1/quotes/{id}/issue", { params: { id } });
      } catch (error) {
        // Issued already (in another tab, or by a retry whose first answer was lost): the server numbers a
        // quote once and answers 409; the quote as it is now is the answer, not an error.
        if (error instanceof ApiError && error.problem?.code === "CONFLICT") {
          const now = await callApi("get", "/v1/quotes/{id}", { params: { id } });
          if (now.status !== "draft") return now;
        }
        throw error;
      }
    },
    onSuccess: saved,
  });
  const issuingSlowly = useSlowPending(issue.isPending, 1500);
  const issuing = useRef(false);
  const setStatus = useMutation({
    mutationFn: (status: "accepted" | "declined" | "withdrawn") =>
      callApi("post", "/v1/quotes/{id}/status", { params: { id }, body: { status } }),
    onSuccess: saved,
  });
  const remove = useMutation({
    mutationFn: ({ reasons, servers }: { reasons: OmittedCalsReason[]; servers: string[] }) => {
      const request = stored.data?.request as Schema<"NewQuote">;
      const deployment = request.deployment as { accesses?: { server?: string }[] };
      const terms = request.terms as { omittedCals?: OmittedCalsReason[] };
      return callApi("put", "/v1/quotes/{id}", {
        params: { id },
        body: {
          ...request,
          deployment: {
            ...deployment,
            accesses: (deployment.accesses ?? []).filter(
              (a) => a.server === undefined || !servers.includes(a.server),
            ),
          },
          terms: {
            ...request.terms,
            omittedCals: [...(terms.omittedCals ?? []), ...reasons],
          } as Schema<"NewQuote">["terms"],
        },
      });
    },
    onSuccess: (quote) => {
      saved(quote);
      setRemoving(undefined);
    },
  });
  if (stored.isPending)
    return (
      <section className="page">
        <Skeleton lines={8} />
      </section>
    );
  if (stored.isError) return <RecordNotFound kind="quote" error={stored.error} />;
  const { quote, status } = stored.data;
  // A draft the signed-in user may change (a customer's account reads only).
  const editable = status === "draft" && !readOnly;
  const inline = stored.data.request.deployment !== undefined;
  const servers = serversOf(stored.data.request.deployment);
  const title = stored.data.number === null ? "Draft quote" : `Quote ${stored.data.number}`;
  const document = (format: string) =>
    `/v1/quotes/${encodeURIComponent(id)}/document?format=${format}`;
  const quotedProduct = quote.lines.find((l) => l.kind === "server-licence")?.subject.product;
  const failed = [
    issue.error && describeApiError(issue.error, "Issuing the quote"),
    setStatus.error && describeApiError(setStatus.error, "Recording the outcome"),
  ].filter(Boolean);
  return (
    <section className="page" aria-labelledby="quote-title">
      <p className="breadcrumb">
        <Link to="/quotes">{readOnly ? "Your quotes" : "Quotes"}</Link> /
      </p>
      <h1 id="quote-title">
        {title} for {quote.customer.name}
      </h1>
      <p className="lead">
        <QuoteStatus status={status} /> · dated {formatDate(quote.date)}, valid until{" "}
        {formatDate(quote.validUntil)}
        {stored.data.issuedAt === null ? "" : ` · issued ${formatDateTime(stored.data.issuedAt)}`} ·
        price list {quote.priceList.name} · <RulesVersion version={quote.catalogVersion} />
      </p>
      <div className="actions">
        {editable && (
          <button
            type="button"
            className="button"
            // Once: the mutation's pending state reaches the button a task later (TanStack notifies on a
            // timer), after a double click's second click; the ref is set in the click itself. The server
            // numbers a quote once whatever comes (a second issue is a 409, taken as the quote as it is now).
            onClick={() => {
              if (issuing.current) return;
              issuing.current = true;
              issue.mutate(undefined, {
                onSettled: () => {
                  issuing.current = false;
                },
              });
            }}
            disabled={issue.isPending}
            aria-busy={issue.isPending}
          >
            {issue.isPending ? "Issuing…" : "Issue quote"}
          </button>
        )}
        {status === "issued" && !readOnly && (
          <>
            <button
              type="button"
              className="button"
              onClick={() => setStatus.mutate("accepted")}
              disabled={setStatus.isPending}
            >
              Customer accepted
            </button>
            <button
              type="button"
              className="button-quiet"
              onClick={() => setStatus.mutate("declined")}
              disabled={setStatus.isPending}
            >
              Customer declined
            </button>
            <button
              type="button"
              className="button-quiet"
              onClick={() => setStatus.mutate("withdrawn")}
              disabled={setStatus.isPending}
            >
              Withdraw
            </button>
          </>
        )}
        <a className="button-quiet" href={document("pdf")} download>
          Download PDF
        </a>
        <a className="button-quiet" href={document("markdown")} download>
          Download Markdown
        </a>
      </div>
      <p className="hint" role="status">
        {issue.isPending
          ? issuingSlowly
            ? "Still issuing: calwise is busy and answers in a moment. The quote gets one number, however long this takes."
            : "Issuing the quote: giving it its number…"
          : ""}
      </p>
      {failed.length > 0 && (
        <p className="error-text" role="alert">
          {failed.join(" ")}
        </p>
      )}
      <div className={readOnly ? undefined : "quote-grid"}>
        <div className="card">
          <TableScroll label="Quote lines, scrollable">
            <table className="table table-stack">
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
                    <td className="line-position" data-label="Line">
                      {line.position ?? "—"}
                    </td>
                    <td className="line-what">
                      {line.description}
                      {line.informational && ` (${lineKinds[line.kind] ?? "no charge"})`}
                      {/* Why this quantity, in words a reseller reads out; the SKU, rule and sources as codes. */}
                      <span className="line-detail">{line.detail}</span>
                      <span className="code">
                        {line.sku === null ? "" : `${line.sku} · `}rule {line.rule} ·{" "}
                        {line.sources.join(", ")}
                      </span>
                      {editable && inline && line.kind === "cal" && (
                        <>
                          <br />
                          <button
                            type="button"
                            className="button-link"
                            aria-label={`Remove ${line.description}`}
                            onClick={() => {
                              remove.reset();
                              setRemoving(subjectOf(line, quote.lines, servers));
                            }}
                          >
                            Remove
                          </button>
                        </>
                      )}
                    </td>
                    <td className="num" data-label="Quantity">
                      {formatCount(line.quantity)}
                    </td>
                    <td className="num" data-label="Unit price">
                      {line.informational ? (
                        "—"
                      ) : (
                        <Money minor={line.unitPrice} currency={quote.currency} />
                      )}
                    </td>
                    <td className="num" data-label="Net">
                      {line.informational ? (
                        "—"
                      ) : (
                        <Money minor={line.net} currency={quote.currency} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
              <TotalRow columns={5} minor={quote.total} currency={quote.currency} />
            </table>
          </TableScroll>
          {removing !== undefined && (
            <RemoveCalLine
              subject={removing}
              busy={remove.isPending}
              onRemove={(reasons) => remove.mutate({ reasons, servers: [...removing.servers] })}
              onCancel={() => setRemoving(undefined)}
            />
          )}
          {remove.error !== null && (
            <p className="error-text" role="alert">
              {describeApiError(remove.error, "Removing the CALs")}
            </p>
          )}
          {editable && !inline && (
            <p className="hint">
              This quote prices a saved deployment of the customer: change the deployment to change
              its CAL lines.
            </p>
          )}
          {quote.omittedCals.length > 0 && (
            <>
              <h2>CALs left out, with the reason recorded</h2>
              <ul>
                {quote.omittedCals.map((reason) => (
                  <li key={`${reason.reason}-${reason.server ?? ""}-${reason.statement}`}>
                    {reason.statement}{" "}
                    <span className="code">
                      rule {reason.rule} · {reason.sources.join(", ")}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        {!readOnly && (
          <EditionAdvicePanel
            initial={countDeployment(stored.data.request.deployment)}
            priceListId={stored.data.priceListId}
            date={quote.date}
            quotedProduct={quotedProduct}
          />
        )}
      </div>
      {stored.data.customerId !== null && (
        <QuoteHistory
          customerId={stored.data.customerId}
          current={id}
          heading={readOnly ? "Your quotes" : "This customer's quotes"}
        />
      )}
    </section>
  );
}
