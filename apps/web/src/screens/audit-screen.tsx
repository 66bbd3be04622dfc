import type { AuditResult } from "@calwise/app";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import { callApi } from "../api/api-client.ts";
import { CustomerBreadcrumb } from "../components/customer-breadcrumb.tsx";
import { type Column, DataTable } from "../components/data-table.tsx";
import { describeEvidenceKind, isInventoryKind } from "../components/evidence-kind.ts";
import { RecordNotFound } from "../components/record-not-found.tsx";
import { Skeleton } from "../components/skeleton.tsx";
import { formatCount, formatCountOf } from "../format/format-count.ts";
import { formatDate } from "../format/format-date.ts";

type Counted = AuditResult["countedUsers"][number];

/** One counted user or device: its accesses per server, with whom, and an event that shows it. */
function HolderRow({
  holder,
  evidence,
}: {
  holder: Counted;
  evidence: AuditResult["holders"][number] | undefined;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <tr>
        <th scope="row">
          <button
            type="button"
            className="button-link"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            {holder.id}
          </button>
        </th>
        <td>{holder.cal ? "yes" : "no"}</td>
        <td className="num">{formatCount(holder.events)}</td>
        <td>{holder.accesses.map((a) => a.server).join(", ")}</td>
      </tr>
      {open && (
        <tr>
          <td colSpan={4}>
            <ul>
              {holder.accesses.map((a) => (
                <li key={a.server}>
                  {a.server}: {a.events} events, {a.firstSeen.slice(0, 10)} to{" "}
                  {a.lastSeen.slice(0, 10)}
                  {a.with.length > 0 &&
                    ` · with ${a.with.slice(0, 10).join(", ")}${a.with.length > 10 ? ", …" : ""}`}
                </li>
              ))}
            </ul>
            {evidence !== undefined && (
              <p className="code">
                Event: {evidence.sample.file}
                {evidence.sample.record !== undefined && `, record ${evidence.sample.record}`}
                {evidence.sample.line !== undefined && `, line ${evidence.sample.line}`}
              </p>
            )}
          </td>
        </tr>
      )}
    </>
  );
}

function HolderTable({
  title,
  holders,
  result,
}: {
  title: string;
  holders: readonly Counted[];
  result: AuditResult;
}) {
  return (
    <table className="table">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Who</th>
          <th scope="col">Needs a CAL</th>
          <th scope="col" className="num">
            Events
          </th>
          <th scope="col">Servers</th>
        </tr>
      </thead>
      <tbody>
        {holders.length === 0 && (
          <tr>
            <td colSpan={4}>None counted.</td>
          </tr>
        )}
        {holders.map((h) => (
          <HolderRow
            key={h.id}
            holder={h}
            evidence={result.holders.find((e) => e.id === h.id && e.type === h.type)}
          />
        ))}
      </tbody>
    </table>
  );
}

/** What one file gave the audit, in words: events (and logons among them), inventory rows, UAL records, accesses. */
function describeContribution(file: AuditResult["files"][number]): string {
  if (isInventoryKind(file.format)) return formatCountOf(file.records, "inventory row");
  if (file.format.startsWith("ual-")) return formatCountOf(file.records, "UAL record");
  if (file.format.startsWith("accesses-")) return formatCountOf(file.records, "access", "accesses");
  const logons = file.eventIds["4624"] ?? 0;
  return `${formatCountOf(file.records, "event")} read (${formatCountOf(logons, "logon")})`;
}

/** The files read: name, what kind of file, what it gave the audit, and records skipped. */
const fileColumns: readonly Column<AuditResult["files"][number]>[] = [
  {
    key: "file",
    header: "File",
    rowHeader: true,
    cell: (f) => <span className="code">{f.file}</span>,
  },
  {
    key: "format",
    header: "Kind",
    // One element: a stacked table lays a cell's children out side by side.
    cell: (f) => (
      <span>
        {describeEvidenceKind(f.format)} <span className="hint">({f.format})</span>
      </span>
    ),
  },
  { key: "gave", header: "Contributed", cell: describeContribution },
  { key: "skipped", header: "Skipped", numeric: true, cell: (f) => formatCount(f.skipped) },
];

/**
 * The audit's answer first: compliant, or which CALs are short ("2 × 2016 user CALs short" per family), as the
 * command line's "Short:" line says it.
 */
