import { type Catalog, type CsvField, type InputProblem, isIsoDate } from "@calwise/core";
import { csvValueProblem, readCsvTable } from "./read-csv-table.ts";

/** The columns of an entitlement CSV (docs/entitlements.md); `quantity` and one licence column are required. */
export const ENTITLEMENT_CSV_COLUMNS = [
  "kind",
  "invoice",
  "date",
  "family",
  "suite",
  "externalConnector",
  "version",
  "type",
  "quantity",
  "amount",
  "currency",
  "server",
  "note",
] as const;
type Column = (typeof ENTITLEMENT_CSV_COLUMNS)[number];
const LICENCE: readonly ("family" | "suite" | "externalConnector")[] = [
  "family",
  "suite",
  "externalConnector",
];

/** One entitlement read from a row: what was bought (or came included) and on which invoice. */
export interface EntitlementRow {
  readonly line: number;
  readonly kind: "purchase" | "included";
  readonly licence: "family" | "suite" | "externalConnector";
  /** The catalog id of the CAL family, suite or External Connector. */
  readonly id: string;
  readonly version?: string;
  readonly type?: "user" | "device" | "either";
  readonly quantity: number;
  readonly invoice?: string;
  readonly date?: string;
  readonly amountMinor?: number;
  readonly currency?: string;
  readonly server?: string;
  readonly note?: string;
}

/**
 * Reads an entitlement CSV (one purchase or included licence per row, columns in any order) against the
 * catalog: every licence id must exist, versions must be the catalog's, a purchase names its invoice,
 * money is integer minor units with a currency. Every problem names its line and column, what was
 * expected and what was found; the caller imports nothing when there is any (atomic import).
 */
