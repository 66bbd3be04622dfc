// The evidence-ingestion section of docs/benchmarks.md: a generated Winlogbeat JSON-lines file of
// logon events reduced to distinct (user, device, server) accesses by our reducer, by DuckDB and by
// the evidence package's Winlogbeat reader, next to plain reads of the same bytes; and the EVTX reader
// over the shared corpus, repeated. Each method runs in its own process for a true peak memory.
// Standalone: node --import tsx scripts/bench-ingest.ts [--full | --mb=N]
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { listEvtxCorpus } from "../packages/evidence/src/evtx/testing/evtx-corpus.ts";
import { bundleEntry, type ChildOutcome, runChild } from "./bench-child-process.ts";
import type { IngestChildArgs, IngestChildResult, IngestMethod } from "./bench-ingest-child.ts";
import { generateLogonFile, writeOwnedServers } from "./bench-ingest-generate.ts";
import { currentLoad } from "./bench-machine.ts";
import { formatCount, formatMb, formatRatio, renderTable, verdict } from "./bench-markdown.ts";
import { median } from "./bench-statistics.ts";

interface MethodCase {
  readonly label: string;
  readonly method: IngestMethod;
  readonly threads: number;
  readonly runs: number;
}

/** What the section found, for the targets summary of bench.ts. */
export interface IngestFindings {
  readonly markdown: string;
  readonly targets: readonly (readonly string[])[];
}

const evtxRepeats = 20;

/**
 * Runs the section on a file of about 1.7 GB (`full`) or 400 MB, or of `megabytes` when given (a quick
 * run of the section alone: `--ingest-mb=40`).
 */
