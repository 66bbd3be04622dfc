import type { ReactNode } from "react";
import { TableScroll } from "./table-scroll.tsx";

/** One column of a `DataTable`: its header, what each row shows in it, and how it is laid out. */
export interface Column<Row> {
  /** Unique among the table's columns (React's key). */
  readonly key: string;
  readonly header: ReactNode;
  readonly cell: (row: Row) => ReactNode;
  /** Figures (counts, money, rates): right-aligned in tabular figures, header too. */
  readonly numeric?: boolean;
  /** The cell that names the row (`<th scope="row">`), read out before each of the row's other cells. */
  readonly rowHeader?: boolean;
  /** The header in words, beside each cell when a stacked table hides its header row (`header` if a string). */
  readonly label?: string;
}

/** The words a stacked table shows beside a column's cells: its label, or its header when that is text. */
function labelOf<Row>(column: Column<Row>): string | undefined {
  return column.label ?? (typeof column.header === "string" ? column.header : undefined);
}

/**
 * A table from columns as data: a caption (shown, or for screen readers only), numeric columns right-aligned,
 * a row header where a column names the row, what an empty body says, an optional footer (`TotalRow`), inside
 * a keyboard-focusable region that scrolls sideways on a narrow screen instead of widening the page
 * (`TableScroll`, named after the caption). `compact` tightens padding for a narrow column; `stacked` turns each
 * row into a block on a phone, every cell beside its column's name (figures read without scrolling sideways).
 */
export function DataTable<Row>(props: {
  caption: string;
  captionHidden?: boolean;
  /** The scroll region's name when "<caption>, scrollable" would repeat a heading's (landmarks must differ). */
  scrollLabel?: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** What the body says when there are no rows (one cell across every column); absent: an empty body. */
  empty?: ReactNode;
  footer?: ReactNode;
  compact?: boolean;
  stacked?: boolean;
}) {
  const { columns } = props;
  return (
    <TableScroll label={props.scrollLabel ?? `${props.caption}, scrollable`}>
      <table
        className={["table", props.compact && "table-compact", props.stacked && "table-stack"]
          .filter(Boolean)
          .join(" ")}
      >
        <caption className={props.captionHidden ? "visually-hidden" : undefined}>
          {props.caption}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c.key} className={c.numeric ? "num" : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.length === 0 && props.empty !== undefined && (
            <tr>
              <td colSpan={columns.length}>{props.empty}</td>
            </tr>
          )}
          {props.rows.map((row) => (
            <tr key={props.rowKey(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th
                    scope="row"
                    key={c.key}
                    className={c.numeric ? "num" : undefined}
                    data-label={labelOf(c)}
                  >
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.key} className={c.numeric ? "num" : undefined} data-label={labelOf(c)}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {props.footer}
      </table>
    </TableScroll>
  );
}
