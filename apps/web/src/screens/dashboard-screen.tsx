import { formatMoney } from "@calwise/core/format-money";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { callApi, type Schema } from "../api/api-client.ts";
import { BarChart } from "../components/bar-chart.tsx";
import { DataTable } from "../components/data-table.tsx";
import { formatRate } from "../components/format-rate.ts";
import { LoadError } from "../components/load-error.tsx";
import { Skeleton } from "../components/skeleton.tsx";
import { TrainingScoresTable } from "../components/training-scores-table.tsx";
import { useSession } from "../session/session.ts";

type Dashboard = Schema<"SalesDashboard">;

/** `YYYY-MM` of this month and of `n` months before it (the browser's calendar; the server counts in UTC). */
function monthsBack(n: number): { from: string; to: string } {
  const now = new Date();
  const label = (d: Date) => d.toISOString().slice(0, 7);
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (n - 1), 1));
  return { from: label(from), to: label(to) };
}

/** "2026-12" → "Dec 2026" in the reader's language. */
function monthLabel(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(navigator.language, {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, m - 1, 1)));
}

/**
 * The sales dashboard: quotes per month, the CAL attach rate, revenue from CALs vs servers per currency and
 * the training scores, each chart with its figures in a table beside it. Every figure comes from
 * GET /v1/dashboard (docs/dashboard.md defines them).
 */
export function DashboardScreen() {
  const session = useSession();
  const [months, setMonths] = useState(6);
  const period = monthsBack(months);
  const dashboard = useQuery({
    queryKey: ["dashboard", period.from, period.to],
    queryFn: ({ signal }) =>
      callApi("get", `/v1/dashboard?from=${period.from}&to=${period.to}` as "/v1/dashboard", {
        signal,
      }),
  });
  const data = dashboard.data;
  return (
    <section className="page" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Sales dashboard</h1>
      <p className="lead">
        How often your quotes sell CALs with the server, what they earn, and how your team trains.
      </p>
      <div className="field period">
        <label htmlFor="period">Period</label>
        <select id="period" value={months} onChange={(e) => setMonths(Number(e.target.value))}>
          <option value={3}>Last 3 months</option>
          <option value={6}>Last 6 months</option>
          <option value={12}>Last 12 months</option>
          <option value={24}>Last 24 months</option>
        </select>
      </div>
      {dashboard.isError ? (
        <LoadError error={dashboard.error} what="The dashboard" />
      ) : data === undefined ? (
        <Skeleton lines={6} />
      ) : (
        <DashboardFigures data={data} owner={session?.user.role === "owner"} />
      )}
    </section>
  );
}

