// One ingestion measurement in a fresh process (see bench-child-process.ts): a method reads the same
// file `runs` times; the child reports every run's seconds, what it found and its peak memory.
import { spawnSync } from "node:child_process";
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { openFileByteSource } from "@calwise/node-files";
import { DuckDBInstance } from "@duckdb/node-api";
import { readEvtx, readLogonEvents, scanWinlogbeatLogons } from "../packages/evidence/src/index.ts";
import { readChildArgs, reportChildResult } from "./bench-child-io.ts";
import { collectGarbage, now, peakRssMb } from "./bench-statistics.ts";
import { reduceWinlogbeatAccesses } from "./ingest/reduce-winlogbeat-accesses.ts";
import { winlogbeatEventsView } from "./read-documented-accesses-query.ts";

/** The ways to read the file that the section compares. */
export type IngestMethod =
  | "read-only"
  | "byte-loop"
  | "reducer"
  | "audit-cli"
  | "jsonl-reader"
  | "duckdb-columns"
  | "duckdb-auto"
  | "duckdb-accesses"
  | "evtx-read-only"
  | "evtx-reader"
  | "evtx-logons";

/** What to measure. */
export interface IngestChildArgs {
  readonly method: IngestMethod;
  readonly path: string;
  readonly runs: number;
  /** For "reducer": worker threads; for DuckDB: its threads. */
  readonly threads: number;
  /** The bundled worker script of the reducer. */
  readonly workerScript?: string;
  /** For "audit-cli": the CLI bundle and the --owned file. */
  readonly cli?: string;
  readonly owned?: string;
  /** For the EVTX methods: the corpus files (listed by the parent: a bundle cannot find them) and passes per run. */
  readonly evtxFiles: readonly string[];
  readonly repeats: number;
  /** For "duckdb-accesses": docs/audit-at-scale.md's query (read by the parent: a bundle cannot find it) and
   * the CSV it writes. */
  readonly query?: string;
  readonly output?: string;
}

/** One child's answer. */
export interface IngestChildResult {
  readonly bytes: number;
  readonly seconds: number[];
  /** Events (lines or records) read, and distinct accesses found, where the method finds them. */
  readonly events: number;
  readonly distinct: number;
  readonly peakRssMb: number;
}

const args = readChildArgs<IngestChildArgs>();
const evtxFiles = args.evtxFiles;
const bytesPerRun = args.method.startsWith("evtx")
  ? evtxFiles.reduce((sum, file) => sum + statSync(file).size, 0) * args.repeats
  : statSync(args.path).size;

const seconds: number[] = [];
let found = { events: 0, distinct: 0 };
/** The peak memory of the calwise processes "audit-cli" ran (the child's own is not the measure). */
let cliPeakMb = 0;
for (let run = 0; run < args.runs; run++) {
  collectGarbage();
  const start = now();
  found = await measureOnce();
  seconds.push((now() - start) / 1000);
}
const result: IngestChildResult = {
  bytes: bytesPerRun,
  seconds,
  ...found,
  peakRssMb: args.method === "audit-cli" ? cliPeakMb : peakRssMb(),
};
reportChildResult(result);
process.exit(0);

async function measureOnce(): Promise<{ events: number; distinct: number }> {
  switch (args.method) {
    case "read-only":
      return { events: readBytes([args.path], false), distinct: 0 };
    case "byte-loop":
      return { events: readBytes([args.path], true), distinct: 0 };
    case "reducer": {
      const reduced = await reduceWinlogbeatAccesses(args.path, {
        workers: args.threads,
        names: false,
        ...(args.workerScript ? { workerScript: args.workerScript } : {}),
      });
      return { events: reduced.counts.lines, distinct: reduced.distinct };
    }
    case "audit-cli":
      return runAuditCli();
    case "jsonl-reader": {
      // The evidence package's Winlogbeat reader, each 4624 turned into the same access key.
      const accesses = new Set<string>();
      let events = 0;
      for await (const logon of scanWinlogbeatLogons(openFileByteSource(args.path))) {
        events++;
        accesses.add(
          `${logon.targetDomainName}\u0000${logon.targetUserName}\u0000${logon.workstationName}\u0000${logon.computer}`,
        );
      }
      return { events, distinct: accesses.size };
    }
    case "duckdb-columns":
    case "duckdb-auto":
      return await countWithDuckDb();
    case "duckdb-accesses":
      return await writeAccessesWithDuckDb();
    case "evtx-read-only": {
      let events = 0;
      for (let pass = 0; pass < args.repeats; pass++) events += readBytes(evtxFiles, false);
      return { events, distinct: 0 };
    }
    case "evtx-reader": {
      let events = 0;
      for (let pass = 0; pass < args.repeats; pass++) {
        for (const file of evtxFiles)
          for await (const _record of readEvtx(openFileByteSource(file))) events++;
      }
      return { events, distinct: 0 };
    }
    case "evtx-logons": {
      const accesses = new Set<string>();
      let events = 0;
      for (let pass = 0; pass < args.repeats; pass++) {
        for (const file of evtxFiles) {
          for await (const logon of readLogonEvents(openFileByteSource(file), "evtx")) {
            events++;
            accesses.add(
              `${logon.targetDomainName}\u0000${logon.targetUserName}\u0000${logon.workstationName}\u0000${logon.computer}`,
            );
          }
        }
      }
      return { events, distinct: accesses.size };
    }
  }
}

