import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { callApi, postText } from "../api/api-client.ts";
import { FileImportField, type Refusal, refusalOf } from "./file-import-field.tsx";
import { Money } from "./money.tsx";

/**
 * What the customer owns: import the entitlements CSV (docs/entitlements.md; one bad row imports nothing,
 * each problem at its line and column) and the list of purchases and included licences. Audits count them.
 */
export function EntitlementsPanel({ customerId }: { customerId: string }) {
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<Refusal>();
  const [imported, setImported] = useState<string>();
  const list = useQuery({
    queryKey: ["entitlements", customerId],
    queryFn: ({ signal }) =>
      callApi("get", "/v1/customers/{id}/entitlements", { params: { id: customerId }, signal }),
  });
  const upload = useMutation({
    // The CSV as the raw text/csv body; one refused row imports nothing, each problem at its line and column.
    mutationFn: async (file: File) =>
      postText(
        `/v1/customers/${encodeURIComponent(customerId)}/entitlements`,
        "text/csv",
        await file.text(),
      ),
    onSuccess: (_, file) => {
      setRefusal(undefined);
      setImported(`${file.name} imported.`);
      void queryClient.invalidateQueries({ queryKey: ["entitlements", customerId] });
    },
    onError: (error, file) => {
      setImported(undefined);
      setRefusal(refusalOf(error, file));
    },
  });
  const rows = list.data?.entitlements ?? [];
  return (
    <section className="card" aria-labelledby="entitlements-title">
      <h2 id="entitlements-title">Entitlements</h2>
      <FileImportField
        id="entitlements-file"
        label="Import entitlements (CSV)"
        hint="One purchase or included licence per row: quantity, family (or suite or externalConnector), version, type, invoice… The whole file is imported, or nothing."
        accept=".csv,text/csv"
        pending={upload.isPending}
        refusal={refusal}
        onFile={(file) => upload.mutate(file)}
      />
      {imported !== undefined && <p role="status">{imported}</p>}
      {list.isSuccess && rows.length === 0 ? (
        <p className="empty">No entitlements yet.</p>
      ) : (
        rows.length > 0 && (
          <table className="table">
            <caption>Entitlements ({rows.length})</caption>
            <thead>
              <tr>
                <th scope="col">Licence</th>
                <th scope="col" className="num">
                  Quantity
                </th>
                <th scope="col">Kind</th>
                <th scope="col">Invoice</th>
                <th scope="col">Date</th>
                <th scope="col" className="num">
                  Paid
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    {e.sku} {e.version ?? ""} {e.type ?? ""}
                  </th>
                  <td className="num">{e.quantity}</td>
                  <td>{e.kind}</td>
                  <td>{e.invoiceReference ?? "—"}</td>
                  <td>{e.acquiredOn ?? "—"}</td>
                  <td className="num">
                    <Money minor={e.amountMinor} currency={e.currency} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}
    </section>
  );
}
