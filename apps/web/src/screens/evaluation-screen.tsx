import type { EvaluationResult } from "@calwise/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router";
import { callApi } from "../api/api-client.ts";
import { describeApiError } from "../api/describe-api-error.ts";
import { findPriceListInForce } from "../api/price-list-in-force.ts";
import { CalMixExplanation } from "../components/cal-mix-explanation.tsx";
import { CustomerBreadcrumb } from "../components/customer-breadcrumb.tsx";
import { type Column, DataTable } from "../components/data-table.tsx";
import { DeploymentCheckScope } from "../components/deployment-check-scope.tsx";
import { Money } from "../components/money.tsx";
import { RecordNotFound } from "../components/record-not-found.tsx";
import { RequiredOwnedChart, type RequiredOwnedRow } from "../components/required-owned-chart.tsx";
import { RulesVersion } from "../components/rules-version.tsx";
import { Skeleton } from "../components/skeleton.tsx";
import { TotalRow } from "../components/total-row.tsx";
import { asSentence } from "../format/as-sentence.ts";
import { formatCount, formatCountOf } from "../format/format-count.ts";
import { formatDateTime } from "../format/format-date.ts";
import { formatFindingCounts } from "../format/format-finding-counts.ts";
import { formatLocalDate } from "../format/local-date.ts";
import { useSession } from "../session/session.ts";

function chartRows(result: EvaluationResult): RequiredOwnedRow[] {
  return result.families.flatMap((family) => {
    const versions = [
      ...new Set([...family.required.map((r) => r.version), ...family.owned.map((o) => o.version)]),
    ];
    return versions.map((version) => ({
      label: `${family.name} ${version}`,
      required: family.required
        .filter((r) => r.version === version)
        .reduce((n, r) => n + r.count, 0),
      owned: family.owned.filter((o) => o.version === version).reduce((n, o) => n + o.quantity, 0),
    }));
  });
}

type Purchase = EvaluationResult["purchases"][number];

/** What to buy: the line with its rule and sources, how many CALs and (priced) what they cost. */
function purchaseColumns(result: EvaluationResult, priced: boolean): readonly Column<Purchase>[] {
  const columns: Column<Purchase>[] = [
    {
      key: "what",
      header: "What",
      cell: (line) => (
        <>
          {line.reason}{" "}
          <span className="code">
            rule {line.rule} · {line.sources.join(", ")}
          </span>
        </>
      ),
    },
    { key: "units", header: "CALs", numeric: true, cell: (line) => formatCount(line.units) },
  ];
  if (priced)
    columns.push({
      key: "cost",
      header: "Cost",
      numeric: true,
      cell: (line) =>
        line.cost === null ? (
          "not on the price list"
        ) : (
          <Money minor={line.cost} currency={result.currency} />
        ),
    });
  return columns;
}