function PositionLine({ evaluation }: { evaluation: AuditResult["evaluation"] }) {
  const short = evaluation.families.flatMap((family) =>
    family.required
      .filter((r) => r.shortfall > 0)
      .map((r) => ({
        key: `${family.family}-${r.version}-${r.type}`,
        text: `${r.shortfall} × ${r.version} ${r.type} CAL${r.shortfall === 1 ? "" : "s"} short`,
        family: family.name,
      })),
  );
  if (evaluation.compliant)
    return (
      <p className="status status-ok audit-position">
        Compliant: the CALs owned cover every use found.
      </p>
    );
  if (short.length === 0)
    return <p className="status status-short audit-position">Not compliant: see the findings.</p>;
  return (
    <div className="status status-short audit-position">
      <strong>Not compliant:</strong>
      <ul>
        {short.map((s) => (
          <li key={s.key}>
            {s.text} ({s.family})
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The logons no CAL is needed for: whose, why (with the rule), how many, on which servers. */
const notCountedColumns: readonly Column<AuditResult["notCounted"][number]>[] = [
  { key: "account", header: "Account", rowHeader: true, cell: (n) => n.account },
  {
    key: "why",
    header: "Why not counted",
    cell: (n) => (
      <>
        {n.description} <span className="code">rule {n.rule}</span>
      </>
    ),
  },
  { key: "events", header: "Logons", numeric: true, cell: (n) => formatCount(n.events) },
  { key: "servers", header: "Servers", cell: (n) => n.servers.join(", ") },
];

/**
 * The period whose logons count, in a reseller's words: dates as the rest of the app writes them (the stored
 * explanation is the command line's, with an ISO timestamp and its `--since` option).
 */
function windowInWords(counted: AuditResult["window"], logons: number): string {
  if (counted.start === null || counted.newest === null)
    return logons === 0
      ? "No logons were read: these files hold no sign-in events (4624) that calwise counts."
      : `None of the ${formatCount(logons)} logons read was counted: "Logons not counted" below says why.`;
  const span = `Logons counted from ${formatDate(counted.start)} to ${formatDate(counted.newest)}`;
  return counted.rule === "since-option"
    ? `${span}: the period asked for.`
    : `${span}: the 90 days before the newest event, because a CAL may be reassigned only once in 90 days (R15, R16) and MAP measures 90 days (R44c).`;
}

/** A stored audit: what was read, who was counted (open a name for its accesses and an event), what was not. */
export function AuditScreen() {
  const { id = "" } = useParams();
  const audit = useQuery({
    queryKey: ["audit", id],
    queryFn: ({ signal }) => callApi("get", "/v1/audits/{id}", { params: { id }, signal }),
  });
  if (audit.isPending)
    return (
      <section className="page">
        <Skeleton lines={8} />
      </section>
    );
  if (audit.isError) return <RecordNotFound kind="audit" error={audit.error} />;
  const result = audit.data.result as unknown as AuditResult;
  return (
    <section className="page" aria-labelledby="audit-title">
      <CustomerBreadcrumb customerId={audit.data.customerId} />
      <h1 id="audit-title">Audit of the evidence</h1>
      <PositionLine evaluation={result.evaluation} />
      <p className="lead">{windowInWords(result.window, result.counts.logonEvents)}</p>
      <div className="card">
        <h2>What was read</h2>
        <p>
          {formatCountOf(result.files.length, "file")} read together, as one audit.{" "}
          {formatCount(result.counts.eventsRead)} events read,{" "}
          {formatCount(result.counts.logonEvents)} logons,{" "}
          {formatCount(result.counts.distinctAccesses)} distinct accesses:{" "}
          <strong>{formatCountOf(result.countedUsers.length, "user")}</strong> and{" "}
          <strong>{formatCountOf(result.countedDevices.length, "device")}</strong> counted.
        </p>
        <DataTable
          caption="Files"
          captionHidden
          columns={fileColumns}
          stacked
          rows={result.files}
          rowKey={(f) => f.file}
        />
      </div>
      <div className="card">
        <h2>Who was counted</h2>
        <p className="hint">
          Open a name to see its accesses per server and an event that shows it.
        </p>
        <HolderTable
          title={`Users (${formatCount(result.countedUsers.length)})`}
          holders={result.countedUsers}
          result={result}
        />
        <HolderTable
          title={`Devices (${formatCount(result.countedDevices.length)})`}
          holders={result.countedDevices}
          result={result}
        />
      </div>
      {(result.notCounted.length > 0 || result.computersNotCounted.length > 0) && (
        <div className="card">
          <h2>Logons not counted</h2>
          {result.computersNotCounted.length > 0 && (
            <ul>
              {result.computersNotCounted.map((c) => (
                <li key={c.computer}>
                  <span className="code">{c.computer}</span>: {formatCount(c.events)} logons not
                  counted,{" "}
                  {/* The command line's reason names its options; the browser audits a deployment. */}
                  {c.reason.startsWith("unknown computer")
                    ? "it is not a server of the deployment audited against. If it is one of theirs, add it as a server and upload the file again."
                    : c.reason}
                </li>
              ))}
            </ul>
          )}
          {result.notCounted.length > 0 && (
            <>
              <p className="hint">
                Sign-ins that need no CAL (the system, machine accounts, anonymous, a kind of logon
                that is not a person using the server), by account and the rule that decided.
              </p>
              <DataTable
                caption="Logons not counted, by account"
                captionHidden
                columns={notCountedColumns}
                rows={result.notCounted}
                rowKey={(n) => `${n.account}-${n.rule}-${n.reason}`}
              />
            </>
          )}
        </div>
      )}
      {result.notes.length > 0 && (
        <div className="card">
          <h2>Notes</h2>
          <ul>
            {result.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
