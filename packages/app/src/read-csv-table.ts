import { type CsvField, type CsvRecord, type InputProblem, parseCsvText } from "@calwise/core";

/** A CSV read as a table: its header's columns (name → index), its body rows, and every problem so far. */
export interface CsvTable<C extends string> {
  readonly header: CsvRecord | undefined;
  readonly body: readonly CsvRecord[];
  readonly columns: ReadonlyMap<C, number>;
  readonly problems: InputProblem[];
}

/**
 * Parses a CSV with a header row naming its columns in any order (the entitlement and access CSVs): syntax
 * problems, an empty file, unknown and repeated columns come back located; required columns are the caller's.
 * `wanted` says what the header should name, for the empty file's message.
 */
export function readCsvTable<C extends string>(
  text: string,
  file: string,
  known: readonly C[],
  wanted: string,
): CsvTable<C> {
  const { records, problems: syntax } = parseCsvText(text);
  const problems: InputProblem[] = syntax.map((p) => ({
    code: "CSV_SYNTAX",
    path: "",
    file,
    message: p.message,
    expected: p.expected,
    received: p.found,
    line: p.line,
    column: p.column,
  }));
  const columns = new Map<C, number>();
  const [header, ...body] = records;
  if (header === undefined) {
    problems.push({
      code: "CSV_EMPTY",
      path: "",
      file,
      message: "the file has no header row",
      expected: wanted,
      received: "an empty file",
      line: 1,
      column: 1,
    });
    return { header, body, columns, problems };
  }
  for (const [i, f] of header.fields.entries()) {
    const name = f.value.trim() as C;
    const isKnown = (known as readonly string[]).includes(name);
    if (!isKnown || columns.has(name))
      problems.push({
        code: "CSV_COLUMN",
        path: "",
        file,
        message: isKnown ? `column '${name}' appears twice` : `unknown column '${f.value}'`,
        expected: isKnown ? "each column once" : `one of ${known.join(", ")}`,
        received: f.value,
        line: f.line,
        column: f.column,
      });
    else columns.set(name, i);
  }
  return { header, body, columns, problems };
}

/** A cell whose value is wrong (CSV_VALUE), located at the cell, what it holds quoted and cut at 100. */
export function csvValueProblem(
  file: string,
  field: CsvField,
  message: string,
  expected: string,
): InputProblem {
  return {
    code: "CSV_VALUE",
    path: "",
    file,
    message,
    expected,
    received: field.value === "" ? "an empty cell" : JSON.stringify(field.value.slice(0, 100)),
    line: field.line,
    column: field.column,
  };
}
