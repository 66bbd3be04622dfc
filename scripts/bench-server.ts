// The server section of `npm run bench` (issue 12): autocannon against `calwise serve` on 127.0.0.1,
// bounded in time: evaluations of the 75-user example (POST /v1/evaluations: evaluate and store) and
// reads of a stored audit (GET /v1/audits/{id}), on SQLite and on a throwaway PostgreSQL, beside a bare
// Hono handler (the ceiling) measured in the same run. Each server is a child process of its own.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "@calwise/storage";
import { findFreePort, startThrowawayPostgres } from "@calwise/storage/testing";
import autocannon from "autocannon";
import { parse } from "yaml";
import { logonText, ownedDeployment } from "../test/service/evidence-fixtures.ts";
import { type ServeProcess, startServeProcess } from "../test/service/serve-process.ts";
import { createAccount } from "../test/service/service-harness.ts";
import { createBenchToken } from "./bench-fixtures.ts";
import { formatCount, formatMs, renderTable, verdict } from "./bench-markdown.ts";

/** One autocannon run: requests per second (mean) and latency percentiles. */
interface Load {
  readonly name: string;
  readonly store: string;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

const connections = 10;

function runAutocannon(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) =>
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result))),
  );
}

async function measure(
  name: string,
  store: string,
  seconds: number,
  options: autocannon.Options,
): Promise<Load> {
  process.stderr.write(`server: ${name} on ${store}\n`);
  // A short warm-up (JIT, connection pools, page cache) that is not counted.
  await runAutocannon({ ...options, connections, duration: 1 });
  const result = await runAutocannon({ ...options, connections, duration: seconds });
  return {
    name,
    store,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

function example75(): unknown {
  const root = new URL("..", import.meta.url).pathname;
  const deployment = parse(readFileSync(`${root}/examples/sbs-75-users.yaml`, "utf8")) as object;
  const prices = parse(readFileSync(`${root}/examples/prices-example.yaml`, "utf8")) as unknown;
  return { deployment: { ...deployment, prices } };
}

function startBare(port: number): Promise<{ url: string; stop(): void }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", new URL("./bench-server-bare.ts", import.meta.url).pathname, String(port)],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      if (String(chunk).includes("listening"))
        resolve({ url: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGKILL") });
    });
    child.once("exit", (code) => reject(new Error(`the bare server exited with ${code}`)));
  });
}