/** A stored evaluation: the compliance position, what to buy to close the gap, every finding with its rule. */
export function EvaluationScreen() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const role = useSession()?.user.role;
  const evaluation = useQuery({
    queryKey: ["evaluation", id],
    queryFn: ({ signal }) => callApi("get", "/v1/evaluations/{id}", { params: { id }, signal }),
  });
  // The breadcrumb leads back to the customer whose deployment this checks (a newcomer otherwise had to find them
  // again in the customers list).
  const deploymentId = evaluation.data?.deploymentId;
  const deployment = useQuery({
    queryKey: ["deployment", deploymentId],
    queryFn: ({ signal }) =>
      callApi("get", "/v1/deployments/{id}", { params: { id: deploymentId ?? "" }, signal }),
    enabled: deploymentId !== undefined,
  });
  const staff = role !== undefined && role !== "customer";
  // A customer's account reads no price lists, but its customer's position says which list is in force: the
  // same reason a check is stale reaches every role that sees the check.
  const customerId = deployment.data?.customerId ?? null;
  const position = useQuery({
    queryKey: ["position", customerId],
    queryFn: ({ signal }) =>
      callApi("get", "/v1/customers/{id}/position", { params: { id: customerId ?? "" }, signal }),
    enabled: role === "customer" && customerId !== null,
  });
  // Which list is in force today (the browser's date, as the server picks it): a check priced at another is stale.
  const lists = useQuery({
    queryKey: ["price-lists"],
    queryFn: ({ signal }) => callApi("get", "/v1/price-lists", { signal }),
    enabled: staff,
  });
  // The same revision checked again: priced by the list in force now (one added since), a new stored check.
  const checkAgain = useMutation({
    mutationFn: (checked: { deploymentId: string; revision: number }) =>
      callApi("post", "/v1/deployments/{id}/evaluations", {
        params: { id: checked.deploymentId },
        body: { revision: checked.revision },
      }),
    onSuccess: (next) => navigate(`/evaluations/${next.id}`),
  });
  if (evaluation.isPending)
    return (
      <section className="page">
        <Skeleton lines={8} />
      </section>
    );
  if (evaluation.isError) return <RecordNotFound kind="check" error={evaluation.error} />;
  const result = evaluation.data.result as unknown as EvaluationResult;
  // The list in force today: undefined while unknown (not read yet, or a customer's account), null when none is.
  const inForceNow =
    lists.data !== undefined
      ? (findPriceListInForce(lists.data.priceLists, formatLocalDate(new Date())) ?? null)
      : position.data !== undefined
        ? position.data.priceListInForce
        : undefined;
  const checkAgainButton = staff && (
    <>
      <button
        type="button"
        className="button-quiet"
        disabled={checkAgain.isPending}
        onClick={() =>
          checkAgain.mutate({
            deploymentId: evaluation.data.deploymentId,
            revision: evaluation.data.revision,
          })
        }
      >
        Check again
      </button>
      {checkAgain.isError && (
        <p className="error-text" role="alert">
          {describeApiError(checkAgain.error, "The check")}
        </p>
      )}
    </>
  );
  const priced = result.currency !== null;
  const rows = chartRows(result);
  const short = result.families.flatMap((f) =>
    f.required.filter((r) => r.shortfall > 0).map((r) => ({ ...r, name: f.name })),
  );
  return (
    <section className="page" aria-labelledby="evaluation-title">
      <CustomerBreadcrumb customerId={deployment.data?.customerId} />
      <h1 id="evaluation-title">Compliance: {result.deployment}</h1>
      <p className={`status ${result.compliant ? "status-ok" : "status-short"}`}>
        {result.compliant
          ? "Compliant: the CALs owned cover every access."
          : `Not compliant: ${short.map((s) => formatCountOf(s.shortfall, `${s.name.replace(/ CAL$/, "")} ${s.version} ${s.type} CAL`)).join(", ") || "see the findings"} short.`}
      </p>
      <p className="lead">
        Checked {formatDateTime(evaluation.data.createdAt)} · revision {evaluation.data.revision} ·{" "}
        <RulesVersion version={evaluation.data.catalogVersion} />
      </p>
      <DeploymentCheckScope customerId={customerId} />
      <div className="two-columns">
        <div className="card">
          <h2>Required and owned CALs</h2>
          {rows.length === 0 ? (
            <p className="empty">No CALs are needed.</p>
          ) : (
            <RequiredOwnedChart
              rows={rows}
              title="CALs required and owned per family and version"
            />
          )}
        </div>
        <div className="card">
          <h2>What to buy to close the gap</h2>
          {result.purchases.length === 0 ? (
            <p className="empty">Nothing: what they own covers them.</p>
          ) : (
            <>
              {/* Priced by the organisation's list in force when checked (or the deployment's own); none: say so. */}
              {result.priceList === null ? (
                <div className="hint">
                  <p>
                    No price list was in force when this was checked, so these are counts of CALs,
                    not money. <Link to="/price-lists">Add a price list</Link>, then check again.
                  </p>
                  {checkAgainButton}
                </div>
              ) : inForceNow !== undefined &&
                evaluation.data.priceListId !== null &&
                inForceNow?.id !== evaluation.data.priceListId ? (
                <div className="hint">
                  <p>
                    Priced with {result.priceList.name}
                    {result.priceList.version === null ? "" : ` ${result.priceList.version}`}, which
                    is no longer the price list in force
                    {inForceNow === null ? "" : `: ${inForceNow.name} is`}.{" "}
                    {staff
                      ? "Check again to price it at today's list."
                      : "Ask your reseller to check it again at today's list."}
                  </p>
                  {checkAgainButton}
                </div>
              ) : (
                <p className="hint">
                  Priced with {result.priceList.name}
                  {result.priceList.version === null ? "" : ` ${result.priceList.version}`}.
                </p>
              )}
              <DataTable
                caption="Purchases"
                captionHidden
                columns={purchaseColumns(result, priced)}
                rows={result.purchases}
                rowKey={(line) =>
                  `${line.family}-${line.version}-${line.type ?? line.connector}-${line.server ?? ""}`
                }
                footer={
                  priced && (
                    <TotalRow columns={3} minor={result.purchaseTotal} currency={result.currency} />
                  )
                }
              />
            </>
          )}
        </div>
      </div>
      <CalMixExplanation result={result} />
      <div className="card">
        <h2>Findings</h2>
        {result.findings.length === 0 ? (
          <p className="empty">No findings.</p>
        ) : (
          <ul className="findings">
            {result.findings.map((f) => (
              <li key={`${f.code}-${f.message}`} className={`finding finding-${f.severity}`}>
                <p>
                  <strong>
                    {f.severity === "error"
                      ? "Must fix"
                      : f.severity === "warning"
                        ? "Check"
                        : "Note"}
                    :
                  </strong>{" "}
                  {asSentence(formatFindingCounts(f.message, f))}
                  {/* A shortfall's sentence already says what to buy; other findings (and a shortfall no purchase
                      closes) end with their remedy. */}
                  {f.remedy !== undefined &&
                    !(f.code === "CAL_SHORTFALL" && f.remedy.startsWith("buy ")) && (
                      <> {asSentence(formatFindingCounts(f.remedy, f))}</>
                    )}
                </p>
                <p className="code">
                  {f.code} · rule {f.rule} · sources {f.sources.join(", ")}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
