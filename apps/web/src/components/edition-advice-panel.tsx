import { expandRange } from "@calwise/core/expand-range";
import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { callApi, type Schema } from "../api/api-client.ts";
import { describeApiError } from "../api/describe-api-error.ts";
import { CostGrowthChart } from "./cost-growth-chart.tsx";
import { Money } from "./money.tsx";
import { Skeleton } from "./skeleton.tsx";
import { TableScroll } from "./table-scroll.tsx";

/** The head counts the advice is asked for; the agent may change them. */
export interface AdviceCounts {
  readonly users: number;
  readonly devices: number;
  readonly sharedDevices: number;
  readonly needs: readonly ("sql" | "remote-desktop")[];
}

/**
 * The counts a quoted deployment stands for, read off its document (no licensing here: how many users and
 * devices it names, how many devices more than one user reaches, which services the accesses use).
 */
export function countDeployment(deployment: unknown): AdviceCounts | undefined {
  if (typeof deployment !== "object" || deployment === null) return undefined;
  const doc = deployment as { users?: unknown; devices?: unknown; accesses?: unknown };
  const users = Array.isArray(doc.users) ? doc.users.length : 0;
  const devices = Array.isArray(doc.devices) ? doc.devices.length : 0;
  const accesses = (Array.isArray(doc.accesses) ? doc.accesses : []) as {
    user?: string;
    device?: string;
    service?: string;
  }[];
  const usersOf = new Map<string, Set<string>>();
  // A record may name its users as a range (the point of sale's `staff{1..N}` on each shared device).
  for (const a of accesses)
    if (a.device !== undefined && a.user !== undefined) {
      const users = usersOf.get(a.device) ?? new Set();
      for (const user of expandRange(a.user) ?? []) users.add(user);
      usersOf.set(a.device, users);
    }
  const sharedDevices = [...usersOf.values()].filter((u) => u.size > 1).length;
  const needs = new Set<"sql" | "remote-desktop">();
  for (const a of accesses) {
    if (a.service === "rds") needs.add("remote-desktop");
    if (a.service === "sql") needs.add("sql");
  }
  if (users === 0) return undefined;
  return { users, devices: Math.max(devices, 1), sharedDevices, needs: [...needs] };
}

type AdviceBody = Schema<"AdviceRequest">;

/**
 * The edition advice beside a quote: every edition that can serve the customer, cheapest first, with the
 * ones ruled out and why, and the cost of the candidates as staff and devices grow to three times today's
 * (POST /v1/advice and POST /v1/advice/costs, priced with the quote's own list). Counts can be changed here.
 */
export function EditionAdvicePanel(props: {
  initial: AdviceCounts | undefined;
  priceListId: string | null;
  date: string;
  quotedProduct: string | undefined;
}) {
  const [counts, setCounts] = useState<AdviceCounts>(
    props.initial ?? { users: 10, devices: 10, sharedDevices: 0, needs: [] },
  );
  const asked = useDeferredValue(counts);
  const body = {
    profile: {
      users: asked.users,
      devices: asked.devices,
      sharedDevices: asked.sharedDevices,
      needs: [...asked.needs],
    },
    date: props.date,
    ...(props.priceListId === null ? { unpriced: true } : { priceListId: props.priceListId }),
  } as AdviceBody;
  const advice = useQuery({
    queryKey: ["advice", body],
    queryFn: ({ signal }) => callApi("post", "/v1/advice", { body, signal }),
    retry: false,
  });
  const costs = useQuery({
    queryKey: ["advice-costs", body],
    queryFn: ({ signal }) => callApi("post", "/v1/advice/costs", { body, signal }),
    retry: false,
  });
  const setCount = (field: "users" | "devices" | "sharedDevices", text: string) => {
    const n = Number(text);
    if (Number.isInteger(n) && n >= 0) setCounts({ ...counts, [field]: n });
  };
  return (
    <section className="card" aria-labelledby="advice-title">
      <h2 id="advice-title">Edition advice</h2>
      <p className="hint">
        Which edition serves this customer best, from the engine, priced with the quote's list.
        Change the counts to ask again.
      </p>
      <div className="field-row">
        {(
          [
            ["users", "Staff"],
            ["devices", "Devices"],
            ["sharedDevices", "Shared devices"],
          ] as const
        ).map(([field, label]) => (
          <div className="field" key={field}>
            <label htmlFor={`advice-${field}`}>{label}</label>
            <input
              id={`advice-${field}`}
              type="number"
              inputMode="numeric"
              min={0}
              value={counts[field]}
              onChange={(e) => setCount(field, e.target.value)}
            />
          </div>
        ))}
      </div>
      {advice.isPending ? (
        <Skeleton lines={4} />
      ) : advice.isError ? (
        <p className="error-text" role="alert">
          {describeApiError(advice.error, "The advice")}
        </p>
      ) : (
        <>
          <TableScroll label="Editions, scrollable">
            <table className="table">
              <caption>Editions that can serve them, cheapest first</caption>
              <thead>
                <tr>
                  <th scope="col">Edition</th>
                  <th scope="col" className="num">
                    CALs to buy
                  </th>
                  <th scope="col" className="num">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {advice.data.ranked.slice(0, 6).map((o) => (
                  <tr key={`${o.product}-${o.configuration}`}>
                    <th scope="row">
                      {o.name}
                      {o.product === props.quotedProduct ? " (quoted)" : ""}
                      {o.configuration === "the edition alone" ? (
                        ""
                      ) : (
                        <span className="code"> {o.configuration}</span>
                      )}
                    </th>
                    <td className="num">{o.calUnits}</td>
                    <td className="num">
                      {o.total === null && advice.data.rankedBy === "total" ? (
                        "not in the price list"
                      ) : (
                        <Money minor={o.total} currency={advice.data.currency} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {advice.data.ruledOut.length > 0 && (
            <details>
              <summary>
                {advice.data.ruledOut.length === 1
                  ? "1 edition cannot serve them: why"
                  : `${advice.data.ruledOut.length} editions cannot serve them: why`}
              </summary>
              <ul>
                {advice.data.ruledOut.map((r) => (
                  <li key={r.product}>
                    {r.name}: {r.reasons[0]?.message ?? "ruled out"}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      <h3>Cost as they grow</h3>
      {costs.isPending ? (
        <Skeleton lines={6} />
      ) : costs.isError ? (
        <p className="error-text">{describeApiError(costs.error, "The cost chart")}</p>
      ) : costs.data.candidates.length === 0 ? (
        <p className="empty">No edition can serve these counts, so there is nothing to chart.</p>
      ) : (
        <CostGrowthChart chart={costs.data} />
      )}
    </section>
  );
}
