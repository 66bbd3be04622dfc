import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { callApi, postText, type Schema } from "../api/api-client.ts";
import { formatCount } from "../format/format-count.ts";
import { useSession } from "../session/session.ts";
import { type Column, DataTable } from "./data-table.tsx";
import { DeleteEntitlement } from "./delete-entitlement.tsx";
import { FileImportField, type Refusal, refusalOf } from "./file-import-field.tsx";
import { Money } from "./money.tsx";

/**
 * What the customer owns: import the entitlements CSV (docs/entitlements.md; one bad row imports nothing,
 * each problem at its line and column) and the list of purchases and included licences. Audits count them.
 * Owners delete one entered by mistake, saying why.
 */
export function EntitlementsPanel({ customerId }: { customerId: string }) {
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<Refusal>();
  const [imported, setImported] = useState<string>();
  const [deleting, setDeleting] = useState<Schema<"Entitlement">>();
  const role = useSession()?.user.role;
  const isOwner = role === "owner";
  // Owners and sales import (the API's editor roles); auditors and customer accounts read the list.
  const canImport = role === "owner" || role === "sales";
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
    onSuccess: ({ replayed }, file) => {
      setRefusal(undefined);
      setImported(
        replayed ? `${file.name} was imported before: nothing added.` : `${file.name} imported.`,
      );
      void queryClient.invalidateQueries({ queryKey: ["entitlements", customerId] });
      // The estate position counts the entitlements.
      void queryClient.invalidateQueries({ queryKey: ["position", customerId, "estate"] });
    },
    onError: (error, file) => {
      setImported(undefined);
      setRefusal(refusalOf(error, file));
    },
  });
  const rows = list.data?.entitlements ?? [];
  const labelOf = (e: Schema<"Entitlement">) =>
    `${e.sku} ${e.version ?? ""} ${e.type ?? ""}`.replace(/ +/g, " ").trim();
  const deleteColumn: Column<Schema<"Entitlement">> = {
    key: "delete",
    header: <span className="visually-hidden">Delete</span>,
    cell: (e) => (
      <button
        type="button"
        className="button-link danger"
        onClick={() => {
          setImported(undefined);
          setDeleting(e);
        }}
      >
        Delete <span className="visually-hidden">{`${labelOf(e)}, ${e.quantity}`}</span>
      </button>
    ),
  };
  return (
    <section className="card" aria-labelledby="entitlements-title">
      <h2 id="entitlements-title">Entitlements</h2>
      {canImport && (
        <FileImportField
          id="entitlements-file"
          label="Import entitlements (CSV)"
          hint="One purchase or included licence per row: quantity, family (or suite or externalConnector), version, type, invoice… The whole file is imported, or nothing."
          accept=".csv,text/csv"
          pending={upload.isPending}
          refusal={refusal}
          onFile={(file) => upload.mutate(file)}
        />
      )}
      {imported !== undefined && <p role="status">{imported}</p>}
      {deleting !== undefined && (
        <DeleteEntitlement
          key={deleting.id}
          id={deleting.id}
          label={`${labelOf(deleting)}, ${deleting.quantity}`}
          onDone={(deleted) => {
            if (deleted) {
              setImported(`${labelOf(deleting)}, ${deleting.quantity} deleted.`);
              void queryClient.invalidateQueries({ queryKey: ["entitlements", customerId] });
              // The estate position counts the entitlements.
              void queryClient.invalidateQueries({ queryKey: ["position", customerId, "estate"] });
            }
            setDeleting(undefined);
          }}
        />
      )}
      {list.isSuccess && rows.length === 0 ? (
        <p className="empty">No entitlements yet.</p>
      ) : (
        rows.length > 0 && (
          <DataTable
            caption={`Entitlements (${rows.length})`}
            rows={rows}
            rowKey={(e) => e.id}
            columns={[
              {
                key: "licence",
                header: "Licence",
                rowHeader: true,
                cell: labelOf,
              },
              {
                key: "quantity",
                header: "Quantity",
                numeric: true,
                cell: (e) => formatCount(e.quantity),
              },
              { key: "kind", header: "Kind", cell: (e) => e.kind },
              { key: "invoice", header: "Invoice", cell: (e) => e.invoiceReference ?? "—" },
              { key: "date", header: "Date", cell: (e) => e.acquiredOn ?? "—" },
              {
                key: "paid",
                header: "Paid",
                numeric: true,
                cell: (e) => <Money minor={e.amountMinor} currency={e.currency} />,
              },
              ...(isOwner ? [deleteColumn] : []),
            ]}
          />
        )
      )}
    </section>
  );
}