function DashboardFigures({ data, owner }: { data: Dashboard; owner: boolean }) {
  const { totals } = data;
  const rows = data.months.map((m) => ({ ...m, label: monthLabel(m.month) }));
  const currencies = [...new Set(data.months.flatMap((m) => m.revenue.map((r) => r.currency)))];
  return (
    <>
      <div className="card">
        <h2>Quotes per month</h2>
        {totals.created + totals.issued === 0 ? (
          <p className="empty">
            No quotes in these months yet. Quotes made from the <Link to="/">point of sale</Link> or
            the <Link to="/quotes">Quotes</Link> screen appear here.
          </p>
        ) : (
          <div className="two-columns">
            <BarChart
              title="Quotes created and issued per month"
              rows={rows.map((m) => ({ label: m.label, values: [m.created, m.issued] }))}
              series={[
                { name: "Created", className: "bar-created" },
                { name: "Issued", className: "bar-issued" },
              ]}
            />
            <DataTable
              caption="Quotes per month, by status now"
              rows={rows}
              rowKey={(m) => m.month}
              columns={[
                { key: "month", header: "Month", rowHeader: true, cell: (m) => m.label },
                { key: "created", header: "Created", numeric: true, cell: (m) => m.created },
                { key: "issued", header: "Issued", numeric: true, cell: (m) => m.issued },
                {
                  key: "accepted",
                  header: "Accepted",
                  numeric: true,
                  cell: (m) => m.byStatus.accepted,
                },
                {
                  key: "draft",
                  header: "Still draft",
                  numeric: true,
                  cell: (m) => m.byStatus.draft,
                },
              ]}
            />
          </div>
        )}
      </div>
      <div className="card">
        <h2>CAL attach rate</h2>
        <p>
          Of the quotes that sell a server needing CALs, how many include its CALs. A quote that
          leaves CALs out with a recorded reason counts as not attached.{" "}
          <strong>
            {formatRate(totals.attachRateBasisPoints)} over the period ({totals.calsAttached} of{" "}
            {totals.calServerQuotes})
          </strong>
        </p>
        {totals.calServerQuotes === 0 ? (
          <p className="empty">No quote in these months sells a server that needs CALs yet.</p>
        ) : (
          <div className="two-columns">
            <BarChart
              title="CAL attach rate per month"
              rows={rows.map((m) => ({ label: m.label, values: [m.attachRateBasisPoints] }))}
              series={[{ name: "Attach rate", className: "bar-attach" }]}
              format={formatRate}
            />
            <DataTable
              caption="Attach rate per month"
              rows={rows}
              rowKey={(m) => m.month}
              columns={[
                { key: "month", header: "Month", rowHeader: true, cell: (m) => m.label },
                {
                  key: "attached",
                  header: "With CALs",
                  numeric: true,
                  cell: (m) => m.calsAttached,
                },
                {
                  key: "needing",
                  header: "Needing CALs",
                  numeric: true,
                  cell: (m) => m.calServerQuotes,
                },
                {
                  key: "rate",
                  header: "Rate",
                  numeric: true,
                  cell: (m) => formatRate(m.attachRateBasisPoints),
                },
              ]}
            />
          </div>
        )}
      </div>
      <div className="card">
        <h2>Revenue: CALs vs servers</h2>
        <p className="hint">
          From issued and accepted quotes, by the month they were issued, net of discounts. Each
          currency on its own.
        </p>
        {currencies.length === 0 ? (
          <p className="empty">No issued or accepted quote in these months yet.</p>
        ) : (
          currencies.map((currency) => {
            const money = (minor: number | null) =>
              formatMoney(minor ?? 0, currency, navigator.language);
            const of = (m: (typeof rows)[number]) =>
              m.revenue.find((r) => r.currency === currency) ?? {
                calsMinor: 0,
                serversMinor: 0,
                otherMinor: 0,
              };
            return (
              <div className="two-columns" key={currency}>
                <BarChart
                  title={`Revenue in ${currency}: CALs vs servers`}
                  rows={rows.map((m) => ({
                    label: m.label,
                    values: [of(m).calsMinor, of(m).serversMinor],
                  }))}
                  series={[
                    { name: "CALs", className: "bar-cals" },
                    { name: "Servers", className: "bar-servers" },
                  ]}
                  format={money}
                />
                <DataTable
                  caption={`Revenue in ${currency}`}
                  rows={rows}
                  rowKey={(m) => m.month}
                  columns={[
                    { key: "month", header: "Month", rowHeader: true, cell: (m) => m.label },
                    {
                      key: "cals",
                      header: "CALs",
                      numeric: true,
                      cell: (m) => money(of(m).calsMinor),
                    },
                    {
                      key: "servers",
                      header: "Servers",
                      numeric: true,
                      cell: (m) => money(of(m).serversMinor),
                    },
                    {
                      key: "other",
                      header: "Other",
                      numeric: true,
                      cell: (m) => money(of(m).otherMinor),
                    },
                  ]}
                />
              </div>
            );
          })
        )}
      </div>
      <div className="card">
        <h2>Training</h2>
        <TrainingScoresTable
          scores={data.training}
          caption={
            owner ? "Training scores per agent in the period" : "Your training score in the period"
          }
        />
        <p>
          <Link to="/training">Go to training</Link>
        </p>
      </div>
    </>
  );
}
