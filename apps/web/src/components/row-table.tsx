import { type ReactNode, useEffect, useRef } from "react";
import { TableScroll } from "./table-scroll.tsx";

/** What a cell's control needs: its id, its accessible name, and the wiring to its error. */
export interface CellProps {
  readonly id: string;
  readonly "aria-label": string;
  readonly "aria-invalid": true | undefined;
  readonly "aria-describedby": string | undefined;
}

/** One column of a RowTable: its header, the row field it edits (its id), and the control for a row. */
export interface RowColumn<R> {
  readonly field: string;
  readonly header: string;
  readonly render: (row: R, index: number, cell: CellProps) => ReactNode;
}

/**
 * A table the user fills in with the keyboard: one control per cell (named "<noun> <n> <header>"), the
 * error of a cell under its control, a remove button per row and an add button that focuses the new row's
 * first cell. Native table, inputs and buttons: nothing a screen reader has to learn.
 */
export function RowTable<R>(props: {
  readonly list: string;
  readonly caption: string;
  readonly noun: string;
  readonly rows: readonly R[];
  readonly columns: readonly RowColumn<R>[];
  readonly errors: Readonly<Record<string, string>>;
  readonly onAdd: () => void;
  readonly onRemove: (index: number) => void;
  readonly empty: string;
}) {
  const { list, rows, columns, errors, noun } = props;
  // "Owned CAL" → "owned CAL": the noun inside a sentence, its acronym kept.
  const inSentence = noun.charAt(0).toLowerCase() + noun.slice(1);
  const added = useRef(false);
  const first = columns[0]?.field ?? "";
  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    document.getElementById(`${list}-${rows.length - 1}-${first}`)?.focus();
  }, [rows.length, list, first]);
  return (
    <div className="row-table" id={`deployment-${list}`} tabIndex={-1}>
      {/* On a phone the table scrolls inside its frame instead of widening the page (seen at 390 px). */}
      <TableScroll label={`${props.caption}, scrollable`}>
        <table className="table table-edit">
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              {columns.map((c) => (
                <th scope="col" key={c.field}>
                  {c.header}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length + 2} className="empty">
                  {props.empty}
                </td>
              </tr>
            )}
            {rows.map((row, i) => (
              // Rows have no identity of their own; the index is what the problems' paths name too.
              // biome-ignore lint/suspicious/noArrayIndexKey: the row's position is its identity
              <tr key={i}>
                <td className="num">{i + 1}</td>
                {columns.map((c) => {
                  const id = `${list}-${i}-${c.field}`;
                  const error = errors[id];
                  return (
                    <td key={c.field} className={error ? "cell-error" : undefined}>
                      {c.render(row, i, {
                        id,
                        "aria-label": `${noun} ${i + 1} ${c.header.toLowerCase()}`,
                        "aria-invalid": error ? true : undefined,
                        "aria-describedby": error ? `${id}-error` : undefined,
                      })}
                      {error && (
                        <span className="error-text" id={`${id}-error`}>
                          {error}
                        </span>
                      )}
                    </td>
                  );
                })}
                <td>
                  <button
                    type="button"
                    className="button-link"
                    onClick={() => props.onRemove(i)}
                    aria-label={`Remove ${inSentence} ${i + 1}`}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <button
        type="button"
        className="button-quiet"
        onClick={() => {
          added.current = true;
          props.onAdd();
        }}
      >
        Add {inSentence}
      </button>
    </div>
  );
}