export function readEntitlementCsv(
  text: string,
  file: string,
  catalog: Catalog,
): { readonly rows: EntitlementRow[]; readonly problems: InputProblem[] } {
  const { header, body, columns, problems } = readCsvTable(
    text,
    file,
    ENTITLEMENT_CSV_COLUMNS,
    `a header with quantity and one of ${LICENCE.join(", ")}`,
  );
  if (header === undefined) return { rows: [], problems };
  const headerProblem = (message: string, expected: string): void => {
    problems.push({
      code: "CSV_MISSING_COLUMN",
      path: "",
      file,
      message,
      expected,
      received: header.fields.map((f) => f.value).join(","),
      line: header.line,
      column: 1,
    });
  };
  for (const required of ["quantity", LICENCE] as const)
    if (
      typeof required === "string"
        ? !columns.has(required)
        : !required.some((name) => columns.has(name))
    )
      headerProblem(
        `the header has no ${typeof required === "string" ? required : required.join(" or ")} column`,
        `columns quantity and one of ${LICENCE.join(", ")}`,
      );
  if (problems.length > 0) return { rows: [], problems };

  const versionsOf = (licence: (typeof LICENCE)[number], id: string) =>
    licence === "suite"
      ? undefined
      : (licence === "family" ? catalog.families : catalog.externalConnectors).get(id)?.versions;
  const exists = (licence: (typeof LICENCE)[number], id: string) =>
    (licence === "family"
      ? catalog.families
      : licence === "suite"
        ? catalog.suites
        : catalog.externalConnectors
    ).has(id);
  // A column some rows need but the header lacks is said once, at the header: not "line 2, column 1: a
  // CAL needs its type" on every row of a file exported without its type column.
  const missing = new Set<Column>();
  const missingColumn = (name: Column, why: string): void => {
    if (missing.has(name)) return;
    missing.add(name);
    headerProblem(`the header has no ${name} column: ${why}`, `a ${name} column`);
  };
  const rows: EntitlementRow[] = [];
  for (const record of body) {
    if (record.fields.length === 1 && record.fields[0]?.value.trim() === "") continue;
    const bad = (field: CsvField, message: string, expected: string) =>
      problems.push(csvValueProblem(file, field, message, expected));
    if (record.fields.length !== header.fields.length) {
      const last = record.fields.at(-1) as CsvField;
      bad(
        last,
        `the row has ${record.fields.length} cells, the header ${header.fields.length}`,
        `${header.fields.length} cells`,
      );
      continue;
    }
    const first = record.fields[0] as CsvField;
    const cell = (name: Column): CsvField | undefined => {
      const index = columns.get(name);
      const field = index === undefined ? undefined : record.fields[index];
      return field && field.value.trim() !== ""
        ? { ...field, value: field.value.trim() }
        : undefined;
    };
    const before = problems.length;
    const kindCell = cell("kind");
    const kind = kindCell?.value ?? "purchase";
    if (kind !== "purchase" && kind !== "included")
      bad(kindCell as CsvField, "not an entitlement kind", "purchase | included");
    const named = LICENCE.map((name) => [name, cell(name)] as const).filter(([, f]) => f);
    const [licence, idCell] = named[0] ?? [];
    if (named.length !== 1)
      bad(
        named[1]?.[1] ?? first,
        named.length === 0 ? "the row names no licence" : "the row names two licences",
        `exactly one of ${LICENCE.join(", ")}`,
      );
    else if (licence && idCell && !exists(licence, idCell.value))
      bad(idCell, `not a ${licence} of the catalog`, `a ${licence} id from \`calwise catalog\``);
    const versionCell = cell("version");
    const versions = licence && idCell ? versionsOf(licence, idCell.value) : undefined;
    if (versionCell && versions && !versions.includes(versionCell.value))
      bad(versionCell, "not a version of this licence", `one of ${versions.join(", ")}`);
    const typeCell = cell("type");
    if (licence === "externalConnector" && typeCell)
      bad(typeCell, "an External Connector has no CAL type", "an empty cell");
    else if (licence !== "externalConnector" && licence !== undefined && !columns.has("type"))
      missingColumn("type", "a CAL row needs its type (user, device or either)");
    else if (licence !== "externalConnector" && licence !== undefined && !typeCell)
      bad(
        record.fields[columns.get("type") ?? 0] as CsvField,
        "a CAL needs its type",
        "user | device | either",
      );
    else if (typeCell && !["user", "device", "either"].includes(typeCell.value))
      bad(typeCell, "not a CAL type", "user | device | either");
    const quantityCell = cell("quantity");
    if (!quantityCell || !/^[1-9]\d{0,8}$/.test(quantityCell.value))
      bad(
        quantityCell ?? (record.fields[columns.get("quantity") ?? 0] as CsvField),
        "not a quantity",
        "a whole number of licences, 1 or more",
      );
    const invoice = cell("invoice");
    if (kind === "purchase" && !columns.has("invoice"))
      missingColumn("invoice", "a purchase row needs its invoice reference (or kind included)");
    else if (kind === "purchase" && !invoice)
      bad(
        record.fields[columns.get("invoice") ?? 0] as CsvField,
        "a purchase without an invoice reference",
        "the invoice number (or kind included)",
      );
    const date = cell("date");
    if (date && !isIsoDate(date.value)) bad(date, "not a date", "a date as YYYY-MM-DD");
    const amount = cell("amount");
    const currency = cell("currency");
    if (amount && !/^\d{1,15}$/.test(amount.value))
      bad(
        amount,
        "an amount must be integer minor units",
        "integer minor units (cents), e.g. 3999 for 39.99",
      );
    if (amount && (!currency || !/^[A-Z]{3}$/.test(currency.value)))
      bad(currency ?? amount, "an amount needs its currency", "an ISO 4217 code such as EUR");
    if (problems.length > before || missing.size > 0 || !licence || !idCell || !quantityCell)
      continue;
    const optional = <K extends string>(key: K, field: CsvField | undefined) =>
      field === undefined ? {} : ({ [key]: field.value } as Record<K, string>);
    rows.push({
      line: first.line,
      kind: kind as EntitlementRow["kind"],
      licence,
      id: idCell.value,
      quantity: Number(quantityCell.value),
      ...optional("version", versionCell),
      ...(typeCell ? { type: typeCell.value as "user" | "device" | "either" } : {}),
      ...optional("invoice", invoice),
      ...optional("date", date),
      ...(amount ? { amountMinor: Number(amount.value) } : {}),
      ...optional("currency", amount ? currency : undefined),
      ...optional("server", cell("server")),
      ...optional("note", cell("note")),
    });
  }
  return { rows, problems };
}
