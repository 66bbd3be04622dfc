// The "as a user runs it" section of docs/benchmarks.md (issue 11's table, issue 10's end-to-end rows):
// the published CLI bundle (apps/cli/dist/calwise.mjs) run as a child process, output to a file, measured
// like /usr/bin/time (CPU = user + system of that process, worker threads included; peak RSS its own),
// with the contender in the same run where one exists: DuckDB's distinct-access query on the same
// Winlogbeat file, in its own process measured the same way. Rows: `calwise audit` on Winlogbeat JSON
// lines, the same with 2008 R2 servers (5 included CALs each) in `--owned` (cuts read from the JSON
// report), `calwise evaluate` on generated estates of 100k and 200k users and 100k with 50,000 owned
// user CALs, and `calwise audit` on event XML, event CSV, Sentinel CSV, Sentinel JSON lines and flat JSON
// lines exports.
// Alone: node --import tsx scripts/bench-user-runs.ts [--audit-mb=400,1700] [--evaluate=100000,200000]
// [--owned=100000] [--included-mb=400,30] [--export-mb=100]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { resultPrefix } from "./bench-child-io.ts";
import { bundleEntry } from "./bench-child-process.ts";
import type { BenchTarget } from "./bench-document.ts";
import {
  type EventExportFile,
  writeEventCsvFile,
  writeEventXmlFile,
  writeFlatJsonFile,
  writeSentinelCsvFile,
  writeSentinelJsonFile,
} from "./bench-event-exports.ts";
import type { IngestChildArgs, IngestChildResult } from "./bench-ingest-child.ts";
import { generateLogonFile } from "./bench-ingest-generate.ts";
import {
  formatCount,
  formatMb,
  formatMoney,
  renderTable,
  renderVerdict,
} from "./bench-markdown.ts";
import { type MeasuredRun, runMeasuredProcess } from "./bench-measure-process.ts";
import { writeLargeDeployment } from "./generate-large-deployment.ts";
import { readDocumentedAccessesQuery } from "./read-documented-accesses-query.ts";

/** Sizes to run; `npm run bench` passes the defaults, `--full` the issue's. */
export interface UserRunOptions {
  /** Winlogbeat files for `calwise audit`, in MB (the issue's: 400 and 1,700; 10,000 behind --audit-10gb). */
  readonly auditMegabytes: readonly number[];
  /** Files of the 2008 R2 comparison, in MB (the issue's: about 100k events at 30 MB, and 400 MB). */
  readonly includedMegabytes: readonly number[];
  /** `calwise evaluate` estates, in users (the issue's: 100,000 and 200,000). */
  readonly evaluateUsers: readonly number[];
  /** The estate given 50,000 owned user CALs (issue 10), in users; none when undefined. */
  readonly ownedUsers: number | undefined;
  /** Event XML and event CSV files, in MB; none when 0. */
  readonly exportMegabytes: number;
}

/** The sizes of `npm run bench`: about five minutes here at a low load. */
export const defaultUserRunOptions: UserRunOptions = {
  auditMegabytes: [400],
  includedMegabytes: [400, 30],
  evaluateUsers: [100_000, 200_000],
  ownedUsers: 100_000,
  exportMegabytes: 100,
};

/** The section's Markdown and its target rows. */
export interface UserRunFindings {
  readonly markdown: string;
  readonly targets: readonly BenchTarget[];
}

const cli = fileURLToPath(new URL("../apps/cli/dist/calwise.mjs", import.meta.url));
const work = join(tmpdir(), "calwise-bench-user-runs");
const hour = 3_600_000;
const root = fileURLToPath(new URL("..", import.meta.url));

