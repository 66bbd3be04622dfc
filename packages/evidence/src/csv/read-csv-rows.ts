import { CsvParser, type CsvParseStep } from "@calwise/core";
import type { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { readSourceBytes } from "../source/read-source-bytes.ts";
import { decodeTextStream, type TextEncoding } from "../text/decode-text-stream.ts";
import { describeReadError } from "../text/describe-read-error.ts";
import { dropTypeLine } from "../text/drop-type-line.ts";
import { CsvRecordGuard } from "./csv-record-guard.ts";

/** The longest CSV record read, in characters (quoted line breaks included); docs/limits.md. */
export const maxCsvRecordChars = 1 << 20;
/** The most fields a CSV record may have; docs/limits.md. */
export const maxCsvFields = 10_000;

/**
 * A header's names with a repeated one named `Name#2` (`#3`…), as the other readers name a repeated
 * field: the first value stays under the name, and checkLogonFields can refuse the repeat.
 */
export function nameRepeatedColumns(columns: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name}#${n}`;
  });
}

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
 * Where a reading resumes at a record's start, its header already read (a byte scanner hands the
 * rest of a file over): the line it begins on, counted after any `#TYPE` line, and that line offset.
 */
export interface CsvResume {
  readonly line: number;
  readonly lineOffset: number;
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
  resume?: CsvResume,
  /** The text's encoding when known (UTF-8 written by a transcoding); else detected. */
  encoding?: TextEncoding,
): AsyncGenerator<CsvRow> {
  let lineOffset = resume?.lineOffset ?? 0;
  // A resumed reading continues UTF-8 text at a record's start: no BOM, no #TYPE line, no header.
  const text =
    resume === undefined
      ? dropTypeLine(decodeTextStream(readSourceBytes(source, onBytes), encoding), () => {
          lineOffset = 1;
        })
      : decodeTextStream(readSourceBytes(source, onBytes), "utf-8");
  let parser = new CsvParser({ delimiter: "," });
  /** Lines before the current parser's first line (a new parser starts after a record cut off). */
  let parserBase = resume === undefined ? 0 : resume.line - 1;
  const guard = new CsvRecordGuard(maxCsvRecordChars, maxCsvFields, resume?.line);
  let header = resume !== undefined;
  /** The line of the last record with a syntax problem: that record is skipped, reported once. */
  let badRecordLine = 0;
  /** Turns parser steps into rows; false when the header was refused (nothing more is read). */
  function* rowsOf(steps: readonly CsvParseStep[]): Generator<CsvRow, boolean> {
    for (const step of steps) {
      if (step.kind === "problem") {
        const { problem } = step;
        if (problem.recordLine + parserBase === badRecordLine) continue;
        badRecordLine = problem.recordLine + parserBase;
        pass.skipped++;
        log.report({
          code: "CSV_BAD_RECORD",
          file: source.name,
          line: problem.line + parserBase + lineOffset,
          message: `malformed CSV record skipped: ${problem.message} at column ${problem.column} (expected ${problem.expected}, found ${problem.found})`,
        });
        continue;
      }
      const { record } = step;
      const line = record.line + parserBase;
      if (line === badRecordLine) continue;
      if (!header) {
        header = true;
        pass.columns = nameRepeatedColumns(record.fields.map((f) => f.value.trim()));
        const refusal = checkHeader(pass.columns);
        if (refusal === undefined) continue;
        pass.readable = false;
        log.report({
          code: "CSV_MISSING_COLUMN",
          file: source.name,
          line: line + lineOffset,
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
      yield { values, line: line + lineOffset, record: pass.rows };
    }
    return true;
  }
  try {
    for await (const piece of text)
      for (const part of guard.split(piece)) {
        if (part.kind === "text") {
          if (!(yield* rowsOf(parser.push(part.text)))) return;
        } else if (part.kind === "resume") {
          parser = new CsvParser({ delimiter: "," });
          parserBase = part.line - 1;
        } else {
          pass.skipped++;
          log.report({
            code: "EVIDENCE_RECORD_TOO_LONG",
            file: source.name,
            line: part.line + lineOffset,
            message: `a CSV record ${part.reason} was skipped (an unclosed quote or a line without end); reading resumes on the next line`,
            expected: `at most ${maxCsvRecordChars} characters and ${maxCsvFields} fields per record`,
          });
          // What the parser holds of the record is dropped; a record cut off before the header
          // leaves the header unread, which the next line then stands for.
          parser = new CsvParser({ delimiter: "," });
          parserBase = Number.POSITIVE_INFINITY;
        }
      }
    if (Number.isFinite(parserBase)) yield* rowsOf(parser.end());
  } catch (error) {
    pass.readable = false;
    log.report({
      code: "EVIDENCE_UNREADABLE",
      file: source.name,
      message: describeReadError(error),
    });
  }
}
