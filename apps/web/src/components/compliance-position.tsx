import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { callApi } from "../api/api-client.ts";
import { formatDateTime } from "../format/format-date.ts";
import { Money } from "./money.tsx";
import { Skeleton } from "./skeleton.tsx";

/**
 * The customer's stored compliance position (GET /v1/customers/{id}/position): each deployment's newest
 * check, whether it is still current (latest revision, the catalog the server runs) and, when it is not, a
 * button that checks the latest revision again (POST /v1/deployments/{id}/evaluations).
 */
export function CompliancePosition({ customerId }: { customerId: string }) {
  const queryClient = useQueryClient();
  const position = useQuery({
    queryKey: ["position", customerId],
    queryFn: ({ signal }) =>
      callApi("get", "/v1/customers/{id}/position", { params: { id: customerId }, signal }),
  });
  const evaluate = useMutation({
    mutationFn: (deploymentId: string) =>
      callApi("post", "/v1/deployments/{id}/evaluations", {
        params: { id: deploymentId },
        body: {},
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["position", customerId] }),
  });
  const data = position.data;
  return (
    <section className="card" aria-labelledby="position-title">
      <h2 id="position-title">Compliance position</h2>
      {data === undefined ? (
        position.isError ? (
          <p className="error-text">The position could not be read. Try again in a moment.</p>
        ) : (
          <Skeleton lines={2} />
        )
      ) : data.deployments.length === 0 ? (
        <p className="empty">
          No deployment yet: type one in below, or import a file, and check it.
        </p>
      ) : (
        <>
          <p
            className={`status ${data.compliant === true ? "status-ok" : data.compliant === false ? "status-short" : ""}`}
          >
            {data.compliant === true
              ? "Compliant: every deployment's latest check is covered by what they own."
              : data.compliant === false
                ? "Not compliant: at least one deployment needs more CALs."
                : "Not known yet: a deployment has not been checked."}
          </p>
          <table className="table">
            <caption className="visually-hidden">Compliance per deployment</caption>
            <thead>
              <tr>
                <th scope="col">Deployment</th>
                <th scope="col">Checked</th>
                <th scope="col">Result</th>
                <th scope="col" className="num">
                  To buy
                </th>
                <th scope="col">Up to date?</th>
              </tr>
            </thead>
            <tbody>
              {data.deployments.map((d) => (
                <tr key={d.deploymentId}>
                  <th scope="row">
                    {d.name} <span className="code">revision {d.latestRevision}</span>
                  </th>
                  <td>
                    {d.evaluation === null ? (
                      "never"
                    ) : (
                      <Link to={`/evaluations/${d.evaluation.id}`}>
                        revision {d.evaluation.revision}, {formatDateTime(d.evaluation.createdAt)}
                      </Link>
                    )}
                  </td>
                  <td>
                    {d.evaluation === null
                      ? "—"
                      : d.evaluation.compliant
                        ? "compliant"
                        : "not compliant"}
                  </td>
                  <td className="num">
                    {/* Unpriced: no price list was in force when it was checked (the check says so). */}
                    {d.evaluation !== null &&
                    !d.evaluation.compliant &&
                    d.evaluation.currency === null ? (
                      "not priced"
                    ) : (
                      <Money
                        minor={d.evaluation?.purchaseTotal ?? null}
                        currency={d.evaluation?.currency ?? null}
                      />
                    )}
                  </td>
                  <td>
                    {d.current ? (
                      "current"
                    ) : (
                      <>
                        <span className="stale">
                          {d.evaluation === null
                            ? "not checked"
                            : d.evaluation.revision !== d.latestRevision
                              ? "stale: a newer revision"
                              : "stale: the catalog changed"}
                        </span>{" "}
                        <button
                          type="button"
                          className="button-quiet"
                          disabled={evaluate.isPending}
                          onClick={() => evaluate.mutate(d.deploymentId)}
                        >
                          Check again <span className="visually-hidden">({d.name})</span>
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">Catalog in force: {data.catalogVersion}</p>
          {evaluate.isError && (
            <p className="error-text" role="alert">
              The check failed: {evaluate.error.message}
            </p>
          )}
        </>
      )}
    </section>
  );
}