/** Runs the section. */
export async function runUserRunBenchmarks(options: UserRunOptions): Promise<UserRunFindings> {
  mkdirSync(work, { recursive: true });
  const targets: BenchTarget[] = [];
  const audit = await measureWinlogbeatAudits(options.auditMegabytes);
  const included: IncludedCals[] = [];
  for (const megabytes of options.includedMegabytes)
    included.push(await measureIncludedCals(megabytes));
  const evaluate = await measureEvaluate(options.evaluateUsers, options.ownedUsers);
  const largest = audit.at(-1);
  const duckMbPerCpu =
    largest?.duck.status === "ok" ? largest.megabytes / largest.duck.cpuSeconds : Number.NaN;
  const exports = options.exportMegabytes > 0 ? await measureExports(options.exportMegabytes) : [];

  const lines = [
    "## As a user runs it (issues 10 and 11)",
    "",
    "`scripts/bench-user-runs.ts`: the published CLI bundle (`apps/cli/dist/calwise.mjs`) run as a child",
    "process, its output to a file, measured like `/usr/bin/time`: _CPU_ = user + system seconds of that",
    "process (worker threads included), _peak_ = its own maximum resident set, both from its",
    "`process.resourceUsage()` at exit (a preloaded module writes them; nothing else is added). One run each.",
    "The contender runs in the same section the same way: DuckDB (`@duckdb/node-api`, 2 threads) counting the",
    "distinct (domain, user, workstation, server) of the 4624 events over `read_ndjson` with the columns",
    "given, in its own Node process. Time targets are judged on the lesser of wall and CPU time (the machine",
    "is shared; wall time is inflated by the others' load, CPU time by little).",
    "",
    "A second DuckDB run does the reduction the audit does: `docs/audit-at-scale.md`'s DuckDB query (the",
    "same logon rules; user, workstation, address, server and logon type with first seen, last seen and",
    "count) over a view of the same file, written as the CSV `calwise audit --accesses` reads. Its rows are",
    "grouped by logon type as well, so they need not equal calwise's distinct accesses (the audit's own",
    "count, read from its report). The target is judged against the first, cheaper query.",
    "",
    "### `calwise audit` on Winlogbeat JSON lines, against DuckDB on the same file",
    "",
    "Generated by `scripts/bench-ingest-generate.ts` (seed 7); `--owned` names the 400 servers (Windows",
    "Server 2019 Standard, no CALs owned); the text report goes to a file. Largest file first.",
    "",
    renderTable(
      [
        "file (events)",
        "calwise: CPU s, wall s, peak MB",
        "DuckDB: CPU s, wall s, peak MB",
        "DuckDB's distinct",
        "calwise vs DuckDB (CPU; memory)",
        "DuckDB, the documented accesses query",
        "its rows; calwise's distinct",
        "calwise vs that query",
      ],
      [...audit]
        .reverse()
        .map((row) => [
          `${formatCount(row.megabytes)} MB (${formatCount(row.events)})`,
          describeRun(row.calwise),
          describeRun(row.duck),
          row.distinct > 0 ? formatCount(row.distinct) : "—",
          compareRuns(row.calwise, row.duck),
          describeRun(row.duckAccesses),
          `${row.accessRows > 0 ? formatCount(row.accessRows) : "—"}; ${row.calwiseDistinct === undefined ? "—" : formatCount(row.calwiseDistinct)}`,
          compareRuns(row.calwise, row.duckAccesses),
        ]),
      ["l", "r", "r", "r", "r", "r", "r", "r"],
    ),
    "",
  ];
  for (const row of [...audit].reverse()) {
    const met =
      row.calwise.status === "ok" && row.duck.status === "ok"
        ? row.calwise.cpuSeconds <= row.duck.cpuSeconds &&
          row.calwise.peakRssMb < row.duck.peakRssMb
        : undefined;
    targets.push({
      issue: 11,
      target: `\`calwise audit\` on ${formatCount(row.megabytes)} MB of Winlogbeat JSON lines: at least DuckDB's throughput, less memory`,
      measured: `${describeRun(row.calwise)} against DuckDB's ${describeRun(row.duck)}: ${compareRuns(row.calwise, row.duck)} (against DuckDB running the documented accesses query: ${compareRuns(row.calwise, row.duckAccesses)})`,
      verdict: renderVerdict(
        met,
        met === undefined
          ? `${row.calwise.status === "ok" ? "DuckDB" : "calwise"} did not finish (${row.calwise.status === "ok" ? row.duck.detail : row.calwise.detail})`
          : met
            ? undefined
            : "DuckDB's vectorised C++ counts distinct keys on both cores; the audit judges every logon on one JavaScript thread and then does what a count does not. Where the CPU goes (403 MB, profiled): the reading about half (each line's fields found and its group key interned, one hash lookup per line; nearly every group new, 780k groups for 1.24M logons, each handed to the ledger with its names interned and its user resolved), then the evaluation's minimum cut over the distinct accesses, the evidence trail and the report. Memory: the ledger keeps every distinct access with its evidence sample and the name tables, and the allocator keeps much of what the reading freed (history: “recorded by number (the direct path)”, “the demand items as columns”)",
      ),
    });
  }
  if (!options.auditMegabytes.some((megabytes) => megabytes >= 10_000))
    targets.push({
      issue: 11,
      target: "`calwise audit` on a 10 GB file: at least DuckDB's throughput, less memory",
      measured:
        "not run (`npm run bench -- --full --audit-10gb` runs it: about 10 minutes more on an idle machine, 9.2 for the whole section on 7 Dec)",
      verdict: renderVerdict(undefined, "not measured in this run"),
    });

  lines.push(
    "### `calwise audit` with 2008 R2 servers in `--owned`",
    "",
    "Files of the same generator, `--json` to a file; `--owned` names the 400 servers with a price list",
    "(2008 and 2019 CALs, user and device): all Windows Server 2019, or every third one Windows Server 2008 R2",
    "Standard (5 included 2008 CALs each). Cuts are read from the report's `optimisation.method` of the",
    "Windows Server CAL family. Largest file first.",
    "",
    renderTable(
      ["file (events)", "`--owned`", "CPU s, wall s, peak MB", "cuts", "answer"],
      included.flatMap((file) =>
        (
          [
            ["a third 2008 R2 Standard", file.withPools],
            ["all 2019", file.without],
          ] as const
        ).map(([label, each]) => [
          `${formatCount(file.megabytes)} MB (${formatCount(file.events)})`,
          label,
          describeRun(each.run),
          each.cuts === undefined ? "—" : String(each.cuts),
          each.answer,
        ]),
      ),
      ["l", "l", "r", "r", "l"],
    ),
    "",
  );
  for (const file of included) {
    const cutsWith = file.withPools.cuts;
    const cutsWithout = file.without.cuts;
    targets.push({
      issue: 10,
      target: `\`calwise audit\` on ${formatCount(file.megabytes)} MB (${formatCount(file.events)} events) with 2008 R2 servers (5 included CALs each) in \`--owned\`: no more cuts than without, plus a constant (17)`,
      measured: `cuts: ${cutsWith ?? "—"} with, ${cutsWithout ?? "—"} without; ${describeRun(file.withPools.run)} with, ${describeRun(file.without.run)} without`,
      verdict:
        cutsWith === undefined || cutsWithout === undefined
          ? renderVerdict(undefined, "a run did not finish or its report named no cuts")
          : renderVerdict(cutsWith <= cutsWithout + 17),
    });
  }

  lines.push(
    "### `calwise evaluate` on generated estates",
    "",
    "`scripts/generate-large-deployment.ts` (seed 11): N users each on their own PC, 0.95·N more pairs to",
    "N/20 kiosks, four servers of three versions, 1/5/10/50-packs of every version; _owned_ adds 50,000",
    "owned 2012 user CALs. `calwise evaluate FILE --json` to a file; the answer is the Windows Server CAL",
    "family's `optimisation` (exactness and gap above its proven bound). Largest first.",
    "",
    renderTable(
      ["estate", "pairs", "CPU s, wall s, peak MB", "answer"],
      evaluate.map((row) => [row.label, formatCount(row.pairs), describeRun(row.run), row.answer]),
      ["l", "r", "r", "l"],
    ),
    "",
  );
  for (const row of evaluate) targets.push(judgeEvaluate(row));

  if (exports.length > 0) {
    lines.push(
      "### `calwise audit` on event XML, event CSV, Sentinel CSV and JSON, and flat JSON lines exports",
      "",
      "The evidence fixtures' real logon events (from the shared EVTX corpus) repeated with their record ids",
      "renumbered (`scripts/bench-event-exports.ts`): event XML as `wevtutil qe /f:xml` writes it, event CSV as",
      "`Get-WinEvent | Export-Csv` writes it; Sentinel `SecurityEvent` CSV as the portal exports it, the",
      "fixture's rows with one of 20,000 user names each (it has no record ids); Sentinel `SecurityEvent` as",
      "JSON lines (a Log Analytics data export's shape) and flat JSON lines (NXLog's `to_json()`, record numbers",
      "renumbered) varied the same way; `--owned examples/audit/licences.yaml`, text report to a file.",
      "DuckDB reads no event XML or CSV export and is not run on the JSON ones: the contender is its MB per",
      "CPU-second on the largest Winlogbeat file above (its process start and loading included, about a second",
      "of CPU, which weighs on files of this size).",
      "",
      renderTable(
        [
          "format (records)",
          "MB",
          "CPU s, wall s, peak MB",
          "MB per CPU-second",
          "DuckDB's (JSON lines)",
        ],
        exports.map((row) => [
          `${row.format} (${formatCount(row.file.records)})`,
          formatCount(row.file.bytes / 1e6),
          describeRun(row.run),
          row.run.status === "ok" ? (row.file.bytes / 1e6 / row.run.cpuSeconds).toFixed(0) : "—",
          Number.isFinite(duckMbPerCpu) ? duckMbPerCpu.toFixed(0) : "—",
        ]),
        ["l", "r", "r", "r", "r"],
      ),
      "",
    );
    for (const row of exports) {
      const mbPerCpu = row.file.bytes / 1e6 / row.run.cpuSeconds;
      const known = row.run.status === "ok" && Number.isFinite(duckMbPerCpu);
      targets.push({
        issue: 11,
        target: `\`calwise audit\` on ${row.format}: at least DuckDB's throughput`,
        measured: `${known ? mbPerCpu.toFixed(0) : "—"} MB per CPU-second (${describeRun(row.run)}, ${formatCount(row.file.bytes / 1e6)} MB) against DuckDB's ${Number.isFinite(duckMbPerCpu) ? duckMbPerCpu.toFixed(0) : "—"} on JSON lines`,
        verdict: !known
          ? renderVerdict(
              undefined,
              `not measured (${row.run.status === "ok" ? "no DuckDB run" : row.run.detail})`,
            )
          : mbPerCpu >= duckMbPerCpu
            ? `met at ${formatCount(row.file.bytes / 1e6)} MB (held to DuckDB's rate on JSON lines of about that size, its process start included; not run at 1.7 GB)`
            : renderVerdict(
                false,
                "held to DuckDB's rate on the Winlogbeat JSON lines (not run on this file). The readers alone are not the gap (the JSON lines' byte readers 286–406 MB per CPU-second, the XML scanner about 400, measured without the audit): the rest is per group and per access in one JavaScript thread, e.g. Sentinel CSV at 100 MB: each group's key decoded for the ledger 15–18 %, the ledger 19 %, the evaluation 16 %, the collector 12 %, and a process start of about 0.2 s of a 100 MB file's 1–3 s (history: “The exports' audits split by phase”)",
              ),
      });
    }
  }
  return { markdown: lines.join("\n").trim(), targets };
}

