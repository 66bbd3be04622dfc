// Where a request's time goes, without the network: the API in-process (as `calwise serve` composes it, on
// SQLite, pino writing JSON lines to /dev/null), one kind of request sent `count` times in a loop through
// `app.request`, each awaited (one client), after a warm-up. Prints the CPU time per request of each kind (the machine is shared: wall time is stretched by others). Run under
// `node --cpu-prof --import tsx scripts/profile-server-requests.ts [kind] [count]` to see the profile
// (kinds: point-of-sale, point-of-sale-repeat, evaluation, audit, customers, bare, all).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCatalog } from "@calwise/catalog";
import { createApi, createJobWorker } from "@calwise/http-api";
import { openStore } from "@calwise/storage";
import { Hono } from "hono";
import pino from "pino";
import { parse } from "yaml";
import { logonText, ownedDeployment } from "../test/service/evidence-fixtures.ts";
import { createAccount } from "../test/service/service-harness.ts";
import { createBenchToken, pointOfSalePriceList } from "./bench-fixtures.ts";

const kind = process.argv[2] ?? "all";
const count = Number(process.argv[3] ?? 2000);
const root = new URL("..", import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), "calwise-profile-"));
const store = await openStore({ location: dataDir });
const catalog = loadCatalog();
const logger = pino(pino.destination({ dest: "/dev/null", sync: false }));
const worker = createJobWorker({ store, catalog, dataDir, logger, instance: "profile" });
const bare = new Hono();
bare.get("/bare", (c) => c.json({ status: "ok" }));
const app = createApi({
  catalog,
  logger,
  store,
  dataDir,
  jobs: worker,
  ready: async () => true,
  now: () => new Date(),
});

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await app.request(path, init);
  if (response.status >= 300)
    throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response;
}

try {
  await worker.start();
  const { org, user } = await createAccount(store, "owner", "profile");
  const authorization = await createBenchToken(call, org.slug, user.email);
  const json = { authorization, "content-type": "application/json" };
  const prices = parse(readFileSync(`${root}/examples/prices-example.yaml`, "utf8")) as unknown;
  await call("/v1/price-lists", {
    method: "POST",
    headers: json,
    body: JSON.stringify(pointOfSalePriceList),
  });
  const customer = await store.customers.create(org.id, { name: "Profile" });
  const { deployment } = await store.deployments.create(org.id, {
    name: "owned",
    customerId: customer.id,
    document: ownedDeployment,
  });
  const uploaded = await call(
    `/v1/customers/${customer.id}/evidence?fileName=p.ndjson&deploymentId=${deployment.id}`,
    {
      method: "POST",
      headers: { authorization, "content-type": "application/octet-stream" },
      body: logonText(2000, 40),
    },
  );
  const { job } = (await uploaded.json()) as { job: { id: string } };
  let auditId: string | null = null;
  while (auditId === null) {
    const state = (await (
      await call(`/v1/jobs/${job.id}`, { headers: { authorization } })
    ).json()) as {
      state: string;
      auditId: string | null;
    };
    if (state.state === "failed") throw new Error("the audit failed");
    auditId = state.auditId;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const deployment75 = parse(readFileSync(`${root}/examples/sbs-75-users.yaml`, "utf8")) as object;
  const askPointOfSale = (users: number, devices: number) =>
    call("/v1/point-of-sale", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ product: "ws2025-standard", users, devices, sharedDevices: 3 }),
    });
  let asked = 0;
  const requests: Record<string, () => Promise<Response>> = {
    // A new question every time (1 to 100 staff on 3 to 102 devices): the engine answers each.
    "point-of-sale": () => {
      asked += 1;
      return askPointOfSale(1 + (asked % 100), 3 + Math.floor(asked / 100));
    },
    // The same question again (an agent typing back to a count asked before).
    "point-of-sale-repeat": () => askPointOfSale(12, 8),
    evaluation: () =>
      call("/v1/evaluations", {
        method: "POST",
        headers: json,
        body: JSON.stringify({ deployment: { ...deployment75, prices } }),
      }),
    audit: () => call(`/v1/audits/${auditId}`, { headers: { authorization } }),
    customers: () => call(`/v1/customers/${customer.id}`, { headers: { authorization } }),
    // The ceiling, as the server bench's: a bare Hono handler, no middleware, no store.
    bare: async () => bare.request("/bare"),
  };
  for (const [name, send] of Object.entries(requests)) {
    if (kind !== "all" && kind !== name) continue;
    for (let i = 0; i < Math.min(200, count); i++) await (await send()).arrayBuffer();
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 0; i < count; i++) await (await send()).arrayBuffer();
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    // CPU time is what the machine's other work does not stretch (it is shared); wall time is shown too.
    const cpuMs = (used.user + used.system) / 1000;
    console.log(
      `${name}: ${count} requests, CPU ${(cpuMs / count).toFixed(3)} ms each (${((count / cpuMs) * 1000).toFixed(0)}/s per core), wall ${(ms / count).toFixed(3)} ms each`,
    );
  }
} finally {
  await worker.stop();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
}
