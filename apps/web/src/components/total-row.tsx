import { Money } from "./money.tsx";

/** The footer row of a money table: the total, right-aligned in the last of `columns` columns. */
export function TotalRow(props: {
  columns: number;
  minor: number | null;
  currency: string | null;
}) {
  return (
    <tfoot>
      <tr>
        <th scope="row" colSpan={props.columns - 1}>
          Total
        </th>
        <td className="num total" data-label="Total">
          <Money minor={props.minor} currency={props.currency} />
        </td>
      </tr>
    </tfoot>
  );
}