interface AuditRow {
  readonly megabytes: number;
  readonly events: number;
  readonly calwise: MeasuredRun;
  readonly duck: MeasuredRun;
  readonly distinct: number;
  /** DuckDB running docs/audit-at-scale.md's accesses query on the same file, and its rows. */
  readonly duckAccesses: MeasuredRun;
  readonly accessRows: number;
  /** The audit report's "N distinct accesses in the window". */
  readonly calwiseDistinct: number | undefined;
}

/** `calwise audit` and DuckDB on each Winlogbeat file, smallest first. */
async function measureWinlogbeatAudits(sizes: readonly number[]): Promise<AuditRow[]> {
  const duckBundle = bundleEntry("scripts/bench-ingest-child.ts");
  const owned = writeOwnedFile("2019", false);
  const rows: AuditRow[] = [];
  for (const megabytes of [...sizes].sort((a, b) => a - b)) {
    log(`user runs: calwise audit, ${megabytes} MB of Winlogbeat JSON lines`);
    const file = generateLogonFile(megabytes * 1e6, 7);
    const calwise = await runMeasuredProcess(
      cli,
      ["audit", "--events", file.path, "--owned", owned],
      { stdoutFile: join(work, "audit-report.txt"), timeoutMs: 4 * hour, okExitCodes: [0, 1] },
    );
    log(`user runs: DuckDB, ${megabytes} MB`);
    const duckOut = join(work, "duckdb.out");
    const args: IngestChildArgs = {
      method: "duckdb-columns",
      path: file.path,
      runs: 1,
      threads: 2,
      evtxFiles: [],
      repeats: 0,
    };
    const duck = await runMeasuredProcess(duckBundle, [JSON.stringify(args)], {
      stdoutFile: duckOut,
      timeoutMs: hour,
    });
    const distinct = readChildResult<IngestChildResult>(duckOut)?.distinct ?? 0;
    log(`user runs: DuckDB, the documented accesses query, ${megabytes} MB`);
    const accessesArgs: IngestChildArgs = {
      ...args,
      method: "duckdb-accesses",
      query: readDocumentedAccessesQuery(root),
      output: join(work, "duckdb-accesses.csv"),
    };
    const duckAccesses = await runMeasuredProcess(duckBundle, [JSON.stringify(accessesArgs)], {
      stdoutFile: duckOut,
      timeoutMs: hour,
    });
    const report = readFileSync(join(work, "audit-report.txt"), "utf8");
    const counted = /(\d+) distinct accesses in the window/.exec(report)?.[1];
    rows.push({
      megabytes: file.bytes / 1e6,
      events: file.lines,
      calwise,
      duck,
      distinct,
      duckAccesses,
      accessRows: readChildResult<IngestChildResult>(duckOut)?.distinct ?? 0,
      calwiseDistinct: counted === undefined ? undefined : Number(counted),
    });
  }
  return rows;
}

