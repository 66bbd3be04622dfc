import type { EvaluationResult } from "@calwise/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { callApi } from "../api/api-client.ts";
import { CalMixExplanation } from "../components/cal-mix-explanation.tsx";
import { Money } from "../components/money.tsx";
import { RequiredOwnedChart, type RequiredOwnedRow } from "../components/required-owned-chart.tsx";
import { Skeleton } from "../components/skeleton.tsx";
import { TotalRow } from "../components/total-row.tsx";
import { formatDateTime } from "../format/format-date.ts";

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

/** A stored evaluation: the compliance position, what to buy to close the gap, every finding with its rule. */
export function EvaluationScreen() {
  const { id = "" } = useParams();
  const evaluation = useQuery({
    queryKey: ["evaluation", id],
    queryFn: ({ signal }) => callApi("get", "/v1/evaluations/{id}", { params: { id }, signal }),
  });
  if (evaluation.isPending)
    return (
      <section className="page">
        <Skeleton lines={8} />
      </section>
    );
  if (evaluation.isError)
    return (
      <section className="page">
        <h1>Check not found</h1>
        <p>
          There is no such check in your organisation.{" "}
          <Link to="/customers">Back to the customers</Link>.
        </p>
      </section>
    );
  const result = evaluation.data.result as unknown as EvaluationResult;
  const rows = chartRows(result);
  const short = result.families.flatMap((f) =>
    f.required.filter((r) => r.shortfall > 0).map((r) => ({ ...r, name: f.name })),
  );
  return (
    <section className="page" aria-labelledby="evaluation-title">
      <p className="breadcrumb">
        <Link to="/customers">Customers</Link> /
      </p>
      <h1 id="evaluation-title">Compliance: {result.deployment}</h1>
      <p className={`status ${result.compliant ? "status-ok" : "status-short"}`}>
        {result.compliant
          ? "Compliant: the CALs owned cover every access."
          : `Not compliant: ${short.map((s) => `${s.shortfall} ${s.name.replace(/ CAL$/, "")} ${s.version} ${s.type} CAL${s.shortfall === 1 ? "" : "s"}`).join(", ") || "see the findings"} short.`}
      </p>
      <p className="lead">
        Checked {formatDateTime(evaluation.data.createdAt)} · revision {evaluation.data.revision} ·
        catalog {evaluation.data.catalogVersion}
      </p>
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
            <table className="table">
              <caption className="visually-hidden">Purchases</caption>
              <thead>
                <tr>
                  <th scope="col">What</th>
                  <th scope="col" className="num">
                    CALs
                  </th>
                  <th scope="col" className="num">
                    Cost
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.purchases.map((line) => (
                  <tr
                    key={`${line.family}-${line.version}-${line.type ?? line.connector}-${line.server ?? ""}`}
                  >
                    <td>
                      {line.reason}{" "}
                      <span className="code">
                        rule {line.rule} · {line.sources.join(", ")}
                      </span>
                    </td>
                    <td className="num">{line.units}</td>
                    <td className="num">
                      <Money minor={line.cost} currency={result.currency} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <TotalRow columns={3} minor={result.purchaseTotal} currency={result.currency} />
            </table>
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
                  {f.message}
                  {f.remedy !== undefined && <> {f.remedy}</>}
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
