import { Readable } from "node:stream";
import { parse } from "csv-parse";
import type { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { readSourceBytes } from "../source/read-source-bytes.ts";
import { decodeTextStream } from "../text/decode-text-stream.ts";
import { describeReadError } from "../text/describe-read-error.ts";
import { dropTypeLine } from "../text/drop-type-line.ts";
import { CsvLineTracker } from "./csv-line-tracker.ts";

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
 * a header, quoted fields with embedded CRLF, UTF-8 with or without BOM or UTF-16. A malformed record
 * is skipped and reported (CSV_BAD_RECORD) with its line; `checkHeader` may refuse the file (a
 * missing column) by returning the problem's message.
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
  const lines = new CsvLineTracker();
  // Skips are reported while csv-parse reads ahead; they are located and logged in byte order, with
  // the records, so line lookups never go backwards.
  const skips: { bytes: number; message: string }[] = [];
  parser.on("skip", (error: Error & { bytes?: number }) => {
    skips.push({ bytes: error.bytes ?? 0, message: error.message });
  });
  let lastSkipLine = 0;
  const flushSkips = (before = Number.POSITIVE_INFINITY) => {
    while (skips.length > 0 && (skips[0] as { bytes: number }).bytes < before) {
      const s = skips.shift() as { bytes: number; message: string };
      const line = lines.lineOf(s.bytes) + lineOffset;
      // csv-parse may report one broken record more than once: keep the first per line.
      if (line === lastSkipLine) continue;
      lastSkipLine = line;
      pass.skipped++;
      log.report({
        code: "CSV_BAD_RECORD",
        file: source.name,
        line,
        message: `malformed CSV record skipped: ${s.message}`,
      });
    }
  };
  /** Checks the header; a refused header makes the file unreadable and is reported on its line. */
  const refuseHeader = (): boolean => {
    const refusal = checkHeader(pass.columns);
    if (!refusal) return false;
    pass.readable = false;
    log.report({
      code: "CSV_MISSING_COLUMN",
      file: source.name,
      line: 1 + lineOffset,
      message: refusal.message,
      expected: refusal.expected,
      received: pass.columns.join(", "),
    });
    return true;
  };
  async function* encoded(): AsyncGenerator<Buffer> {
    for await (const piece of text) {
      const bytes = Buffer.from(piece, "utf8");
      lines.feed(bytes);
      yield bytes;
    }
  }
  const input = Readable.from(encoded());
  input.on("error", (error) => parser.destroy(error));
  input.pipe(parser);
  let headerChecked = false;
  try {
    for await (const item of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { bytes: number };
    }>) {
      flushSkips(item.info.bytes);
      if (!headerChecked) {
        headerChecked = true;
        if (refuseHeader()) {
          input.destroy();
          return;
        }
      }
      // The record's first line: the line after it, less its delimiter and its embedded line breaks.
      const end = item.info.bytes;
      let embedded = 0;
      for (const value of Object.values(item.record))
        for (let i = value.indexOf("\n"); i !== -1; i = value.indexOf("\n", i + 1)) embedded++;
      const delimited = lines.isBreak(end - 1);
      const line = lines.lineOf(end) - (delimited ? 1 : 0) - embedded + lineOffset;
      pass.rows++;
      yield { values: item.record, line, record: pass.rows };
    }
    flushSkips();
    if (!headerChecked && pass.columns.length > 0) {
      refuseHeader();
    }
  } catch (error) {
    flushSkips();
    const code = (error as { code?: string }).code;
    if (code?.startsWith("CSV_")) {
      pass.skipped++;
      log.report({
        code: "CSV_BAD_RECORD",
        file: source.name,
        line: lines.lineOf((error as { bytes?: number }).bytes ?? 0) + lineOffset,
        message: `the rest of the file is not valid CSV: ${(error as Error).message}`,
      });
    } else {
      pass.readable = false;
      log.report({
        code: "EVIDENCE_UNREADABLE",
        file: source.name,
        message: describeReadError(error),
      });
    }
  }
}