interface IncludedResult {
  readonly run: MeasuredRun;
  readonly cuts: number | undefined;
  readonly answer: string;
}

/** One file's audits with and without 2008 R2 servers in `--owned`. */
interface IncludedCals {
  readonly megabytes: number;
  readonly events: number;
  readonly withPools: IncludedResult;
  readonly without: IncludedResult;
}

/** The same audit with and without 2008 R2 servers in `--owned`, cuts counted. */
async function measureIncludedCals(megabytes: number): Promise<IncludedCals> {
  const file = generateLogonFile(megabytes * 1e6, 7);
  const run = async (withPools: boolean): Promise<IncludedResult> => {
    log(
      `user runs: calwise audit --json, ${megabytes} MB, ${withPools ? "with" : "without"} 2008 R2`,
    );
    const output = join(work, "audit-included.json");
    const measured = await runMeasuredProcess(
      cli,
      ["audit", "--events", file.path, "--owned", writeOwnedFile("2019", withPools), "--json"],
      { stdoutFile: output, timeoutMs: 2 * hour, okExitCodes: [0, 1] },
    );
    return { run: measured, ...readAnswer(measured, output) };
  };
  return {
    megabytes: file.bytes / 1e6,
    events: file.lines,
    withPools: await run(true),
    without: await run(false),
  };
}

