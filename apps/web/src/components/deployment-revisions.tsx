import type { DeploymentComparison } from "@calwise/app";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { callApi } from "../api/api-client.ts";
import { formatCount } from "../format/format-count.ts";
import { formatDateTime } from "../format/format-date.ts";
import { formatFindingCounts } from "../format/format-finding-counts.ts";
import { DataTable } from "./data-table.tsx";
import { Money } from "./money.tsx";

function names(list: readonly string[]): string {
  return list.length === 0 ? "none" : list.join(", ");
}

/** What changed between two revisions and what it does to the CALs and their cost, from the API. */
function ComparisonView({ comparison }: { comparison: DeploymentComparison }) {
  const { servers, users, devices, accesses, cals, purchaseTotal, compliant, findings } =
    comparison;
  const changed = cals.filter((c) => c.change !== 0 || c.before.shortfall !== c.after.shortfall);
  return (
    <div className="comparison" aria-live="polite">
      <h3>
        From {comparison.before} to {comparison.after}
      </h3>
      <ul>
        <li>
          Servers added: {names(servers.added)}; removed: {names(servers.removed)}; changed:{" "}
          {names(servers.changed)}
        </li>
        <li>
          Users added: {names(users.added)}; removed: {names(users.removed)}
        </li>
        <li>
          Devices added: {names(devices.added)}; removed: {names(devices.removed)}
        </li>
        <li>
          Accesses: {formatCount(accesses.before)} before, {formatCount(accesses.after)} after
        </li>
        <li>
          {compliant.before === compliant.after
            ? `Compliant before and after: ${compliant.after ? "yes" : "no"}`
            : compliant.after
              ? "Now compliant (it was not)"
              : "No longer compliant (it was)"}
        </li>
      </ul>
      <DataTable
        caption="CALs needed, before and after"
        rows={changed.length > 0 ? changed : cals}
        rowKey={(c) => `${c.family}-${c.version}-${c.type}`}
        columns={[
          {
            key: "cal",
            header: "CAL",
            rowHeader: true,
            cell: (c) => `${c.name} ${c.version}, ${c.type}`,
          },
          {
            key: "before",
            header: "Before",
            numeric: true,
            cell: (c) => formatCount(c.before.required),
          },
          {
            key: "after",
            header: "After",
            numeric: true,
            cell: (c) => formatCount(c.after.required),
          },
          {
            key: "change",
            header: "Change",
            numeric: true,
            cell: (c) => (c.change > 0 ? `+${formatCount(c.change)}` : formatCount(c.change)),
          },
          {
            key: "short",
            header: "Short after",
            numeric: true,
            cell: (c) => formatCount(c.after.shortfall),
          },
        ]}
        footer={
          <tfoot>
            <tr>
              <th scope="row">Cost to close the gap</th>
              <td className="num">
                <Money minor={purchaseTotal.before} currency={purchaseTotal.currency} />
              </td>
              <td className="num">
                <Money minor={purchaseTotal.after} currency={purchaseTotal.currency} />
              </td>
              <td className="num" colSpan={2}>
                {purchaseTotal.before !== null && purchaseTotal.after !== null && (
                  <Money
                    minor={purchaseTotal.after - purchaseTotal.before}
                    currency={purchaseTotal.currency}
                  />
                )}
              </td>
            </tr>
          </tfoot>
        }
      />
      {(findings.added.length > 0 || findings.resolved.length > 0) && (
        <ul className="findings">
          {findings.added.map((f) => (
            <li key={`added-${f.code}-${f.message}`} className={`finding finding-${f.severity}`}>
              New: {formatFindingCounts(f.message, f)} <span className="code">rule {f.rule}</span>
            </li>
          ))}
          {findings.resolved.map((f) => (
            <li key={`resolved-${f.code}-${f.message}`} className="finding">
              Resolved: {formatFindingCounts(f.message, f)}{" "}
              <span className="code">rule {f.rule}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A labelled choice of one revision number. */
function RevisionSelect(props: {
  readonly id: string;
  readonly label: string;
  readonly revisions: readonly { revision: number }[];
  readonly value: number;
  readonly onChange: (revision: number) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
      >
        {props.revisions.map((r) => (
          <option key={r.revision} value={r.revision}>
            {r.revision}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A deployment's revisions over time (every save is one; none is ever changed): open one in the editor, or
 * compare two (GET /v1/deployments/{id}/comparison: both evaluated by the app's compareDeployments).
 */
export function DeploymentRevisions(props: {
  readonly deploymentId: string;
  readonly opened: number | undefined;
  readonly onOpen: (revision: number) => void;
}) {
  const { deploymentId } = props;
  const deployment = useQuery({
    queryKey: ["deployment", deploymentId],
    queryFn: ({ signal }) =>
      callApi("get", "/v1/deployments/{id}", { params: { id: deploymentId }, signal }),
  });
  const revisions = deployment.data?.revisions ?? [];
  const latest = deployment.data?.latestRevision ?? 1;
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const [asked, setAsked] = useState<{ from: number; to: number }>();
  const comparison = useQuery({
    queryKey: ["comparison", deploymentId, asked?.from, asked?.to],
    enabled: asked !== undefined,
    queryFn: async ({ signal }) => {
      const query = new URLSearchParams({
        from: String(asked?.from ?? 1),
        to: String(asked?.to ?? latest),
      });
      // The generated client types the path; the query string is added here (callApi takes none).
      const path = `/v1/deployments/{id}/comparison?${query}` as "/v1/deployments/{id}/comparison";
      return (await callApi("get", path, {
        params: { id: deploymentId },
        signal,
      })) as unknown as DeploymentComparison;
    },
  });
  if (revisions.length === 0) return null;
  const fromShown = from ?? Math.max(1, latest - 1);
  const toShown = to ?? latest;
  return (
    <section className="card" aria-labelledby="revisions-title">
      <h2 id="revisions-title">Revisions of {deployment.data?.name}</h2>
      <DataTable
        caption="Revisions"
        captionHidden
        rows={[...revisions].reverse()}
        rowKey={(r) => String(r.revision)}
        columns={[
          {
            key: "revision",
            header: "Revision",
            rowHeader: true,
            cell: (r) => `${r.revision}${r.revision === latest ? " (latest)" : ""}`,
          },
          { key: "saved", header: "Saved", cell: (r) => formatDateTime(r.createdAt) },
          {
            key: "open",
            header: <span className="visually-hidden">Open</span>,
            cell: (r) =>
              props.opened === r.revision ? (
                "in the editor"
              ) : (
                <button
                  type="button"
                  className="button-link"
                  onClick={() => props.onOpen(r.revision)}
                >
                  Open revision {r.revision}
                </button>
              ),
          },
        ]}
      />
      {revisions.length > 1 && (
        <form
          className="field-row"
          onSubmit={(e) => {
            e.preventDefault();
            setAsked({ from: fromShown, to: toShown });
          }}
        >
          <RevisionSelect
            id="compare-from"
            label="Compare revision"
            revisions={revisions}
            value={fromShown}
            onChange={setFrom}
          />
          <RevisionSelect
            id="compare-to"
            label="with revision"
            revisions={revisions}
            value={toShown}
            onChange={setTo}
          />
          <div className="actions">
            <button type="submit" className="button-quiet">
              Compare
            </button>
          </div>
        </form>
      )}
      {comparison.isPending && asked !== undefined && <p>Comparing…</p>}
      {comparison.isError && (
        <p className="error-text" role="alert">
          The revisions could not be compared: {comparison.error.message}
        </p>
      )}
      {comparison.data !== undefined && <ComparisonView comparison={comparison.data} />}
    </section>
  );
}
