import { CsvParser, type CsvParseStep } from "@calwise/core";
import type { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { readSourceBytes } from "../source/read-source-bytes.ts";
import { decodeTextStream } from "../text/decode-text-stream.ts";
import { describeReadError } from "../text/describe-read-error.ts";
import { dropTypeLine } from "../text/drop-type-line.ts";

/** One CSV record by column name, with the line it starts on and its position. */
export interface CsvRow {
  readonly values: Readonly<Record<string, string>>;
  readonly line: number;
  readonly record: number;
}

/** How a CSV pass went: rows read and skipped, and the header it found. */
export interface CsvPass {
  columns: readonly string[];
  rows: number;
  skipped: number;
  /** False when the header failed `checkHeader` or the file could not be read. */
  readable: boolean;
}

/**
 * Streams the records of a CSV source as PowerShell's `Export-Csv` writes it: an optional `#TYPE` line,
 * a header, quoted fields with embedded CRLF, UTF-8 with or without BOM or UTF-16, through core's one
 * CSV parser. A malformed record is skipped and reported (CSV_BAD_RECORD) with its line; `checkHeader`
 * may refuse the file (a missing column) by returning the problem's message.
 */
export async function* readCsvRows(
  source: ByteSource,
  log: EvidenceProblemLog,
  pass: CsvPass,
  checkHeader: (columns: readonly string[]) => { message: string; expected: string } | undefined,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<CsvRow> {
  let lineOffset = 0;
  const text = dropTypeLine(decodeTextStream(readSourceBytes(source, onBytes)), () => {
    lineOffset = 1;
  });
  const parser = new CsvParser({ delimiter: "," });
  let header = false;
  /** The line of the last record with a syntax problem: that record is skipped, reported once. */
  let badRecordLine = 0;
  /** Turns parser steps into rows; false when the header was refused (nothing more is read). */
  function* rowsOf(steps: readonly CsvParseStep[]): Generator<CsvRow, boolean> {
    for (const step of steps) {
      if (step.kind === "problem") {
        const { problem } = step;
        if (problem.recordLine === badRecordLine) continue;
        badRecordLine = problem.recordLine;
        pass.skipped++;
        log.report({
          code: "CSV_BAD_RECORD",
          file: source.name,
          line: problem.line + lineOffset,
          message: `malformed CSV record skipped: ${problem.message} at column ${problem.column} (expected ${problem.expected}, found ${problem.found})`,
        });
        continue;
      }
      const { record } = step;
      if (record.line === badRecordLine) continue;
      if (!header) {
        header = true;
        pass.columns = record.fields.map((f) => f.value.trim());
        const refusal = checkHeader(pass.columns);
        if (refusal === undefined) continue;
        pass.readable = false;
        log.report({
          code: "CSV_MISSING_COLUMN",
          file: source.name,
          line: record.line + lineOffset,
          message: refusal.message,
          expected: refusal.expected,
          received: pass.columns.join(", "),
        });
        return false;
      }
      const values: Record<string, string> = {};
      const fields = record.fields;
      for (let i = 0; i < pass.columns.length && i < fields.length; i++)
        values[pass.columns[i] as string] = (fields[i] as { value: string }).value;
      pass.rows++;
      yield { values, line: record.line + lineOffset, record: pass.rows };
    }
    return true;
  }
  try {
    for await (const piece of text) if (!(yield* rowsOf(parser.push(piece)))) return;
    yield* rowsOf(parser.end());
  } catch (error) {
    pass.readable = false;
    log.report({
      code: "EVIDENCE_UNREADABLE",
      file: source.name,
      message: describeReadError(error),
    });
  }
}
