import { Readable } from "node:stream";
import { parse } from "csv-parse";
import type { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import { decodeTextStream } from "../text/decode-text-stream.ts";
import { describeReadError } from "../text/describe-read-error.ts";
import { dropTypeLine } from "../text/drop-type-line.ts";
import { openByteStream } from "../text/open-byte-stream.ts";

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
 * Streams the records of a CSV file as PowerShell's `Export-Csv` writes it: an optional `#TYPE` line,
 * a header, quoted fields with embedded CRLF, UTF-8 with or without BOM or UTF-16. A malformed record
 * is skipped and reported (CSV_BAD_RECORD) with its line; `checkHeader` may refuse the file (a
 * missing column) by returning the problem's message.
 */
export async function* readCsvRows(
  path: string,
  log: EvidenceProblemLog,
  pass: CsvPass,
  checkHeader: (columns: readonly string[]) => { message: string; expected: string } | undefined,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<CsvRow> {
  let lineOffset = 0;
  const text = dropTypeLine(decodeTextStream(openByteStream(path, onBytes)), () => {
    lineOffset = 1;
  });
  const parser = parse({
    columns: (header: string[]) => {
      pass.columns = header.map((c) => c.trim());
      return pass.columns as string[];
    },
    info: true,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
  });
  const skips: { lines: number; message: string }[] = [];
  parser.on("skip", (error: Error & { lines?: number }) => {
    skips.push({ lines: error.lines ?? 0, message: error.message });
  });
  const flushSkips = () => {
    for (const s of skips) {
      pass.skipped++;
      log.report({
        code: "CSV_BAD_RECORD",
        file: path,
        line: s.lines + lineOffset,
        message: `malformed CSV record skipped: ${s.message}`,
      });
    }
    skips.length = 0;
  };
  const input = Readable.from(text);
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);
  let headerChecked = false;
  let lastLine = 1;
  try {
    for await (const item of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number; records: number; invalid_field_length: number };
    }>) {
      flushSkips();
      if (!headerChecked) {
        headerChecked = true;
        const refusal = checkHeader(pass.columns);
        if (refusal) {
          log.report({
            code: "CSV_MISSING_COLUMN",
            file: path,
            line: 1 + lineOffset,
            message: refusal.message,
            expected: refusal.expected,
            received: pass.columns.join(", "),
          });
          pass.readable = false;
          input.destroy();
          return;
        }
      }
      const line = lastLine + 1 + lineOffset;
      lastLine = item.info.lines;
      pass.rows++;
      yield { values: item.record, line, record: pass.rows };
    }
    flushSkips();
    if (!headerChecked && pass.columns.length > 0) {
      const refusal = checkHeader(pass.columns);
      if (refusal) {
        pass.readable = false;
        log.report({
          code: "CSV_MISSING_COLUMN",
          file: path,
          line: 1 + lineOffset,
          message: refusal.message,
          expected: refusal.expected,
          received: pass.columns.join(", "),
        });
      }
    }
  } catch (error) {
    flushSkips();
    const code = (error as { code?: string }).code;
    if (code?.startsWith("CSV_")) {
      pass.skipped++;
      log.report({
        code: "CSV_BAD_RECORD",
        file: path,
        line: ((error as { lines?: number }).lines ?? lastLine) + lineOffset,
        message: `the rest of the file is not valid CSV: ${(error as Error).message}`,
      });
    } else {
      pass.readable = false;
      log.report({ code: "EVIDENCE_UNREADABLE", file: path, message: describeReadError(error) });
    }
  }
}
