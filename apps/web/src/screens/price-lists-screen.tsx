import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { callApi, postText, type Schema } from "../api/api-client.ts";
import { findPriceListInForce } from "../api/price-list-in-force.ts";
import { DataTable } from "../components/data-table.tsx";
import { FileImportField, type Refusal, refusalOf } from "../components/file-import-field.tsx";
import { LoadError } from "../components/load-error.tsx";
import { Skeleton } from "../components/skeleton.tsx";
import { formatDate } from "../format/format-date.ts";
import { formatLocalDate } from "../format/local-date.ts";
import { useSession } from "../session/session.ts";
import { samplePriceListCsv } from "./sample-price-list.ts";

/** The content type the API reads a price list file's text as, from its name. */
function contentTypeOf(fileName: string): string {
  const name = fileName.toLowerCase();
  if (name.endsWith(".csv")) return "text/csv";
  if (name.endsWith(".json")) return "application/json";
  return "application/yaml";
}

/** Stores the lists of a price list file (its raw text, read by the server as the CLI reads it); the same file again is not stored twice. */
async function storePriceListFile(
  file: File,
): Promise<{ lists: Schema<"PriceList">[]; replayed: boolean }> {
  const answer = await postText(
    `/v1/price-lists?source=${encodeURIComponent(file.name)}`,
    contentTypeOf(file.name),
    await file.text(),
  );
  return {
    lists: (answer.body as { priceLists: Schema<"PriceList">[] }).priceLists,
    replayed: answer.replayed,
  };
}

/** Saves the sample price list CSV (a Blob: nothing is asked of the server). */
function downloadSample(): void {
  const url = URL.createObjectURL(new Blob([samplePriceListCsv], { type: "text/csv" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = "price-list-sample.csv";
  link.click();
  URL.revokeObjectURL(url);
}

/** When a list applies, in words: "1 Jul 2026 to 31 Dec 2026", or "from 1 Jul 2026" while open-ended. */
function validity(list: Schema<"PriceList">): string {
  return list.validTo === null
    ? `from ${formatDate(list.validFrom)}`
    : `${formatDate(list.validFrom)} to ${formatDate(list.validTo)}`;
}

/**
 * The organisation's price lists (what the point of sale and quotes price by: the list in force today) and,
 * for owners and sales, adding one from a file as the command line reads it (CSV, YAML or JSON).
 */
export function PriceListsScreen() {
  const session = useSession();
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<Refusal>();
  const [stored, setStored] = useState<string>();
  const lists = useQuery({
    queryKey: ["price-lists"],
    queryFn: ({ signal }) => callApi("get", "/v1/price-lists", { signal }),
  });
  const upload = useMutation({
    mutationFn: storePriceListFile,
    onSuccess: ({ lists: added, replayed }, file) => {
      setRefusal(undefined);
      setStored(
        `${file.name} ${replayed ? "was already stored, nothing added" : "added"}: ${added
          .map(
            (l) => `${l.name} (${l.currency}, ${l.items} prices, from ${formatDate(l.validFrom)})`,
          )
          .join("; ")}.`,
      );
      // The point of sale prices by the list in force: its answers are asked again; a customer's position
      // says which checks were priced at another list.
      for (const queryKey of [["price-lists"], ["point-of-sale"], ["position"]])
        void queryClient.invalidateQueries({ queryKey });
    },
    onError: (error, file) => {
      setStored(undefined);
      setRefusal(refusalOf(error, file));
    },
  });
  const canAdd = session?.user.role === "owner" || session?.user.role === "sales";
  const rows = lists.data?.priceLists ?? [];
  // One list is in force (the latest start of those that apply), as the server prices: only it gets the badge.
  const inForce = findPriceListInForce(rows, formatLocalDate(new Date()));
  return (
    <section className="page" aria-labelledby="price-lists-title">
      <h1 id="price-lists-title">Price lists</h1>
      <p className="lead">
        Your prices for server licences and CAL packs. The <Link to="/">point of sale</Link> and
        every new quote use the list in force today.
      </p>
      <div className="card">
        {lists.isPending ? (
          <Skeleton lines={3} />
        ) : lists.isError ? (
          <LoadError error={lists.error} what="The price lists" />
        ) : rows.length === 0 ? (
          <p className="empty">
            No price list yet. Until there is one, the point of sale counts the CALs a customer
            needs but cannot price them or make a quote.
          </p>
        ) : (
          <DataTable
            caption="Price lists"
            captionHidden
            rows={[...rows].reverse()}
            rowKey={(l) => l.id}
            columns={[
              {
                key: "name",
                header: "Name",
                rowHeader: true,
                cell: (l) => `${l.name}${l.version === null ? "" : ` (${l.version})`}`,
              },
              { key: "currency", header: "Currency", cell: (l) => l.currency },
              {
                key: "applies",
                header: "Applies",
                cell: (l) => (
                  <>
                    {validity(l)}
                    {l.id === inForce?.id && (
                      <>
                        {" "}
                        <span className="badge badge-accepted">in force today</span>
                      </>
                    )}
                  </>
                ),
              },
              { key: "items", header: "Prices", numeric: true, cell: (l) => l.items },
              { key: "source", header: "File", cell: (l) => l.source ?? "—" },
            ]}
          />
        )}
      </div>
      {canAdd ? (
        <div className="card">
          <h2>Add a price list</h2>
          <FileImportField
            id="price-list-file"
            label="Price list file"
            hint={
              <>
                CSV (one row per SKU: sku, family or product, version, type, packSize, price in
                cents, currency, validFrom, validTo), YAML or JSON, as the calwise command line
                reads it. Every list in the file is added, or none. New to this?{" "}
                <button type="button" className="button-link" onClick={downloadSample}>
                  Download a sample CSV
                </button>{" "}
                (made-up prices: put yours in, then add it here).
              </>
            }
            accept=".csv,.yaml,.yml,.json,text/csv,application/json"
            pending={upload.isPending}
            refusal={refusal}
            onFile={(file) => upload.mutate(file)}
          />
          {stored !== undefined && <p role="status">{stored}</p>}
        </div>
      ) : (
        <p className="hint">An owner or a sales user of your organisation adds price lists.</p>
      )}
    </section>
  );
}
