import { CalwiseError, type Catalog, type CsvField } from "@calwise/core";
import { parseNamedText } from "./parse-named-text.ts";
import { type AccessRow, readAccessCsv } from "./read-access-csv.ts";
import { resolveDeploymentDocument } from "./resolve-deployment-document.ts";

/** What `readDeploymentText` reads: a file's name (its extension tells CSV), its text, and for CSV the base. */
export interface ReadDeploymentTextInput {
  readonly name: string;
  readonly text: string;
  /** For an access CSV: the deployment its rows are added to (its servers, users and devices). */
  readonly base?: Readonly<Record<string, unknown>>;
  readonly catalog: Catalog;
}

/**
 * Reads a deployment from text as the CLI reads a file: YAML or JSON (the deployment format), or, when the
 * name ends in `.csv`, an access CSV (docs/deployment-import.md) whose rows are added to `base` with their
 * users and devices. The result is checked against the catalog; every problem names the file, line and
 * column (INPUT_UNREADABLE for text that is not YAML/JSON/CSV, INPUT_INVALID for a bad deployment).
 */
export function readDeploymentText(input: ReadDeploymentTextInput): Record<string, unknown> {
  const { name, text, catalog } = input;
  if (name.toLowerCase().endsWith(".csv")) return readAccessCsvInto(input);
  const document = parseNamedText(name, text);
  resolveDeploymentDocument(document, catalog);
  return document.data as Record<string, unknown>;
}

function idOf(entry: unknown): unknown {
  return typeof entry === "object" && entry !== null ? (entry as { id?: unknown }).id : entry;
}

function listOf(base: Readonly<Record<string, unknown>>, key: string): unknown[] {
  const list = base[key];
  return Array.isArray(list) ? [...list] : [];
}

/** The base deployment with the CSV's accesses (and their new users and devices) added, then checked. */
function readAccessCsvInto(input: ReadDeploymentTextInput): Record<string, unknown> {
  const { name, text, catalog, base = {} } = input;
  const { rows, problems } = readAccessCsv(text, name);
  if (problems.length > 0)
    throw new CalwiseError(
      "INPUT_INVALID",
      `${name} has ${problems.length} problem${problems.length === 1 ? "" : "s"}: nothing was added`,
      problems,
    );
  const accesses = listOf(base, "accesses");
  const firstAdded = accesses.length;
  // Where each added user or device was first named, so a problem with it points at that cell.
  const added = { users: new Map<number, CsvField>(), devices: new Map<number, CsvField>() };
  const merged = { users: listOf(base, "users"), devices: listOf(base, "devices") };
  const known = {
    users: new Set(merged.users.map(idOf)),
    devices: new Set(merged.devices.map(idOf)),
  };
  for (const row of rows) {
    accesses.push(row.access);
    for (const [key, column] of [
      ["users", "user"],
      ["devices", "device"],
    ] as const) {
      const cell = row.cells[column];
      if (cell === undefined || known[key].has(cell.value)) continue;
      known[key].add(cell.value);
      added[key].set(merged[key].length, cell);
      merged[key].push(cell.value);
    }
  }
  const data = { ...base, ...merged, accesses };
  resolveDeploymentDocument(
    { name, data, locate: (path) => locateInCsv(path, rows, firstAdded, added) },
    catalog,
  );
  return data;
}

/** The CSV cell a problem's path is about (an added access, user or device), when it is one of the file's. */
function locateInCsv(
  path: string,
  rows: readonly AccessRow[],
  firstAdded: number,
  added: { users: ReadonlyMap<number, CsvField>; devices: ReadonlyMap<number, CsvField> },
): { line: number; column: number } | undefined {
  const match = /^(accesses|users|devices)\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (match === null) return undefined;
  const [, list, index, field] = match;
  if (list === "users" || list === "devices") {
    const cell = added[list].get(Number(index));
    return cell && { line: cell.line, column: cell.column };
  }
  const row = rows[Number(index) - firstAdded];
  if (row === undefined) return undefined;
  const cells = row.cells as Readonly<Record<string, CsvField | undefined>>;
  const cell = (field !== undefined ? cells[field] : undefined) ?? Object.values(cells)[0];
  return cell && { line: cell.line, column: cell.column };
}
