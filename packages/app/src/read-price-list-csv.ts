import {
  type CsvField,
  type CsvRecord,
  type DatedPriceList,
  type InputProblem,
  isIsoDate,
  parseCsvText,
} from "@calwise/core";

/** The columns a price list CSV may have; `sku`, `price` and `currency` are required. */
export const PRICE_LIST_CSV_COLUMNS = [
  "sku",
  "family",
  "externalConnector",
  "product",
  "suite",
  "version",
  "type",
  "packSize",
  "price",
  "currency",
  "validFrom",
  "validTo",
  "list",
  "listVersion",
  "description",
] as const;
type Column = (typeof PRICE_LIST_CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ["sku", "price", "currency"];
const WHAT: readonly Column[] = ["family", "externalConnector", "product", "suite"];

/**
 * Reads a price list CSV (one SKU per row; columns in any order, see PRICE_LIST_CSV_COLUMNS) into price lists.
 * Rows are grouped into one list per (list, listVersion, currency, validFrom, validTo), so one file can hold a
 * reseller's lists for several periods or currencies; a list is named after the file unless `list` says
 * otherwise. Every problem names the line and column of its cell, what was expected and what was found, and
 * `locate` maps a list's item path (`items[3].family`) back to its cell for later checks.
 */
export function readPriceListCsv(
  text: string,
  file: string,
): {
  readonly lists: DatedPriceList[];
  readonly problems: InputProblem[];
  locate(list: DatedPriceList, path: string): { line: number; column: number } | undefined;
} {
  const { records, problems: syntax } = parseCsvText(text);
  const problems: InputProblem[] = syntax.map((p) => ({
    code: "CSV_SYNTAX",
    path: "",
    message: p.message,
    expected: p.expected,
    received: p.found,
    line: p.line,
    column: p.column,
  }));
  const cells = new Map<object, { row: CsvRecord; at: Map<string, CsvField> }[]>();
  const [header, ...rows] = records;
  if (!header) {
    problems.push({
      code: "CSV_EMPTY",
      path: "",
      message: "the file has no header row",
      expected: `a header with ${REQUIRED.join(", ")}`,
      received: "an empty file",
      line: 1,
      column: 1,
    });
    return { lists: [], problems, locate: () => undefined };
  }
  const columns = new Map<Column, number>();
  header.fields.forEach((f, i) => {
    const name = f.value.trim() as Column;
    if (!(PRICE_LIST_CSV_COLUMNS as readonly string[]).includes(name))
      problems.push({
        code: "CSV_COLUMN",
        path: "",
        message: `unknown column '${f.value}'`,
        expected: `one of ${PRICE_LIST_CSV_COLUMNS.join(", ")}`,
        received: f.value,
        line: f.line,
        column: f.column,
      });
    else if (columns.has(name))
      problems.push({
        code: "CSV_COLUMN",
        path: "",
        message: `column '${name}' appears twice`,
        expected: "each column once",
        received: name,
        line: f.line,
        column: f.column,
      });
    else columns.set(name, i);
  });
  for (const name of REQUIRED)
    if (!columns.has(name))
      problems.push({
        code: "CSV_COLUMN",
        path: "",
        message: `the header has no '${name}' column`,
        expected: `columns ${REQUIRED.join(", ")} and one of ${WHAT.join(", ")}`,
        received: header.fields.map((f) => f.value).join(","),
        line: header.line,
        column: 1,
      });

  if (REQUIRED.some((name) => !columns.has(name)))
    return { lists: [], problems, locate: () => undefined };

  const groups = new Map<string, DatedPriceList & { items: DatedPriceList["items"][number][] }>();
  for (const row of rows) {
    const at = new Map<string, CsvField>();
    const bad = (field: CsvField, message: string, expected: string) =>
      problems.push({
        code: "CSV_VALUE",
        path: "",
        message,
        expected,
        received: field.value === "" ? "an empty cell" : JSON.stringify(field.value),
        line: field.line,
        column: field.column,
      });
    if (row.fields.length !== header.fields.length) {
      const last = row.fields[row.fields.length - 1] as CsvField;
      problems.push({
        code: "CSV_VALUE",
        path: "",
        message: `row has ${row.fields.length} cells, the header ${header.fields.length}`,
        expected: `${header.fields.length} cells`,
        received: `${row.fields.length}`,
        line: last.line,
        column: last.column,
      });
      continue;
    }
    const cell = (name: Column): CsvField | undefined => {
      const index = columns.get(name);
      const field = index === undefined ? undefined : row.fields[index];
      if (field) at.set(name, field);
      return field && field.value.trim() !== ""
        ? { ...field, value: field.value.trim() }
        : undefined;
    };
    const problemsBefore = problems.length;
    const sku = cell("sku");
    if (!sku) bad(row.fields[columns.get("sku") ?? 0] as CsvField, "a row without a SKU", "a SKU");
    const price = cell("price");
    if (!price)
      bad(
        row.fields[columns.get("price") ?? 0] as CsvField,
        "a row without a price",
        "a price in integer minor units (cents)",
      );
    else if (!/^\d+$/.test(price.value) || !Number.isSafeInteger(Number(price.value)))
      bad(
        price,
        "a price must be integer minor units",
        /^\d+[.,]\d+$/.test(price.value)
          ? `integer minor units (cents): ${price.value.replace(/[.,]/, "")} for ${price.value}`
          : "integer minor units (cents), e.g. 3999 for 39.99",
      );
    const currency = cell("currency");
    if (!currency || !/^[A-Z]{3}$/.test(currency.value))
      bad(
        currency ?? (row.fields[columns.get("currency") ?? 0] as CsvField),
        "not a currency code",
        "an ISO 4217 currency code such as EUR",
      );
    const packSize = cell("packSize");
    if (packSize && !/^[1-9]\d*$/.test(packSize.value))
      bad(packSize, "a pack size must be a whole number", "a whole number of units, 1 or more");
    const type = cell("type");
    if (type && type.value !== "user" && type.value !== "device")
      bad(type, "not a CAL type", "user | device");
    const dates = (["validFrom", "validTo"] as const).map((name) => {
      const field = cell(name);
      if (field && !isIsoDate(field.value)) bad(field, `not a date`, "a date as YYYY-MM-DD");
      return field?.value;
    });
    const what = WHAT.map((name) => [name, cell(name)] as const).filter(([, f]) => f !== undefined);
    if (what.length !== 1)
      bad(
        what[1]?.[1] ?? (row.fields[0] as CsvField),
        what.length === 0 ? "the row prices nothing" : "the row prices two things",
        `exactly one of ${WHAT.join(", ")}`,
      );
    if (dates[0] && dates[1] && dates[0] > dates[1])
      bad(
        at.get("validTo") as CsvField,
        "validTo is before validFrom",
        `a date on or after ${dates[0]}`,
      );
    if (problems.length > problemsBefore || !sku || !price || !currency) continue;

    const list = cell("list")?.value ?? nameWithoutExtension(file);
    const listVersion = cell("listVersion")?.value;
    const key = JSON.stringify([list, listVersion, currency.value, dates[0], dates[1]]);
    const group = groups.get(key) ?? {
      name: list,
      ...(listVersion ? { version: listVersion } : {}),
      currency: currency.value,
      ...(dates[0] ? { validFrom: dates[0] } : {}),
      ...(dates[1] ? { validTo: dates[1] } : {}),
      source: file,
      items: [],
    };
    groups.set(key, group);
    const [whatName, whatField] = what[0] as readonly [Column, CsvField];
    const version = cell("version")?.value;
    const description = cell("description")?.value;
    group.items.push({
      sku: sku.value,
      [whatName]: whatField.value,
      ...(version ? { version } : {}),
      ...(type ? { type: type.value as "user" | "device" } : {}),
      packSize: packSize ? Number(packSize.value) : 1,
      price: Number(price.value),
      ...(description ? { description } : {}),
    });
    const rowsOfList = cells.get(group) ?? [];
    rowsOfList.push({ row, at });
    cells.set(group, rowsOfList);
  }
  const lists = [...groups.values()];
  return {
    lists,
    problems,
    locate(list, path) {
      const match = /^items\[(\d+)\](?:\.(\w+))?/.exec(path);
      const entry = match ? cells.get(list)?.[Number(match[1])] : undefined;
      if (!entry) return undefined;
      const field =
        (match?.[2] ? entry.at.get(match[2]) : undefined) ??
        entry.at.get("sku") ??
        entry.row.fields[0];
      return field ? { line: field.line, column: field.column } : undefined;
    },
  };
}

/** `prices/2026h2.csv` → `2026h2`: the last path segment without its extension (a name, not a file read). */
function nameWithoutExtension(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}
