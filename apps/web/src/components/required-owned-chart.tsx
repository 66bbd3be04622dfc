import { formatCount } from "../format/format-count.ts";

/** One bar pair: CALs required and CALs owned for a family and version. */
export interface RequiredOwnedRow {
  readonly label: string;
  readonly required: number;
  readonly owned: number;
}

/**
 * Required vs owned CALs per family and version, on one scale, the number beside each bar (a chart answers
 * one question: where is the gap?). Plain SVG: a chart library would weigh more than this screen; the same
 * figures are in the table beside it for screen readers, so the SVG itself is one labelled image.
 */
export function RequiredOwnedChart({
  rows,
  title,
}: {
  rows: readonly RequiredOwnedRow[];
  title: string;
}) {
  const max = Math.max(1, ...rows.flatMap((r) => [r.required, r.owned]));
  const labelWidth = 190;
  const barWidth = 300;
  const rowHeight = 44;
  const height = rows.length * rowHeight + 28;
  const scale = (n: number) => (n / max) * barWidth;
  const summary = rows
    .map((r) => `${r.label}: ${formatCount(r.required)} required, ${formatCount(r.owned)} owned`)
    .join("; ");
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${labelWidth + barWidth + 110} ${height}`}
        role="img"
        aria-label={`${title}. ${summary}`}
      >
        {rows.map((row, i) => {
          const y = i * rowHeight;
          return (
            <g key={row.label} transform={`translate(0 ${y})`}>
              <text x={0} y={18} className="chart-label">
                {row.label}
              </text>
              <rect
                x={labelWidth}
                y={4}
                width={scale(row.required)}
                height={16}
                className="bar-required"
              />
              <text x={labelWidth + scale(row.required) + 6} y={17} className="chart-value">
                {formatCount(row.required)} required
              </text>
              <rect
                x={labelWidth}
                y={22}
                width={scale(row.owned)}
                height={16}
                className="bar-owned"
              />
              <text x={labelWidth + scale(row.owned) + 6} y={35} className="chart-value">
                {formatCount(row.owned)} owned
              </text>
            </g>
          );
        })}
        <line
          x1={labelWidth}
          x2={labelWidth}
          y1={0}
          y2={rows.length * rowHeight}
          className="chart-axis"
        />
        <text x={labelWidth} y={height - 6} className="chart-value">
          0
        </text>
        <text x={labelWidth + barWidth} y={height - 6} className="chart-value" textAnchor="end">
          {max} CALs
        </text>
      </svg>
      <figcaption>
        {title}. <span className="legend legend-required">Required</span>{" "}
        <span className="legend legend-owned">Owned</span>
      </figcaption>
    </figure>
  );
}