/**
 * Runs `calwise audit --events FILE --owned OWNED` from the published bundle as a user runs it (text
 * report to a pipe that discards it); a preloaded module reports the process's peak memory at exit.
 */
function runAuditCli(): { events: number; distinct: number } {
  const reportPeak = `data:text/javascript,${encodeURIComponent(
    "process.on('exit', () => process.stderr.write('\\ncalwise-maxrss ' + process.resourceUsage().maxRSS + '\\n'));",
  )}`;
  const run = spawnSync(
    process.execPath,
    [
      "--import",
      reportPeak,
      args.cli as string,
      "audit",
      "--events",
      args.path,
      "--owned",
      args.owned as string,
    ],
    { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26 },
  );
  const stderr = run.stderr.toString();
  const peak = /calwise-maxrss (\d+)/.exec(stderr);
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`calwise audit exited with ${run.status}: ${stderr.slice(0, 400)}`);
  cliPeakMb = Math.max(cliPeakMb, Number(peak?.[1] ?? 0) / 1024);
  return { events: 0, distinct: 0 };
}

/** Reads the files through one 4 MiB buffer; counts newlines with a plain loop when asked. */
function readBytes(files: readonly string[], touchEveryByte: boolean): number {
  const buffer = Buffer.allocUnsafe(1 << 22);
  let newlines = 0;
  for (const path of files) {
    const file = openSync(path, "r");
    for (;;) {
      const read = readSync(file, buffer, 0, buffer.length, null);
      if (read === 0) break;
      if (touchEveryByte) {
        for (let index = 0; index < read; index++) if (buffer[index] === 0x0a) newlines++;
      }
    }
    closeSync(file);
  }
  return newlines;
}

async function countWithDuckDb(): Promise<{ events: number; distinct: number }> {
  const instance = await DuckDBInstance.create(":memory:", { threads: String(args.threads) });
  const connection = await instance.connect();
  const path = args.path.replaceAll("'", "''");
  const source =
    args.method === "duckdb-columns"
      ? `read_ndjson('${path}', columns = {winlog: 'STRUCT(computer_name VARCHAR, event_id VARCHAR, event_data STRUCT(TargetDomainName VARCHAR, TargetUserName VARCHAR, WorkstationName VARCHAR))'})`
      : `read_json_auto('${path}', format = 'newline_delimited')`;
  const reader = await connection.runAndReadAll(
    `SELECT COUNT(*) AS events,
            COUNT(DISTINCT (winlog.event_data.TargetDomainName, winlog.event_data.TargetUserName,
                            winlog.event_data.WorkstationName, winlog.computer_name))
              FILTER (WHERE winlog.event_id = '4624') AS distinct_accesses
       FROM ${source}`,
  );
  const [events, distinct] = reader.getRows()[0] as [bigint, bigint];
  connection.closeSync();
  instance.closeSync();
  return { events: Number(events), distinct: Number(distinct) };
}

/**
 * The accesses a user pushes to DuckDB (docs/audit-at-scale.md's query: the same logon rules, first and last
 * seen, counts) over the Winlogbeat file, written as the CSV `calwise audit --accesses` reads; its rows.
 */
async function writeAccessesWithDuckDb(): Promise<{ events: number; distinct: number }> {
  if (args.query === undefined || args.output === undefined)
    throw new Error("duckdb-accesses needs the query and an output path");
  const instance = await DuckDBInstance.create(":memory:", { threads: String(args.threads) });
  const connection = await instance.connect();
  await connection.run(winlogbeatEventsView(args.path));
  const output = args.output.replaceAll("'", "''");
  const reader = await connection.runAndReadAll(`COPY (${args.query}) TO '${output}' (HEADER)`);
  const [rows] = reader.getRows()[0] as [bigint];
  connection.closeSync();
  instance.closeSync();
  return { events: 0, distinct: Number(rows) };
}