interface EvaluateRow {
  readonly label: string;
  readonly users: number;
  readonly owned: boolean;
  readonly pairs: number;
  readonly run: MeasuredRun;
  readonly exactness: string | undefined;
  readonly gapPercent: number | undefined;
  readonly answer: string;
}

/** `calwise evaluate --json` on each estate (largest first), then the owned case. */
async function measureEvaluate(
  sizes: readonly number[],
  ownedUsers: number | undefined,
): Promise<EvaluateRow[]> {
  const cases = [
    ...[...sizes].sort((a, b) => b - a).map((users) => ({ users, owned: false })),
    ...(ownedUsers === undefined ? [] : [{ users: ownedUsers, owned: true }]),
  ];
  const rows: EvaluateRow[] = [];
  for (const { users, owned } of cases) {
    log(`user runs: calwise evaluate, ${users} users${owned ? " + 50,000 owned" : ""}`);
    const files = writeLargeDeployment(users, join(work, "estates"));
    let deployment = files.deployment;
    if (owned) {
      deployment = join(work, "estates", `deployment-${users}-owned.json`);
      const document = JSON.parse(readFileSync(files.deployment, "utf8")) as Record<
        string,
        unknown
      >;
      document.owned = [{ family: "ws-cal", version: "2012", type: "user", quantity: 50_000 }];
      writeFileSync(deployment, JSON.stringify(document));
    }
    const output = join(work, "evaluate.json");
    const run = await runMeasuredProcess(cli, ["evaluate", deployment, "--json"], {
      stdoutFile: output,
      timeoutMs: hour,
      okExitCodes: [0, 1],
    });
    const answer = readAnswer(run, output);
    rows.push({
      label: `${formatCount(users)} users${owned ? " + 50,000 owned user CALs" : ""}`,
      users,
      owned,
      pairs: files.pairs,
      run,
      ...answer,
    });
  }
  return rows;
}

