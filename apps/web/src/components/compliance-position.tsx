import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { callApi, type Schema } from "../api/api-client.ts";
import { useCustomerAudits } from "../api/use-customer-audits.ts";
import { formatCountOf } from "../format/format-count.ts";
import { formatDateTime } from "../format/format-date.ts";
import { useSession } from "../session/session.ts";
import { type Column, DataTable } from "./data-table.tsx";
import { Money } from "./money.tsx";
import { describeRulesVersion, RulesVersion } from "./rules-version.tsx";
import { Skeleton } from "./skeleton.tsx";

type Position = Schema<"CompliancePosition">;
type PositionRow = Position["deployments"][number];

/** Why a check is not current, in words (the API says which reason applies first). */
function describeStaleCheck(
  row: PositionRow,
  inForce: Position["priceListInForce"],
  rules: string,
): string {
  const priced = row.evaluation?.priceList ?? null;
  switch (row.staleReason) {
    case null:
      return "current";
    case "unchecked":
      return "not checked";
    case "revision":
      return "stale: a newer revision";
    case "catalog":
      return `stale: checked against older licensing rules; calwise now uses the ${describeRulesVersion(rules)}`;
    case "price-list":
      return priced === null
        ? `stale: not priced, and ${inForce?.name ?? "a price list"} is in force now`
        : inForce === null
          ? `stale: priced at ${priced.name}, which is no longer in force`
          : `stale: priced at ${priced.name}; ${inForce.name} is in force now`;
  }
}

/** The position's columns: the deployment, its newest check, the result, what to buy, and whether it is current. */
function positionColumns(
  inForce: Position["priceListInForce"],
  rules: string,
  checkAgain: (row: PositionRow) => ReactNode,
): readonly Column<PositionRow>[] {
  return [
    {
      key: "deployment",
      header: "Deployment",
      rowHeader: true,
      cell: (d) => (
        <>
          {d.name} <span className="code">revision {d.latestRevision}</span>
        </>
      ),
    },
    {
      key: "checked",
      header: "Checked",
      cell: (d) =>
        d.evaluation === null ? (
          "never"
        ) : (
          <Link to={`/evaluations/${d.evaluation.id}`}>
            revision {d.evaluation.revision}, {formatDateTime(d.evaluation.createdAt)}
          </Link>
        ),
    },
    {
      key: "result",
      header: "Result",
      cell: (d) =>
        d.evaluation === null ? "—" : d.evaluation.compliant ? "compliant" : "not compliant",
    },
    {
      key: "to-buy",
      header: "To buy",
      numeric: true,
      // Unpriced: no price list was in force when it was checked (the check says so).
      cell: (d) =>
        d.evaluation !== null && !d.evaluation.compliant && d.evaluation.currency === null ? (
          "not priced"
        ) : (
          <Money
            minor={d.evaluation?.purchaseTotal ?? null}
            currency={d.evaluation?.currency ?? null}
          />
        ),
    },
    {
      key: "current",
      header: "Up to date?",
      cell: (d) =>
        d.current ? (
          "current"
        ) : (
          <>
            <span className="stale">{describeStaleCheck(d, inForce, rules)}</span> {checkAgain(d)}
          </>
        ),
    },
  ];
}

/**
 * The customer's stored compliance position (GET /v1/customers/{id}/position): each deployment's newest
 * check, whether it is still current (latest revision, the catalog the server runs, priced at the list in force
 * today) and, when it is not, why and a button that checks the latest revision again (POST /v1/deployments/{id}/evaluations).
 * When the customer's newest audit is not compliant, that comes first: the checks count what was typed on the
 * deployments, the audit who signed in.
 */
export function CompliancePosition({ customerId }: { customerId: string }) {
  const queryClient = useQueryClient();
  const role = useSession()?.user.role;
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
  // The same query as the audits' card below (one request): the newest audit outranks the checks.
  const audits = useCustomerAudits(customerId);
  const newestAudit = audits.data?.audits[0];
  const auditShort = newestAudit !== undefined && !newestAudit.compliant ? newestAudit : undefined;
  const data = position.data;
  return (
    <section className="card" aria-labelledby="position-title">
      <h2 id="position-title">Compliance position</h2>
      {auditShort !== undefined && (
        // A check counts the users and devices typed on a deployment; an audit counts who signed in. A
        // "compliant" from the checks above a failed audit would be trusted and wrong.
        <p className="status status-short">
          Not compliant by the newest audit (
          <Link to={`/audits/${auditShort.id}`}>{formatDateTime(auditShort.createdAt)}</Link>):{" "}
          {auditShort.calsShort === 0
            ? "it found a problem"
            : `short by ${formatCountOf(auditShort.calsShort, "CAL")}`}
          . The checks below count the users and devices entered on each deployment; the audit
          counts who signed in.
        </p>
      )}
      {data === undefined ? (
        position.isError ? (
          <p className="error-text">The position could not be read. Try again in a moment.</p>
        ) : (
          <Skeleton lines={2} />
        )
      ) : data.deployments.length === 0 ? (
        <p className="empty">
          {/* Only owners and sales agents may write a deployment (the API's editor roles). */}
          {role === "owner" || role === "sales"
            ? "No deployment yet: type one in below, or import a file, and check it."
            : "No deployment recorded yet: your reseller records it and checks it."}
        </p>
      ) : (
        <>
          <p
            className={`status ${data.compliant === true && auditShort === undefined ? "status-ok" : data.compliant === false ? "status-short" : ""}`}
          >
            {data.compliant === true
              ? auditShort !== undefined
                ? "Every deployment's latest check is covered by what was entered on it."
                : "Compliant: every deployment's latest check is covered by what they own."
              : data.compliant === false
                ? "Not compliant: at least one deployment needs more CALs."
                : "Not known yet: a deployment has not been checked."}
          </p>
          <DataTable
            caption="Compliance per deployment"
            captionHidden
            columns={positionColumns(data.priceListInForce, data.catalogVersion, (row) =>
              // A customer's account may not check (the API's editor roles): it reads why, not a button.
              role === "customer" ? null : (
                <button
                  type="button"
                  className="button-quiet"
                  disabled={evaluate.isPending}
                  onClick={() => evaluate.mutate(row.deploymentId)}
                >
                  {/* Never checked: "again" would say a check exists. */}
                  {row.evaluation === null ? "Check now" : "Check again"}{" "}
                  <span className="visually-hidden">({row.name})</span>
                </button>
              ),
            )}
            rows={data.deployments}
            rowKey={(row) => row.deploymentId}
          />
          <p className="hint">
            Checked against the <RulesVersion version={data.catalogVersion} />.
          </p>
          <p className="hint">
            Each check counts only the CALs entered on its deployment; the estate position counts
            the customer's entitlements, once for all their deployments.
          </p>
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
