// Runs one benchmark measurement in a fresh Node process, so its peak memory (maxRSS) is its own and a
// solver that hangs or runs out of memory is reported instead of taking the benchmark down with it.
// Entry points are bundled once by esbuild into .bench-data/ (git-ignored) and run by plain node:
// no TypeScript loader in the measured process, as with the bundled CLI.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { buildSync } from "esbuild";

/** How a child measurement ended. */
export type ChildStatus = "ok" | "timeout" | "out of memory" | "failed";

/** The outcome of one child: its reported result when it finished, else why not. */
export interface ChildOutcome<T> {
  readonly status: ChildStatus;
  readonly result?: T;
  readonly wallMs: number;
  readonly detail?: string;
}

import { resultPrefix } from "./bench-child-io.ts";

const repositoryRoot = resolve(import.meta.dirname, "..");
/** Where bundles and generated data live; .gitignore lists it. */
export const benchDataDirectory = join(repositoryRoot, ".bench-data");

/** Every package the workspace depends on but its own, and their subpaths (`name/*`). */
function thirdPartyPackages(): string[] {
  const manifests = [
    join(repositoryRoot, "package.json"),
    ...["packages", "apps"].flatMap((folder) =>
      readdirSync(join(repositoryRoot, folder)).map((name) =>
        join(repositoryRoot, folder, name, "package.json"),
      ),
    ),
  ].filter((path) => existsSync(path));
  const names = new Set<string>();
  for (const path of manifests) {
    const manifest = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
    for (const field of ["dependencies", "devDependencies", "optionalDependencies"])
      for (const name of Object.keys((manifest[field] as Record<string, string>) ?? {}))
        if (!name.startsWith("@calwise/")) names.add(name);
  }
  return [...names].flatMap((name) => [name, `${name}/*`]);
}

/**
 * Bundles a TypeScript entry point to .bench-data/bundles/<name>.mjs (third-party packages stay
 * external, workspace packages are bundled) and returns its path.
 */
export function bundleEntry(entry: string): string {
  const directory = join(benchDataDirectory, "bundles");
  mkdirSync(directory, { recursive: true });
  const outfile = join(directory, basename(entry).replace(/\.ts$/, ".mjs"));
  buildSync({
    entryPoints: [resolve(repositoryRoot, entry)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Third-party packages stay external; the workspace's own (@calwise/*, TypeScript sources that
    // plain Node 20 cannot load) are bundled in.
    external: thirdPartyPackages(),
    outfile,
    logLevel: "warning",
  });
  return outfile;
}

/**
 * Runs `node --expose-gc <bundle> <json args>` and waits for its RESULT line, killing it after
 * `timeoutMs`. Out-of-memory is recognised from the usual messages of V8 and of WebAssembly builds.
 */
export function runChild<T>(
  bundle: string,
  args: unknown,
  timeoutMs: number,
  nodeOptions: readonly string[] = [],
): Promise<ChildOutcome<T>> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      ["--expose-gc", ...nodeOptions, bundle, JSON.stringify(args)],
      { cwd: repositoryRoot, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (piece: Buffer) => {
      stdout += piece.toString();
    });
    child.stderr.on("data", (piece: Buffer) => {
      stderr = (stderr + piece.toString()).slice(-4000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      const line = stdout.split("\n").find((text) => text.startsWith(resultPrefix));
      if (timedOut) return done({ status: "timeout", wallMs, detail: `> ${timeoutMs / 1000} s` });
      if (line !== undefined) {
        const result = JSON.parse(line.slice(resultPrefix.length)) as T & { error?: string };
        if (typeof result.error === "string") {
          return done({ status: classifyFailure(result.error), wallMs, detail: result.error });
        }
        return done({ status: "ok", result, wallMs });
      }
      const message = stderr.trim().split("\n").slice(-3).join(" ");
      done({ status: classifyFailure(message), wallMs, detail: `exit ${code}: ${message}` });
    });
  });
}

/** How a child that gave no result ended, from its last words: out of memory, or another failure. */
export function classifyFailure(message: string): ChildStatus {
  return /out of memory|OOM|enlarge memory|allocation failed|heap limit|bad_alloc/i.test(message)
    ? "out of memory"
    : "failed";
}
