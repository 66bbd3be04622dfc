/** One row of a bar chart: a label (a month) and one value per series (null: no figure, no bar). */
export interface BarRow {
  readonly label: string;
  readonly values: readonly (number | null)[];
}

/** A series of a bar chart: its name (in the legend and the text alternative) and its bar style. */
export interface BarSeries {
  readonly name: string;
  readonly className: string;
}

/**
 * Horizontal grouped bars, one group per row, the figure written beside each bar, on one scale. Plain SVG like
 * the required-vs-owned chart: one labelled image whose text alternative names every figure (the same figures
 * are in the table beside it), no chart library.
 */
export function BarChart({
  title,
  rows,
  series,
  format = (value) => (value === null ? "–" : String(value)),
}: {
  title: string;
  rows: readonly BarRow[];
  series: readonly BarSeries[];
  format?: (value: number | null) => string;
}) {
  const max = Math.max(1, ...rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  const labelWidth = 90;
  const barWidth = 360;
  const barHeight = 14;
  const rowHeight = series.length * (barHeight + 2) + 12;
  const height = rows.length * rowHeight + 8;
  const scale = (n: number | null) => (Math.max(0, n ?? 0) / max) * barWidth;
  const summary = rows
    .map(
      (r) =>
        `${r.label}: ${series.map((s, i) => `${s.name} ${format(r.values[i] ?? null)}`).join(", ")}`,
    )
    .join("; ");
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${labelWidth + barWidth + 140} ${height}`}
        role="img"
        aria-label={`${title}. ${summary}`}
      >
        {rows.map((row, i) => (
          <g key={row.label} transform={`translate(0 ${i * rowHeight + 4})`}>
            <text x={0} y={barHeight} className="chart-label">
              {row.label}
            </text>
            {series.map((s, j) => {
              const value = row.values[j] ?? null;
              const y = j * (barHeight + 2);
              return (
                <g key={s.name}>
                  <rect
                    x={labelWidth}
                    y={y}
                    width={scale(value)}
                    height={barHeight}
                    className={s.className}
                  />
                  <text
                    x={labelWidth + scale(value) + 6}
                    y={y + barHeight - 2}
                    className="chart-value"
                  >
                    {format(value)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
        <line x1={labelWidth} x2={labelWidth} y1={0} y2={height} className="chart-axis" />
      </svg>
      <figcaption>
        {title}.{" "}
        {series.map((s) => (
          <span key={s.name} className={`legend legend-${s.className}`}>
            {s.name}{" "}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