export async function runIngestBenchmarks(
  full: boolean,
  megabytes?: number,
): Promise<IngestFindings> {
  const targetBytes = megabytes !== undefined ? megabytes * 1e6 : full ? 1.7e9 : 4e8;
  log(`ingest: generating about ${targetBytes / 1e6} MB of logon events (reused when present)`);
  const file = generateLogonFile(targetBytes, 7);
  const childBundle = bundleEntry("scripts/bench-ingest-child.ts");
  // The published CLI bundle (npm install builds it): the audit row runs it as a user does.
  const cliBundle = fileURLToPath(new URL("../apps/cli/dist/calwise.mjs", import.meta.url));
  const owned = writeOwnedServers();
  const workerScript = bundleEntry("scripts/ingest/reduce-winlogbeat-worker.ts");
  const slowRuns = full ? 1 : 3;
  const jsonlCases: MethodCase[] = [
    {
      label: "**`calwise audit --events … --owned …`**, end to end as a user runs it",
      method: "audit-cli",
      threads: 1,
      runs: 1,
    },
    { label: "read only (readSync, 4 MiB buffer)", method: "read-only", threads: 1, runs: 3 },
    { label: "byte loop (JS loop over every byte)", method: "byte-loop", threads: 1, runs: 3 },
    { label: "**calwise reducer**, 1 thread", method: "reducer", threads: 1, runs: 3 },
    { label: "**calwise reducer**, 2 threads", method: "reducer", threads: 2, runs: 3 },
    { label: "DuckDB read_ndjson, columns given", method: "duckdb-columns", threads: 2, runs: 3 },
    { label: "DuckDB read_json_auto", method: "duckdb-auto", threads: 2, runs: 3 },
    {
      label: "evidence's Winlogbeat reader (scanWinlogbeatLogons) + a Set",
      method: "jsonl-reader",
      threads: 1,
      runs: slowRuns,
    },
  ];
  const evtxCases: MethodCase[] = [
    { label: "read only (readSync)", method: "evtx-read-only", threads: 1, runs: 3 },
    { label: "readEvtx (every record)", method: "evtx-reader", threads: 1, runs: 3 },
    { label: "readLogonEvents + a Set of accesses", method: "evtx-logons", threads: 1, runs: 3 },
  ];
  const measure = async (cases: readonly MethodCase[], path: string) => {
    const outcomes: ChildOutcome<IngestChildResult>[] = [];
    for (const each of cases) {
      log(`ingest: ${each.label}`);
      const args: IngestChildArgs = {
        method: each.method,
        path,
        runs: each.runs,
        threads: each.threads,
        workerScript,
        cli: cliBundle,
        owned,
        evtxFiles: listEvtxCorpus(),
        repeats: evtxRepeats,
      };
      outcomes.push(await runChild<IngestChildResult>(childBundle, args, 600_000));
    }
    return outcomes;
  };
  const jsonl = await measure(jsonlCases, file.path);
  const evtxFiles = listEvtxCorpus();
  const evtx = evtxFiles.length > 0 ? await measure(evtxCases, "") : [];
  const load = currentLoad();

  const secondsOf = (outcome: ChildOutcome<IngestChildResult> | undefined) =>
    outcome?.result ? median(outcome.result.seconds) : Number.NaN;
  const duckIndex = jsonlCases.findIndex((each) => each.method === "duckdb-columns");
  const duckAutoIndex = jsonlCases.findIndex((each) => each.method === "duckdb-auto");
  const oursIndex = jsonlCases.findIndex((each) => each.method === "reducer" && each.threads === 2);
  const duckSeconds = Math.min(secondsOf(jsonl[duckIndex]), secondsOf(jsonl[duckAutoIndex]));
  const rows = (
    cases: readonly MethodCase[],
    outcomes: readonly ChildOutcome<IngestChildResult>[],
    compare: boolean,
  ) =>
    cases.map((each, index) => {
      const outcome = outcomes[index];
      const result = outcome?.result;
      if (!result)
        return [
          each.label,
          String(each.threads),
          outcome?.status ?? "not run",
          "",
          "",
          "",
          "",
          "",
          "",
        ];
      const seconds = median(result.seconds);
      return [
        each.label,
        String(each.threads),
        seconds.toFixed(2),
        formatCount(result.bytes / 1e6 / seconds),
        result.events > 0 ? formatCount(result.events / seconds) : "—",
        result.distinct > 0 ? formatCount(result.distinct) : "—",
        formatMb(result.peakRssMb),
        String(result.seconds.length),
        compare ? formatRatio(duckSeconds / seconds) : "—",
      ];
    });
  const header = [
    "method",
    "threads",
    "median s",
    "MB/s",
    "events/s",
    "distinct accesses",
    "peak MB",
    "runs",
    "speed vs DuckDB (best)",
  ];
  const align = ["l", "r", "r", "r", "r", "r", "r", "r", "r"] as const;
  const evtxBytes = evtxFiles.reduce((sum, path) => sum + statSync(path).size, 0);

  const ours = jsonl[oursIndex]?.result;
  const duckResults = [jsonl[duckIndex]?.result, jsonl[duckAutoIndex]?.result].filter(
    (result): result is IngestChildResult => result !== undefined,
  );
  const duckPeak = Math.min(...duckResults.map((result) => result.peakRssMb));
  const oursSeconds = secondsOf(jsonl[oursIndex]);
  const distinctCounts = new Set(
    jsonl.map((outcome) => outcome.result?.distinct ?? 0).filter((count) => count > 0),
  );
  const markdown = [
    "## Evidence ingestion",
    "",
    `Generated Winlogbeat-style JSON lines (\`scripts/bench-ingest-generate.ts\`, seed 7): ${formatCount(file.bytes / 1e6)} MB,`,
    `${formatCount(file.lines)} events (nine in ten successful logons, 4624; the rest 4634 and 4672 to skip), about`,
    "290 bytes a line, in the OS temporary directory (not the repository), read from the page cache.",
    "The task: the number of distinct (domain\\user, workstation, server) of the 4624 events. One user's name",
    "is written with a JSON escape in half of its lines, so only a reader that decodes strings gets the exact count.",
    "",
    "- *calwise reducer*: `reduceWinlogbeatAccesses` (`scripts/ingest/`): a byte scanner that",
    "  follows the JSON grammar and keeps only the offsets of the wanted fields at their paths, JSON.parse as the",
    "  judge when unsure, access keys interned in a radix-partitioned hash set; with 2 threads the file is split",
    "  at line boundaries and each key belongs to one thread by its hash (no merge). Counting only (`names: false`),",
    "  as the SQL does.",
    "- *DuckDB* (`@duckdb/node-api`, 2 threads): `SELECT COUNT(DISTINCT (domain, user, workstation, server))",
    "  FILTER (WHERE winlog.event_id = '4624')` over `read_ndjson` with the columns given, and over",
    "  `read_json_auto`.",
    "- *read only* / *byte loop*: what Node allows at all: reading the file, and a JS loop touching every byte.",
    "- *`calwise audit`*: the published CLI bundle run as a user runs it, `--owned` naming the 400 generated",
    "  servers (Windows Server 2019, no CALs owned), the text report discarded; its peak is the CLI process's own.",
    "  It does all the audit's work (logon rules, dedupe, evaluation, evidence trail), not only the count.",
    "",
    renderTable(header, rows(jsonlCases, jsonl, true), align),
    "",
    distinctCounts.size === 1
      ? `Every method that counts found the same ${formatCount([...distinctCounts][0] as number)} distinct accesses.`
      : `**The methods disagree on the distinct count: ${[...distinctCounts].join(", ")}.**`,
    "",
    `### EVTX reader (shared corpus, ${evtxFiles.length} files, ${(evtxBytes / 1e6).toFixed(1)} MB, read ${evtxRepeats} times per run)`,
    "",
    evtx.length > 0
      ? renderTable(
          header.slice(0, 8),
          rows(evtxCases, evtx, false).map((row) => row.slice(0, 8)),
          align.slice(0, 8),
        )
      : "No EVTX corpus at ../shared/corpus/evtx: not measured.",
    "",
    `1-minute load average when the section ended: ${load.toFixed(2)}.`,
  ].join("\n");
  const targets: string[][] = [];
  const auditIndex = jsonlCases.findIndex((each) => each.method === "audit-cli");
  const audit = jsonl[auditIndex];
  if (duckResults.length > 0) {
    const auditSeconds = secondsOf(audit);
    targets.push(
      [
        `\`calwise audit\` end to end (${formatCount(file.bytes / 1e6)} MB of JSON lines): at least DuckDB's throughput`,
        audit?.result
          ? `${auditSeconds.toFixed(2)} s vs ${duckSeconds.toFixed(2)} s (${formatRatio(duckSeconds / auditSeconds)})`
          : (audit?.status ?? "not run"),
        verdict(audit?.result !== undefined && auditSeconds <= duckSeconds),
      ],
      [
        "`calwise audit` end to end: less peak memory than DuckDB",
        audit?.result ? `${formatMb(audit.result.peakRssMb)} MB vs ${formatMb(duckPeak)} MB` : "—",
        verdict(audit?.result !== undefined && audit.result.peakRssMb < duckPeak),
      ],
    );
  }
  if (ours && duckResults.length > 0) {
    targets.push(
      [
        `JSON lines (${formatCount(file.bytes / 1e6)} MB): at least as fast as DuckDB (2 threads each)`,
        `${oursSeconds.toFixed(2)} s vs ${duckSeconds.toFixed(2)} s (${formatRatio(duckSeconds / oursSeconds)})`,
        verdict(oursSeconds <= duckSeconds),
      ],
      [
        "JSON lines: less peak memory than DuckDB",
        `${formatMb(ours.peakRssMb)} MB vs ${formatMb(duckPeak)} MB`,
        verdict(ours.peakRssMb < duckPeak),
      ],
      [
        "JSON lines: exact (the same distinct count as DuckDB)",
        formatCount(ours.distinct),
        verdict(duckResults.every((result) => result.distinct === ours.distinct)),
      ],
    );
  }
  return { markdown, targets };
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const megabytes = process.argv.find((arg) => arg.startsWith("--mb="))?.slice("--mb=".length);
  console.log(
    (
      await runIngestBenchmarks(
        process.argv.includes("--full"),
        megabytes === undefined ? undefined : Number(megabytes),
      )
    ).markdown,
  );
}