/** The issue's target for one evaluate row (issue 11 without owned CALs, issue 10 with them). */
function judgeEvaluate(row: EvaluateRow): BenchTarget {
  const seconds = Math.min(row.run.wallSeconds, row.run.cpuSeconds);
  const measured = `${describeRun(row.run)}; ${row.answer}`;
  if (row.owned) {
    const close =
      row.exactness === "optimal" ||
      (row.exactness === "best-found" && (row.gapPercent ?? 100) <= 0.1);
    const fast = row.run.status === "ok" && seconds < 3;
    return {
      issue: 10,
      target: `${formatCount(row.users)} users, ${formatCount(row.pairs)} pairs, 50,000 owned user CALs (\`calwise evaluate\`): proven, or within 0.1 % and said so, < 3 s end to end`,
      measured,
      verdict: renderVerdict(
        row.run.status === "ok" ? close && fast : undefined,
        row.run.status !== "ok"
          ? row.run.detail
          : [fast ? "" : `time (${seconds.toFixed(1)} s)`, close ? "" : "gap"]
              .filter(Boolean)
              .join(", ") || undefined,
      ),
    };
  }
  const limit = row.users <= 100_000 ? 2 : 5;
  const fast = seconds < limit;
  const small = row.run.peakRssMb <= 600;
  const exact = row.exactness === "optimal";
  const misses = [
    fast ? "" : `time (${seconds.toFixed(1)} s)`,
    small ? "" : `memory (${formatMb(row.run.peakRssMb)} MB)`,
    exact ? "" : `exact (${row.answer}: ${inexactReason})`,
  ].filter(Boolean);
  return {
    issue: 11,
    target: `\`calwise evaluate\` ${formatCount(row.users)} users, ${formatCount(row.pairs)} pairs, JSON: < ${limit} s end to end, ≤ 600 MB, exact`,
    measured,
    verdict: renderVerdict(
      row.run.status === "ok" ? misses.length === 0 : undefined,
      row.run.status === "ok" ? misses.join("; ") || undefined : row.run.detail,
    ),
  };
}

/** Why the large estates' answers stay best-found, from the history's measurements. */
const inexactReason =
  "the gap is the packs' rounding: the cut's bound prices every need at its tier's best rate per unit, and every cover near the cut's optimum pays its packs above that rate (at 100k: 5,500 for the 2012 users' 85,225 ≡ 25 mod 50, 8,250 for the 2016 devices); the bound by the cut's flow forces holders only where the gap is below one CAL's price (3,500–4,200) and here every holder keeps 2–4 choices, so a proof needs a relaxation that keeps coverage within the budget or an exact solver for the tie parts (history: “Exact multi-version purchase at any size”, “Bound by the cut's flow”)";

/** `calwise audit` on event XML, event CSV, Sentinel CSV and JSON, and flat JSON lines of about `megabytes` each. */
async function measureExports(megabytes: number) {
  const owned = fileURLToPath(new URL("../examples/audit/licences.yaml", import.meta.url));
  const rows: { format: string; file: EventExportFile; run: MeasuredRun }[] = [];
  for (const [format, file] of [
    ["event XML", writeEventXmlFile(megabytes)],
    ["event CSV", writeEventCsvFile(megabytes)],
    ["Sentinel CSV", writeSentinelCsvFile(megabytes)],
    ["Sentinel JSON lines", writeSentinelJsonFile(megabytes)],
    ["flat JSON lines", writeFlatJsonFile(megabytes)],
  ] as const) {
    log(`user runs: calwise audit, ${format}, ${megabytes} MB`);
    const run = await runMeasuredProcess(cli, ["audit", "--events", file.path, "--owned", owned], {
      stdoutFile: join(work, "audit-export.txt"),
      timeoutMs: hour,
      okExitCodes: [0, 1],
    });
    rows.push({ format, file, run });
  }
  return rows;
}

/** A --owned file for the generated logons' 400 servers, with a price list; every third 2008 R2 when asked. */
function writeOwnedFile(version: string, withPools: boolean): string {
  const path = join(work, `owned-${version}${withPools ? "-2008r2" : ""}.yaml`);
  const servers = Array.from({ length: 400 }, (_, server) => {
    const product = withPools && server % 3 === 0 ? "ws2008r2-standard" : "ws2019-standard";
    return `  - { name: srv-${String(server).padStart(4, "0")}.corp.example, product: ${product}, processors: 2 }`;
  });
  const prices = ["2008", "2019"].flatMap((cal, index) =>
    ["user", "device"].map(
      (type) =>
        `    - { sku: WS${cal}-${type}, family: ws-cal, version: "${cal}", type: ${type}, price: ${4000 + 400 * index + (type === "device" ? -300 : 0)} }`,
    ),
  );
  writeFileSync(
    path,
    [
      "name: generated logons audit",
      "servers:",
      ...servers,
      "prices:",
      "  name: bench prices",
      "  currency: USD",
      "  items:",
      ...prices,
      "",
    ].join("\n"),
  );
  return path;
}

