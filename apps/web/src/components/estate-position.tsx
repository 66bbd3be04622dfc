import { useQuery } from "@tanstack/react-query";
import { callApi, type Schema } from "../api/api-client.ts";
import { useCustomerAudits } from "../api/use-customer-audits.ts";
import { formatCount, formatCountOf } from "../format/format-count.ts";
import { type Column, DataTable } from "./data-table.tsx";
import { Money } from "./money.tsx";
import { Skeleton } from "./skeleton.tsx";

type Estate = NonNullable<Schema<"CustomerEstate">["position"]>;
type Line = Estate["lines"][number];
type Counted = Estate["deployments"][number];

const lineColumns: readonly Column<Line>[] = [
  {
    key: "cal",
    header: "CAL",
    rowHeader: true,
    cell: (l) => `${l.name.replace(/ CAL$/, "")} ${l.version} ${l.type} CAL`,
  },
  { key: "needed", header: "Needed", numeric: true, cell: (l) => formatCount(l.required) },
  {
    key: "owned",
    header: "Covered by what they own",
    numeric: true,
    cell: (l) => formatCount(l.coveredByOwned),
  },
  { key: "short", header: "Short", numeric: true, cell: (l) => formatCount(l.shortfall) },
  {
    key: "rules",
    header: "Rules and sources",
    cell: (l) => <span className="code">{[...l.rules, ...l.sources].join(", ")}</span>,
  },
];

const deploymentColumns: readonly Column<Counted>[] = [
  {
    key: "deployment",
    header: "Deployment",
    rowHeader: true,
    cell: (d) => (
      <>
        {d.name}
        {d.revision === null ? null : <span className="code"> revision {d.revision}</span>}
      </>
    ),
  },
  {
    key: "users",
    header: "Users named / counted",
    numeric: true,
    cell: (d) => `${formatCount(d.users.named)} / ${formatCount(d.users.counted)}`,
  },
  {
    key: "devices",
    header: "Devices named / counted",
    numeric: true,
    cell: (d) => `${formatCount(d.devices.named)} / ${formatCount(d.devices.counted)}`,
  },
];

/**
 * The customer's estate position (GET /v1/customers/{id}/estate): every deployment's latest revision checked
 * together against the customer's entitlements, "Estate: compliant" or "Estate: N short", the CALs with their
 * rules and sources, what the entitlements are, and how people were counted across deployments. Every figure is
 * the API's. Its query key starts with the position's, so a saved deployment asks again.
 */
export function EstatePosition({ customerId }: { customerId: string }) {
  const estate = useQuery({
    queryKey: ["position", customerId, "estate"],
    queryFn: ({ signal }) =>
      callApi("get", "/v1/customers/{id}/estate", { params: { id: customerId }, signal }),
  });
  // The audits' query (shared with their card): a failed newest audit keeps "compliant" from being said here.
  const audits = useCustomerAudits(customerId);
  const newestAudit = audits.data?.audits[0];
  const auditShort = newestAudit !== undefined && !newestAudit.compliant;
  const data = estate.data;
  if (data === undefined)
    return (
      <section className="card" aria-labelledby="estate-title">
        <h2 id="estate-title">Estate position</h2>
        {estate.isError ? (
          <p className="error-text">
            The estate position could not be worked out: {estate.error.message}
          </p>
        ) : (
          <Skeleton lines={2} />
        )}
      </section>
    );
  const position = data.position;
  if (position === null) return null;
  return (
    <section className="card" aria-labelledby="estate-title">
      <h2 id="estate-title">Estate position</h2>
      <p
        className={`status estate-status ${position.compliant ? (auditShort ? "" : "status-ok") : "status-short"}`}
      >
        {position.compliant
          ? auditShort
            ? "Estate: covered as entered on the deployments, but the newest audit is not (see the compliance position)"
            : "Estate: compliant"
          : position.shortfall > 0
            ? `Estate: ${formatCount(position.shortfall)} short`
            : "Estate: not compliant"}
        {position.purchaseTotal !== null && position.purchaseTotal > 0 ? (
          <>
            {" "}
            (to buy: <Money minor={position.purchaseTotal} currency={position.currency} />)
          </>
        ) : null}
      </p>
      <p>
        All {formatCountOf(position.deployments.length, "deployment")}, latest revisions, checked
        together against the customer's {formatCountOf(data.entitlements, "entitlement")}:{" "}
        {formatCountOf(position.people.users, "user")} and{" "}
        {formatCountOf(position.people.devices, "device")} counted once each across the estate.
      </p>
      <DataTable
        caption="CALs across the estate"
        columns={lineColumns}
        rows={position.lines}
        rowKey={(l) => `${l.family}-${l.version}-${l.type}`}
        empty="No CALs needed."
      />
      <h3>What it counted</h3>
      <ul className="estate-counting">
        {position.counting.map((note) => (
          <li key={note.rule}>
            {note.text} <span className="code">{note.sources.join(", ")}</span>
          </li>
        ))}
        {position.owned.map((owned) => (
          <li key={`${owned.family}-${owned.version}-${owned.type}-${owned.source}`}>
            Owned: {formatCount(owned.quantity)} {owned.version} {owned.type} CALs ({owned.family}),{" "}
            {owned.source}: {formatCount(owned.used)} used.
          </li>
        ))}
        {position.notCounted.map((cal) => (
          <li key={`${cal.deployment}-${cal.licence}-${cal.version}-${cal.type}-${cal.quantity}`}>
            Not counted: {formatCount(cal.quantity)} {cal.licence} {cal.version ?? ""} CALs typed on{" "}
            {cal.deployment}.
          </li>
        ))}
      </ul>
      <DataTable
        caption="People per deployment"
        columns={deploymentColumns}
        rows={position.deployments}
        rowKey={(d) => d.name}
      />
    </section>
  );
}
