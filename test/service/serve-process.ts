import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { root } from "../cli/run-cli.ts";

export { findFreePort } from "@calwise/storage/testing";

/** A real `calwise serve` child process. */
export interface ServeProcess {
  readonly url: string;
  readonly pid: number;
  readonly port: number;
  /** Its peak resident memory so far (VmHWM from /proc), in bytes. */
  readPeakRss(): number;
  /** Sends a signal and waits for the process to exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Everything it logged, for failure messages. */
  output(): string;
}

/**
 * Starts `calwise serve` as a user does (the bin script, a child process) on `port` with its data in
 * `dataDir` (and on `databaseUrl`'s PostgreSQL when given), and resolves once it logs "listening".
 */
export function startServeProcess(options: {
  readonly dataDir: string;
  readonly port: number;
  readonly databaseUrl?: string;
  readonly args?: readonly string[];
}): Promise<ServeProcess> {
  const { DATABASE_URL: _url, CALWISE_DATA_DIR: _dir, ...env } = process.env;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      `${root}/apps/cli/bin/calwise.js`,
      "serve",
      "--port",
      String(options.port),
      "--data-dir",
      options.dataDir,
      ...(options.args ?? []),
    ],
    {
      env: { ...env, ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}) },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('"msg":"listening"') && child.pid !== undefined) {
        const pid = child.pid;
        resolve({
          url: `http://127.0.0.1:${options.port}`,
          pid,
          port: options.port,
          readPeakRss: () => readPeakRss(pid),
          kill: async (signal) => {
            child.kill(signal);
            await exited;
          },
          output: () => output,
        });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      reject(new Error(`calwise serve exited (${code ?? signal}) before listening:\n${output}`)),
    );
  });
}

function readPeakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kilobytes = Number(status.match(/^VmHWM:\s+(\d+) kB/m)?.[1]);
  if (!Number.isFinite(kilobytes)) throw new Error(`no VmHWM for process ${pid}`);
  return kilobytes * 1024;
}

/** A signed-in client of a running server: fetch with the session cookie and CSRF header. */
export async function signInOver(
  url: string,
  account: { readonly slug: string; readonly email: string; readonly password: string },
) {
  const r = await fetch(`${url}/v1/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      organisation: account.slug,
      email: account.email,
      password: account.password,
    }),
  });
  if (r.status !== 200) throw new Error(`sign-in answered ${r.status}: ${await r.text()}`);
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return (path: string, init: RequestInit = {}) =>
    fetch(`${url}${path}`, {
      ...init,
      headers: { cookie, "x-csrf-token": csrfToken, ...(init.headers as object) },
    });
}