/** The Windows Server CAL family's answer in a JSON report: exactness, gap, cuts. */
function readAnswer(
  run: MeasuredRun,
  output: string,
): {
  exactness: string | undefined;
  gapPercent: number | undefined;
  cuts: number | undefined;
  answer: string;
} {
  const none = { exactness: undefined, gapPercent: undefined, cuts: undefined };
  if (run.status !== "ok") return { ...none, answer: `${run.status}: ${run.detail}` };
  const report = JSON.parse(readFileSync(output, "utf8")) as {
    families?: { family: string; optimisation?: Record<string, unknown> }[];
    evaluation?: { families?: { family: string; optimisation?: Record<string, unknown> }[] };
  };
  const families = report.families ?? report.evaluation?.families ?? [];
  const optimisation = families.find((family) => family.family === "ws-cal")?.optimisation;
  if (optimisation === undefined) return { ...none, answer: "no ws-cal family in the report" };
  const exactness = String(optimisation.exactness);
  // The report's gapPercent has two decimals (0.005 % reads 0.01); the bench computes it from the
  // gap and the cost, which the report gives in minor units.
  const { gap, cost } = optimisation;
  const gapPercent =
    typeof gap === "number" && typeof cost === "number" && cost > 0
      ? (gap / cost) * 100
      : typeof optimisation.gapPercent === "number"
        ? optimisation.gapPercent
        : 0;
  const cuts = /(\d+) cuts?\b/.exec(String(optimisation.method ?? ""));
  return {
    exactness,
    gapPercent,
    cuts: cuts ? Number(cuts[1]) : undefined,
    answer:
      exactness === "optimal"
        ? "optimal"
        : `${exactness}, gap ${typeof gap === "number" ? `${formatMoney(gap)} (${gapPercent.toFixed(4)} %)` : `${gapPercent.toFixed(3)} %`}`,
  };
}

/** A child's RESULT line from its output file. */
function readChildResult<T>(path: string): T | undefined {
  const line = readFileSync(path, "utf8")
    .split("\n")
    .find((text) => text.startsWith(resultPrefix));
  return line === undefined ? undefined : (JSON.parse(line.slice(resultPrefix.length)) as T);
}

/** "12.3 s CPU, 40.1 s wall, 512 MB", or the status and how long it ran. */
export function describeRun(run: MeasuredRun): string {
  if (run.status !== "ok") return `${run.status} after ${run.wallSeconds.toFixed(0)} s wall`;
  return `${run.cpuSeconds.toFixed(1)} s CPU, ${run.wallSeconds.toFixed(1)} s wall, ${formatMb(run.peakRssMb)} MB`;
}

/** "18× the CPU; 3.1× the memory" of `ours` against `theirs`. */
export function compareRuns(ours: MeasuredRun, theirs: MeasuredRun): string {
  if (ours.status !== "ok" || theirs.status !== "ok") return "—";
  const times = (ratio: number) => `${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)}×`;
  return `${times(ours.cpuSeconds / theirs.cpuSeconds)} the CPU; ${times(ours.peakRssMb / theirs.peakRssMb)} the memory`;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const value = (name: string) =>
    process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const list = (name: string, fallback: readonly number[]) =>
    value(name)?.split(",").map(Number) ?? fallback;
  const findings = await runUserRunBenchmarks({
    ...defaultUserRunOptions,
    auditMegabytes: list("audit-mb", defaultUserRunOptions.auditMegabytes),
    evaluateUsers: list("evaluate", defaultUserRunOptions.evaluateUsers),
    includedMegabytes: list("included-mb", defaultUserRunOptions.includedMegabytes),
    ownedUsers: Number(value("owned") ?? defaultUserRunOptions.ownedUsers),
    exportMegabytes: Number(value("export-mb") ?? defaultUserRunOptions.exportMegabytes),
  });
  console.log(findings.markdown);
  console.log(JSON.stringify(findings.targets, null, 2));
}
