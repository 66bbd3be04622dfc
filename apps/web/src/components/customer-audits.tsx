import { Link } from "react-router";
import type { Schema } from "../api/api-client.ts";
import { useCustomerAudits } from "../api/use-customer-audits.ts";
import { formatCountOf } from "../format/format-count.ts";
import { formatDateTime } from "../format/format-date.ts";
import { useSession } from "../session/session.ts";
import { type Column, DataTable } from "./data-table.tsx";
import { Skeleton } from "./skeleton.tsx";

type CustomerAudit = Schema<"CustomerAudit">;

/** An audit's position in words: compliant, short by N CALs, or (errors other than a shortfall) not compliant. */
function describePosition(audit: CustomerAudit): string {
  if (audit.compliant) return "compliant";
  if (audit.calsShort === 0) return "not compliant";
  return `short by ${formatCountOf(audit.calsShort, "CAL")}`;
}

/** The list's columns: when (the link to the audit), which files, against which revision, the position. */
const auditColumns: readonly Column<CustomerAudit>[] = [
  {
    key: "date",
    header: "Audited",
    rowHeader: true,
    cell: (a) => (
      <Link to={`/audits/${a.id}`} aria-label={`Audit of ${formatDateTime(a.createdAt)}`}>
        {formatDateTime(a.createdAt)}
      </Link>
    ),
  },
  { key: "files", header: "Evidence", cell: (a) => a.files.join(", ") },
  {
    key: "deployment",
    header: "Held against",
    cell: (a) =>
      a.deployment === null
        ? "the entitlements alone"
        : `${a.deployment.name}${a.deployment.revision === null ? "" : `, revision ${a.deployment.revision}`}`,
  },
  {
    key: "position",
    header: "Position",
    cell: (a) => (
      <span className={a.compliant ? "status-ok" : "status-short"}>{describePosition(a)}</span>
    ),
  },
];

/**
 * The customer's past audits (GET /v1/customers/{id}/audits), newest first: an admin finds last week's audit
 * here again, not only through the link its upload showed.
 */
export function CustomerAudits({ customerId }: { customerId: string }) {
  // A customer's account uploads nothing: its reseller's staff do.
  const isCustomer = useSession()?.user.role === "customer";
  const audits = useCustomerAudits(customerId);
  return (
    <section className="card" aria-labelledby="audits-title">
      <h2 id="audits-title">Audits</h2>
      {audits.data === undefined ? (
        audits.isError ? (
          <p className="error-text">The audits could not be read. Try again in a moment.</p>
        ) : (
          <Skeleton lines={2} />
        )
      ) : (
        <DataTable
          caption="Audits of this customer, newest first"
          captionHidden
          columns={auditColumns}
          rows={audits.data.audits}
          rowKey={(a) => a.id}
          empty={
            isCustomer
              ? "No audit yet."
              : "No audit yet: upload the customer's evidence below and it is listed here."
          }
        />
      )}
    </section>
  );
}
