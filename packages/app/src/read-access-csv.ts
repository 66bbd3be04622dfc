import type { CsvField, InputProblem } from "@calwise/core";
import { csvValueProblem, readCsvTable } from "./read-csv-table.ts";

/** The columns of an access CSV (docs/deployment-import.md); `server` and `user` or `device` are required. */
export const ACCESS_CSV_COLUMNS = ["user", "device", "server", "service", "note"] as const;
type Column = (typeof ACCESS_CSV_COLUMNS)[number];

/** One access read from a row, as the deployment format writes it, with the cells it came from. */
export interface AccessRow {
  readonly access: {
    readonly user?: string;
    readonly device?: string;
    readonly server: string | readonly string[];
    readonly service?: string;
    readonly note?: string;
  };
  /** The cell of each column the row filled in, to locate a problem the deployment check finds later. */
  readonly cells: Readonly<Partial<Record<Column, CsvField>>>;
}

/**
 * Reads an access CSV: one access per row (who, from which device, to which servers, for which service),
 * columns in any order. A `server` cell may name several servers separated by spaces; a user or device cell
 * may be a range (`U{1..20}`) as in the deployment format. Syntax and column problems come back located by
 * line and column; the deployment check (names, products, services) is the caller's.
 */
export function readAccessCsv(
  text: string,
  file: string,
): { readonly rows: AccessRow[]; readonly problems: InputProblem[] } {
  const { header, body, columns, problems } = readCsvTable(
    text,
    file,
    ACCESS_CSV_COLUMNS,
    `a header naming ${ACCESS_CSV_COLUMNS.join(", ")}`,
  );
  if (header === undefined) return { rows: [], problems };
  if (!columns.has("server") || !(columns.has("user") || columns.has("device")))
    problems.push({
      code: "CSV_MISSING_COLUMN",
      path: "",
      file,
      message: "the header needs a server column and a user or device column",
      expected: "columns server and user or device",
      received: header.fields.map((f) => f.value).join(","),
      line: header.line,
      column: 1,
    });
  if (problems.length > 0) return { rows: [], problems };

  const rows: AccessRow[] = [];
  for (const record of body) {
    if (record.fields.length === 1 && record.fields[0]?.value.trim() === "") continue;
    const bad = (field: CsvField, message: string, expected: string) =>
      problems.push(csvValueProblem(file, field, message, expected));
    if (record.fields.length !== header.fields.length) {
      bad(
        record.fields.at(-1) as CsvField,
        `the row has ${record.fields.length} cells, the header ${header.fields.length}`,
        `${header.fields.length} cells`,
      );
      continue;
    }
    const cells: Partial<Record<Column, CsvField>> = {};
    for (const [name, index] of columns) {
      const field = record.fields[index];
      if (field && field.value.trim() !== "") cells[name] = { ...field, value: field.value.trim() };
    }
    const { user, device, server, service, note } = cells;
    if (server === undefined) {
      bad(record.fields[columns.get("server") ?? 0] as CsvField, "no server", "a server name");
      continue;
    }
    if (user === undefined && device === undefined) {
      bad(
        record.fields[0] as CsvField,
        "the row names no user and no device",
        "a user or a device",
      );
      continue;
    }
    const servers = server.value.split(/\s+/);
    rows.push({
      access: {
        ...(user ? { user: user.value } : {}),
        ...(device ? { device: device.value } : {}),
        server: servers.length === 1 ? (servers[0] as string) : servers,
        ...(service ? { service: service.value } : {}),
        ...(note ? { note: note.value } : {}),
      },
      cells,
    });
  }
  return { rows, problems };
}
