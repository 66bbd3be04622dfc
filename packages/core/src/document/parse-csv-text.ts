import { CsvParser, type CsvRecord, type CsvSyntaxProblem } from "./csv-parser.ts";

/**
 * Parses CSV text whole (a price list), keeping the line and column of every field, so a bad price can
 * be named by its cell. The delimiter is `,`, or `;` when the first record has semicolons and no commas
 * (spreadsheets in many European locales). Blank lines and lines starting with `#` are skipped
 * (comments, e.g. "prices are examples").
 */
export function parseCsvText(text: string): { records: CsvRecord[]; problems: CsvSyntaxProblem[] } {
  const parser = new CsvParser({ delimiter: "auto", comments: true });
  const records: CsvRecord[] = [];
  const problems: CsvSyntaxProblem[] = [];
  for (const step of [...parser.push(text), ...parser.end()])
    if (step.kind === "record") records.push(step.record);
    else problems.push(step.problem);
  return { records, problems };
}
