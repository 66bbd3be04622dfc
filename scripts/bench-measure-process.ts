// Runs a Node program the way a user runs it (`node <script> <args>`, a fresh process, output to a file)
// and measures it the way /usr/bin/time does: wall time, user and system CPU and the peak resident set of
// that process itself, worker threads included. A module preloaded with --import writes the process's own
// process.resourceUsage() to a file when it exits; nothing else is added to the measured process.
import { spawn } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { benchDataDirectory, type ChildStatus, classifyFailure } from "./bench-child-process.ts";

/** What one measured process took. CPU and peak are NaN when it died before its exit handler ran. */
export interface MeasuredRun {
  readonly status: ChildStatus;
  readonly exitCode: number | null;
  readonly wallSeconds: number;
  /** User + system CPU seconds of the process (all its threads). */
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
  /** The last lines of its standard error, for a failure's reason. */
  readonly detail: string;
}

/** What the preloaded module reports: process.resourceUsage()'s fields that matter here. */
export interface ResourceUsage {
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
}

/**
 * Reads the preloaded module's report (the JSON of process.resourceUsage(): CPU times in microseconds,
 * maxRSS in KiB, as Linux's getrusage gives them); undefined when the text is not such a report.
 */
export function parseResourceUsage(text: string): ResourceUsage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const { userCPUTime, systemCPUTime, maxRSS } = value as Record<string, unknown>;
  if (typeof userCPUTime !== "number" || typeof systemCPUTime !== "number") return undefined;
  if (typeof maxRSS !== "number") return undefined;
  return { cpuSeconds: (userCPUTime + systemCPUTime) / 1e6, peakRssMb: maxRSS / 1024 };
}

const usageVariable = "CALWISE_BENCH_USAGE_FILE";

/** Writes (once) the module that reports the process's resource usage at exit, and returns its path. */
function writeUsageReporter(): string {
  mkdirSync(benchDataDirectory, { recursive: true });
  const path = join(benchDataDirectory, "report-resource-usage.mjs");
  writeFileSync(
    path,
    [
      'import { writeFileSync } from "node:fs";',
      `const target = process.env.${usageVariable};`,
      'if (target) process.on("exit", () => writeFileSync(target, JSON.stringify(process.resourceUsage())));',
      "",
    ].join("\n"),
  );
  return path;
}

/** How to run one measured process. */
export interface MeasuredRunOptions {
  /** Where its standard output goes (a file, as a user redirects it); discarded when absent. */
  readonly stdoutFile?: string;
  readonly timeoutMs: number;
  /** Exit codes that mean it did its work (calwise exits 1 when a deployment is not compliant). */
  readonly okExitCodes?: readonly number[];
}

/** Runs `node <script> <args>` measured; never throws for the program's own failure. */
export function runMeasuredProcess(
  script: string,
  args: readonly string[],
  options: MeasuredRunOptions,
): Promise<MeasuredRun> {
  const reporter = writeUsageReporter();
  const usageFile = join(benchDataDirectory, `usage-${process.pid}-${Date.now()}.json`);
  rmSync(usageFile, { force: true });
  const stdout = options.stdoutFile === undefined ? "ignore" : openSync(options.stdoutFile, "w");
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", reporter, script, ...args], {
      stdio: ["ignore", stdout, "pipe"],
      env: { ...process.env, [usageVariable]: usageFile },
    });
    if (typeof stdout === "number") closeSync(stdout);
    let stderr = "";
    child.stderr?.on("data", (piece: Buffer) => {
      stderr = (stderr + piece.toString()).slice(-4000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      const wallSeconds = (performance.now() - started) / 1000;
      const usage = existsSync(usageFile)
        ? parseResourceUsage(readFileSync(usageFile, "utf8"))
        : undefined;
      rmSync(usageFile, { force: true });
      const detail = stderr.trim().split("\n").slice(-3).join(" ");
      const ok = code !== null && (options.okExitCodes ?? [0]).includes(code);
      done({
        status: timedOut ? "timeout" : ok && usage !== undefined ? "ok" : classifyFailure(detail),
        exitCode: code,
        wallSeconds,
        cpuSeconds: usage?.cpuSeconds ?? Number.NaN,
        peakRssMb: usage?.peakRssMb ?? Number.NaN,
        detail: timedOut ? `> ${options.timeoutMs / 1000} s` : `exit ${code}: ${detail}`,
      });
    });
  });
}