/** Signs in over HTTP and makes an API token, so the load needs no cookie or CSRF header. */
async function prepareTenant(server: ServeProcess, location: string) {
  const store = await openStore({ location });
  try {
    const { org, user } = await createAccount(store, "owner", "bench");
    const customer = await store.customers.create(org.id, { name: "Bench" });
    const { deployment } = await store.deployments.create(org.id, {
      name: "owned",
      customerId: customer.id,
      document: ownedDeployment,
    });
    const authorization = await createBenchToken(
      (path, init) => fetch(`${server.url}${path}`, init),
      org.slug,
      user.email,
    );
    const uploaded = await fetch(
      `${server.url}/v1/customers/${customer.id}/evidence?fileName=bench.ndjson&deploymentId=${deployment.id}`,
      {
        method: "POST",
        headers: { authorization, "content-type": "application/octet-stream" },
        body: logonText(2000, 40),
      },
    );
    const { job } = (await uploaded.json()) as { job: { id: string } };
    for (;;) {
      const state = (await (
        await fetch(`${server.url}/v1/jobs/${job.id}`, { headers: { authorization } })
      ).json()) as { state: string; auditId: string | null };
      if (state.state === "succeeded" && state.auditId !== null)
        return { authorization, auditId: state.auditId };
      if (state.state === "failed") throw new Error("the bench audit failed");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await store.close();
  }
}

async function measureStore(
  store: "SQLite" | "PostgreSQL",
  seconds: number,
  dataDir: string,
  databaseUrl?: string,
): Promise<Load[]> {
  const server = await startServeProcess({
    dataDir,
    port: await findFreePort(),
    ...(databaseUrl ? { databaseUrl } : {}),
  });
  try {
    const { authorization, auditId } = await prepareTenant(server, databaseUrl ?? dataDir);
    const evaluate = await measure(
      "POST /v1/evaluations (75 users, evaluated and stored)",
      store,
      seconds,
      {
        url: `${server.url}/v1/evaluations`,
        method: "POST",
        headers: { authorization, "content-type": "application/json" },
        body: JSON.stringify(example75()),
      },
    );
    const read = await measure("GET /v1/audits/{id} (stored audit)", store, seconds, {
      url: `${server.url}/v1/audits/${auditId}`,
      headers: { authorization },
    });
    return [evaluate, read];
  } finally {
    await server.kill("SIGTERM");
  }
}

/** Runs the server section; `seconds` bounds each measured run (plus one second of warm-up). */
export async function runServerBenchmarks(
  seconds: number,
): Promise<{ markdown: string; targets: string[][] }> {
  const bare = await startBare(await findFreePort());
  const ceiling = await measure("GET /bare (bare Hono handler)", "none", seconds, {
    url: `${bare.url}/bare`,
  }).finally(() => bare.stop());
  const sqliteDir = mkdtempSync(join(tmpdir(), "calwise-bench-server-"));
  const postgresDir = mkdtempSync(join(tmpdir(), "calwise-bench-server-pg-"));
  const cluster = await startThrowawayPostgres();
  try {
    const loads = [
      ceiling,
      ...(await measureStore("SQLite", seconds, sqliteDir)),
      ...(await measureStore("PostgreSQL", seconds, postgresDir, cluster.url)),
    ];
    const evaluations = loads.filter((l) => l.name.startsWith("POST /v1/evaluations"));
    const reads = loads.filter((l) => l.name.startsWith("GET /v1/audits"));
    const targets = [
      ...evaluations.map((l) => [
        `${l.store}: ≥ 2,000 evaluations/s with p99 < 25 ms (${cpus().length} cores)`,
        `${formatCount(l.perSecond)}/s, p99 ${formatMs(l.p99)} ms`,
        verdict(l.perSecond >= 2000 && l.p99 < 25),
      ]),
      ...reads.map((l) => [
        `${l.store}: stored reads ≥ half the bare handler`,
        `${formatCount(l.perSecond)}/s of ${formatCount(ceiling.perSecond)}/s`,
        verdict(l.perSecond >= ceiling.perSecond / 2),
      ]),
    ];
    const markdown = [
      "## Server (issue 12)",
      "",
      `autocannon 8.0.0, ${connections} connections, ${seconds} s per row after a 1 s warm-up, against`,
      "`calwise serve` (the esbuild bundle, one Node process, pino logging every request to a pipe) on",
      "127.0.0.1; the load generator shares the machine's cores with the server. Evaluations are",
      "`POST /v1/evaluations` with `examples/sbs-75-users.yaml` and its price list inline (validated,",
      "evaluated and stored as a deployment revision and an evaluation, with an audit log entry, in one",
      "transaction); stored reads are `GET /v1/audits/{id}` of an audit of 2,000 logons (authenticated by",
      "API token). PostgreSQL is a throwaway local cluster (fsync off).",
      "",
      renderTable(
        ["request", "store", "requests/s", "p50 ms", "p99 ms", "errors"],
        loads.map((l) => [
          l.name,
          l.store,
          formatCount(l.perSecond),
          formatMs(l.p50),
          formatMs(l.p99),
          String(l.errors),
        ]),
        ["l", "l", "r", "r", "r", "r"],
      ),
      "",
      renderTable(["target", "measured", "verdict"], targets, ["l", "r", "l"]),
    ].join("\n");
    return { markdown, targets };
  } finally {
    await cluster.stop();
    rmSync(sqliteDir, { recursive: true, force: true });
    rmSync(postgresDir, { recursive: true, force: true });
  }
}
