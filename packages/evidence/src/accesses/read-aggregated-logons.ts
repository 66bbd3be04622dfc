import { type CsvPass, readCsvRows } from "../csv/read-csv-rows.ts";
import { EvidenceProblemLog } from "../event/evidence-problem-log.ts";
import type { EvidenceReadOptions } from "../event/evidence-read-options.ts";
import { type EvidenceReadSummary, summariseRead } from "../event/evidence-read-summary.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { parseJsonObject } from "../text/parse-json-object.ts";
import { type JsonRecordCounts, readJsonRecords } from "../text/read-json-records.ts";
import { hasAccessColumn, requiredAccessColumns } from "./access-columns.ts";
import type { AggregatedLogon } from "./aggregated-logon.ts";
import { aggregatedLogonFromRow } from "./aggregated-logon-from-row.ts";

/** A row to read, with where it starts. */
interface Row {
  readonly values: Readonly<Record<string, unknown>>;
  readonly line: number;
  readonly record: number;
}

/** The rows of a JSON-lines (or JSON array) accesses file; bad JSON is reported here. */
async function* jsonRows(
  source: ByteSource,
  log: EvidenceProblemLog,
  counts: JsonRecordCounts,
  onBytes: ((bytes: number) => void) | undefined,
  fields: { names?: string[] },
  jsonArray: boolean | undefined,
): AsyncGenerator<Row> {
  for await (const { text, line, record } of readJsonRecords(
    source,
    log,
    counts,
    onBytes,
    jsonArray,
  )) {
    const parsed = parseJsonObject(text, "line");
    if (!parsed.ok) {
      counts.skipped++;
      log.report({
        code: "JSON_BAD_LINE",
        file: source.name,
        line,
        record,
        message: parsed.message,
        expected: `one object per line with ${requiredAccessColumns.join(", ")}`,
      });
      continue;
    }
    fields.names ??= Object.keys(parsed.value);
    yield { values: parsed.value, line, record };
  }
}

/**
 * Streams a pre-aggregated accesses file (`calwise audit --accesses`; docs/audit-at-scale.md): CSV
 * with a header, or JSON lines, one row per distinct (user, device, address, server, logon type) with
 * first seen, last seen and count. A CSV header without the required columns refuses the file; a
 * bad row is skipped and reported with its line, as every reader does.
 */
export async function* readAggregatedLogons(
  source: ByteSource,
  format: "accesses-csv" | "accesses-jsonl",
  options: EvidenceReadOptions = {},
): AsyncGenerator<AggregatedLogon, EvidenceReadSummary, undefined> {
  const file = source.name;
  const log = new EvidenceProblemLog(options.onProblem, options.keepProblems);
  const counts = { records: 0, skipped: 0 };
  const fields: { names?: string[] } = {};
  let rows: AsyncGenerator<Row>;
  let pass: CsvPass | undefined;
  if (format === "accesses-csv") {
    const csv: CsvPass = { columns: [], rows: 0, skipped: 0, readable: true };
    pass = csv;
    rows = readCsvRows(
      source,
      log,
      csv,
      (columns) => {
        const names = new Set(columns);
        const missing = requiredAccessColumns.filter((c) => !hasAccessColumn(names, c));
        if (missing.length === 0) return undefined;
        return {
          message: `not an accesses file: missing column${missing.length === 1 ? "" : "s"} ${missing.join(", ")}`,
          expected: `columns ${requiredAccessColumns.join(", ")} (device and address optional)`,
        };
      },
      options.onBytes,
    );
  } else rows = jsonRows(source, log, counts, options.onBytes, fields, options.jsonArray);
  let yielded = 0;
  for await (const row of rows) {
    const location = { file, line: row.line, record: row.record };
    const parsed = aggregatedLogonFromRow(row.values, location);
    if (!parsed.ok) {
      counts.skipped++;
      const { ok: _, ...detail } = parsed;
      log.report({ ...location, ...detail });
      continue;
    }
    yielded++;
    yield parsed.access;
  }
  const records = pass ? pass.rows : counts.records;
  const skipped = counts.skipped + (pass?.skipped ?? 0);
  const names = pass ? pass.columns : fields.names;
  return summariseRead(
    file,
    format,
    { records, yielded, skipped, ...(names ? { fields: names } : {}) },
    log,
  );
}
