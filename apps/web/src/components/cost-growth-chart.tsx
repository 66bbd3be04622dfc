import { formatMoney } from "@calwise/core/format-money";
import type { AnswerOf } from "../api/api-client.ts";
import { formatCount } from "../format/format-count.ts";
import { DataTable } from "./data-table.tsx";

/** The API's answer to POST /v1/advice/costs. */
export type CostChart = AnswerOf<"post", "/v1/advice/costs">;

const strokes = ["#1d4ed8", "#b45309", "#15803d", "#7c3aed"];
const dashes = ["", "6 4", "2 3", "10 3 2 3"];

/**
 * The cost of each candidate edition (licences + CALs, as the API priced them) as staff and devices grow:
 * one line per edition, each drawn in its own colour and dash so that colour is not the only cue, broken
 * where the engine rules the edition out. Plain SVG, one labelled image; the table after it holds every
 * figure, for screen readers and for reading the exact amounts.
 */
export function CostGrowthChart({ chart, shown = 4 }: { chart: CostChart; shown?: number }) {
  const value = (cost: CostChart["points"][number]["costs"][number] | undefined) =>
    chart.rankedBy === "total" ? (cost?.total ?? null) : (cost?.calUnits ?? null);
  // The editions priced today, cheapest first (the API's order); one the price list does not price has no line.
  const candidates = chart.candidates
    .map((candidate, index) => ({ ...candidate, index }))
    .filter((c) => value(chart.points[0]?.costs[c.index]) !== null)
    .slice(0, shown);
  if (candidates.length === 0)
    return (
      <p className="empty">
        The price list prices none of the editions that can serve them, so there is no cost to
        chart.
      </p>
    );
  const values = chart.points.flatMap((p) => candidates.map((c) => value(p.costs[c.index])));
  const max = Math.max(1, ...values.filter((v): v is number => v !== null));
  const show = (n: number) =>
    chart.rankedBy === "total" && chart.currency !== null
      ? formatMoney(n, chart.currency, navigator.language)
      : `${n} CALs`;
  const width = 520;
  const height = 240;
  const left = 16;
  const bottom = 200;
  const x = (i: number) => left + (i * (width - left - 16)) / Math.max(1, chart.points.length - 1);
  const y = (v: number) => bottom - (v / max) * (bottom - 20);
  const what = chart.rankedBy === "total" ? "cost" : "CALs to buy";
  const summary = candidates
    .map((c) => {
      const first = value(chart.points[0]?.costs[c.index]);
      const lastPoint = chart.points.at(-1);
      const last = value(lastPoint?.costs[c.index]);
      return `${c.name}: ${first === null ? "—" : show(first)} today, ${last === null ? `ruled out at ${lastPoint?.users} users` : `${show(last)} at ${lastPoint?.users} users`}`;
    })
    .join("; ");
  return (
    <figure className="chart cost-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`The ${what} of each edition as staff and devices grow. ${summary}`}
      >
        <line x1={left} x2={width - 16} y1={bottom} y2={bottom} className="chart-axis" />
        {chart.points.map((p, i) => (
          <text
            key={p.percent}
            x={x(i)}
            y={bottom + 18}
            className="chart-value"
            textAnchor="middle"
          >
            {formatCount(p.users)}
          </text>
        ))}
        <text x={left} y={height - 4} className="chart-value">
          users (devices grow alike)
        </text>
        <text x={left} y={14} className="chart-value">
          up to {show(max)}
        </text>
        {candidates.map((c, ci) => {
          const segments: string[] = [];
          let current = "";
          chart.points.forEach((p, i) => {
            const v = value(p.costs[c.index]);
            if (v === null) {
              if (current !== "") segments.push(current);
              current = "";
              return;
            }
            current += `${current === "" ? "M" : "L"}${x(i).toFixed(1)} ${y(v).toFixed(1)} `;
          });
          if (current !== "") segments.push(current);
          return (
            <g key={`${c.product}-${c.configuration}`}>
              {segments.map((d) => (
                <path
                  key={d}
                  d={d}
                  fill="none"
                  stroke={strokes[ci]}
                  strokeWidth={3}
                  strokeDasharray={dashes[ci]}
                />
              ))}
              {chart.points.map((p, i) => {
                const v = value(p.costs[c.index]);
                return v === null ? null : (
                  <circle key={p.percent} cx={x(i)} cy={y(v)} r={4} fill={strokes[ci]} />
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption>
        {candidates.map((c, i) => (
          <span key={`${c.product}-${c.configuration}`} className="line-legend">
            <svg width="28" height="10" aria-hidden="true">
              <line
                x1="0"
                x2="28"
                y1="5"
                y2="5"
                stroke={strokes[i]}
                strokeWidth={3}
                strokeDasharray={dashes[i]}
              />
            </svg>{" "}
            {c.name}
            {c.configuration === "the edition alone" ? "" : ` (${c.configuration})`}
          </span>
        ))}
      </figcaption>
      {/* Compact: it sits in the quote's narrow column, where at 1280 px it must fit without scrolling. */}
      <DataTable
        compact
        caption={`${chart.rankedBy === "total" ? "Cost" : "CALs to buy"} as staff and devices grow${chart.priceList === null ? "" : ` (${chart.priceList.name})`}`}
        scrollLabel="Cost figures, scrollable"
        rows={chart.points}
        rowKey={(p) => String(p.percent)}
        columns={[
          {
            key: "counts",
            header: "Users / devices",
            rowHeader: true,
            cell: (p) =>
              `${formatCount(p.users)} / ${formatCount(p.devices)}${p.percent === 100 ? " (today)" : ""}`,
          },
          ...candidates.map((c) => ({
            key: `${c.product}-${c.configuration}`,
            header: c.name,
            numeric: true,
            cell: (p: CostChart["points"][number]) => {
              const cost = p.costs[c.index];
              const v = value(cost);
              return v !== null ? (
                show(v)
              ) : cost?.ruledOut ? (
                <span title={cost.ruledOut}>cannot serve</span>
              ) : (
                "no price"
              );
            },
          })),
        ]}
      />
    </figure>
  );
}
