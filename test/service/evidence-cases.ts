import assert from "node:assert/strict";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { createJobWorker, hashPassword } from "@calwise/http-api";
import { loadHighsSolver } from "@calwise/node-files";
import type { Store } from "@calwise/storage";
import pino from "pino";
import { scratchDirectory } from "../scratch-directory.ts";
import { entitlementsCsv, logonText, ownedDeployment, runCliAudit } from "./evidence-fixtures.ts";
import {
  asSession,
  createAccount,
  createTestApi,
  password,
  type ServiceHarness,
  signIn,
  type TestSession,
} from "./service-harness.ts";

type TestApi = ReturnType<typeof createTestApi>;

export interface JobView {
  id: string;
  state: string;
  progress: { done: number; total: number | null };
  auditId: string | null;
  error: { code: string } | null;
  attempts: number;
}

/** A raw-body upload as a script sends it (`curl --data-binary @file`). */
export function uploadRaw(
  session: TestSession,
  body: BodyInit,
  headers: Record<string, string> = {},
): RequestInit {
  return {
    method: "POST",
    headers: {
      cookie: session.cookie,
      "x-csrf-token": session.csrf,
      "content-type": "application/octet-stream",
      ...headers,
    },
    body,
  };
}

/** An API with a job worker over the same store and data directory, as `calwise serve` runs them. */
export function startService(store: Store) {
  const dataDir = scratchDirectory("calwise-evidence-");
  const worker = createJobWorker({
    store,
    catalog: loadCatalog(),
    dataDir,
    logger: pino({ level: "silent" }),
    instance: `test-${process.pid}`,
    loadSolver: () => loadHighsSolver(),
    heartbeatMs: 50,
    sweepMs: 200,
  });
  const app = createTestApi(store, { dataDir, jobs: worker });
  return { app, worker, dataDir };
}

/** Polls `GET /v1/jobs/{id}` until the job has ended. */
export async function waitForJob(app: TestApi, session: TestSession, id: string): Promise<JobView> {
  for (;;) {
    const job = (await (await app.request(`/v1/jobs/${id}`, asSession(session))).json()) as JobView;
    if (job.state === "succeeded" || job.state === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A customer with its estate stored as a deployment and its purchases imported from CSV. */
async function createAuditedCustomer(app: TestApi, s: TestSession) {
  const post = async (path: string, body: unknown) =>
    (await (await app.request(path, asSession(s, "POST", body))).json()) as {
      id: string;
      deploymentId: string;
    };
  const customer = await post("/v1/customers", { name: "Audited" });
  const evaluation = await post("/v1/evaluations", {
    deployment: ownedDeployment,
    customerId: customer.id,
  });
  const imported = await app.request(`/v1/customers/${customer.id}/entitlements`, {
    ...uploadRaw(s, entitlementsCsv),
    headers: { cookie: s.cookie, "x-csrf-token": s.csrf, "content-type": "text/csv" },
  });
  assert.equal(imported.status, 201, await imported.clone().text());
  return { customerId: customer.id, deploymentId: evaluation.deploymentId };
}

/** Evidence uploads as durable jobs, stored audits, and entitlements imported from CSV. */
export function defineEvidenceCases(harness: ServiceHarness): void {
  test("the evidence, job, audit and entitlement routes are in /openapi.json", async () => {
    const doc = (await (await createTestApi(harness.store()).request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m} ${path}`),
    );
    for (const route of [
      "post /v1/customers/{id}/evidence",
      "get /v1/jobs/{id}",
      "get /v1/jobs/{id}/events",
      "get /v1/audits/{id}",
      "get /v1/customers/{id}/audits",
      "post /v1/customers/{id}/entitlements",
      "get /v1/customers/{id}/entitlements",
    ])
      assert.ok(routes.includes(route), route);
  });

  test("an uploaded Winlogbeat file is audited by the job worker to what `calwise audit --json` prints, with the customer's deployment and entitlements as owned", async () => {
    const store = harness.store();
    const { app, worker } = startService(store);
    await worker.start();
    try {
      const { org, user } = await createAccount(store, "owner");
      const s = await signIn(app, org.slug, user.email);
      const { customerId, deploymentId } = await createAuditedCustomer(app, s);
      const text = logonText(400);
      const r = await app.request(
        `/v1/customers/${customerId}/evidence?fileName=security.ndjson&deploymentId=${deploymentId}`,
        uploadRaw(s, text),
      );
      assert.equal(r.status, 202, await r.clone().text());
      const accepted = (await r.json()) as {
        upload: { id: string; sizeBytes: number; format: string; fileName: string };
        job: JobView;
        replayed: boolean;
      };
      assert.deepEqual(
        [accepted.upload.format, accepted.upload.sizeBytes, accepted.replayed],
        ["winlogbeat-jsonl", Buffer.byteLength(text), false],
      );
      assert.equal(r.headers.get("location"), `/v1/jobs/${accepted.job.id}`);
      const job = await waitForJob(app, s, accepted.job.id);
      assert.equal(job.state, "succeeded", JSON.stringify(job.error));
      assert.equal(job.progress.done, Buffer.byteLength(text));
      const audit = (await (
        await app.request(`/v1/audits/${job.auditId}`, asSession(s))
      ).json()) as { result: { evaluation: { families: unknown[] } }; customerId: string };
      assert.equal(audit.customerId, customerId);

      const evidence = join(scratchDirectory("calwise-evidence-file-"), "e.ndjson");
      writeFileSync(evidence, text);
      const cli = runCliAudit(evidence);
      assert.equal(cli.stderr, "");
      assert.deepEqual(audit.result, cli.result, "the API and the CLI agree");
      const actions = (await store.auditLog.list(org.id)).map((e) => e.action).sort();
      assert.ok(actions.includes("evidence.upload") && actions.includes("entitlement.import"));
    } finally {
      await worker.stop();
    }
  });

  test("a customer's audits are listed newest first with their files, the deployment revision and the position; other organisations and customers get 404", async () => {
    const store = harness.store();
    const { app, worker } = startService(store);
    await worker.start();
    try {
      const { org, user } = await createAccount(store, "owner", "audit-list");
      const s = await signIn(app, org.slug, user.email);
      const { customerId, deploymentId } = await createAuditedCustomer(app, s);
      const list = async (session: TestSession, id = customerId) =>
        app.request(`/v1/customers/${id}/audits`, asSession(session));
      assert.deepEqual(await (await list(s)).json(), { audits: [] });
      const auditIds: string[] = [];
      for (const [fileName, users] of [
        ["first.ndjson", 2],
        ["second.ndjson", 5],
      ] as const) {
        const r = await app.request(
          `/v1/customers/${customerId}/evidence?fileName=${fileName}&deploymentId=${deploymentId}`,
          uploadRaw(s, logonText(30, users)),
        );
        assert.equal(r.status, 202, await r.clone().text());
        const job = await waitForJob(app, s, ((await r.json()) as { job: JobView }).job.id);
        auditIds.push(job.auditId ?? "");
      }
      const listed = (await (await list(s)).json()) as {
        audits: {
          id: string;
          files: string[];
          deployment: { id: string | null; name: string; revision: number | null } | null;
          compliant: boolean;
          calsShort: number;
        }[];
      };
      assert.deepEqual(
        listed.audits.map((a) => [a.id, a.files, a.deployment]),
        [
          [auditIds[1], ["second.ndjson"], { id: deploymentId, name: "owned", revision: 1 }],
          [auditIds[0], ["first.ndjson"], { id: deploymentId, name: "owned", revision: 1 }],
        ],
      );
      // The position is the stored audit's own: compliant, or how many CALs it is short.
      for (const a of listed.audits) {
        const stored = (await (await app.request(`/v1/audits/${a.id}`, asSession(s))).json()) as {
          result: {
            evaluation: {
              compliant: boolean;
              families: { required: { shortfall: number }[] }[];
            };
          };
        };
        const short = stored.result.evaluation.families
          .flatMap((f) => f.required)
          .reduce((sum, r) => sum + r.shortfall, 0);
        assert.deepEqual([a.compliant, a.calsShort], [stored.result.evaluation.compliant, short]);
      }
      // 3 user CALs owned: 2 users are covered, 5 are 2 short.
      assert.deepEqual(
        listed.audits.map((a) => [a.compliant, a.calsShort]),
        [
          [false, 2],
          [true, 0],
        ],
      );
      const other = await createAccount(store, "owner", "audit-list-other");
      const b = await signIn(app, other.org.slug, other.user.email);
      assert.equal((await list(b)).status, 404, "another organisation");
      const customerUser = await store.users.create(org.id, {
        email: "own-record@example.com",
        displayName: "customer",
        role: "customer",
        customerId: (await store.customers.create(org.id, { name: "Elsewhere" })).id,
        passwordHash: await hashPassword(password),
      });
      const c = await signIn(app, org.slug, customerUser.email);
      assert.equal((await list(c)).status, 404, "a customer user of another customer");
      assert.equal((await app.request(`/v1/customers/${customerId}/audits`)).status, 401);
    } finally {
      await worker.stop();
    }
  });

  test("the same file twice, multipart or raw, or the same Idempotency-Key twice, is one upload, one job, one audit", async () => {
    const store = harness.store();
    const { app, worker, dataDir } = startService(store);
    const { org, user } = await createAccount(store, "auditor");
    const s = await signIn(app, org.slug, user.email);
    const customer = await store.customers.create(org.id, { name: "Twice" });
    const { deployment } = await store.deployments.create(org.id, {
      name: "owned",
      customerId: customer.id,
      document: ownedDeployment,
    });
    const path = `/v1/customers/${customer.id}/evidence?deploymentId=${deployment.id}`;
    const text = logonText(20);
    const first = await app.request(
      `${path}&fileName=a.ndjson`,
      uploadRaw(s, text, { "idempotency-key": "upload-1" }),
    );
    assert.equal(first.status, 202, await first.clone().text());
    const a = (await first.json()) as { job: JobView; upload: { id: string } };
    const form = new FormData();
    form.append("file", new Blob([text]), "b.ndjson");
    const multipart = await app.request(path, {
      method: "POST",
      headers: { cookie: s.cookie, "x-csrf-token": s.csrf },
      body: form,
    });
    assert.equal(multipart.status, 202, await multipart.clone().text());
    const b = (await multipart.json()) as {
      job: JobView;
      upload: { id: string };
      replayed: boolean;
    };
    assert.deepEqual([b.job.id, b.upload.id, b.replayed], [a.job.id, a.upload.id, true]);
    const again = await app.request(
      `${path}&fileName=a.ndjson`,
      uploadRaw(s, text, { "idempotency-key": "upload-1" }),
    );
    assert.equal(((await again.json()) as { job: JobView }).job.id, a.job.id);
    const reused = await app.request(
      `${path}&fileName=c.ndjson`,
      uploadRaw(s, logonText(21), { "idempotency-key": "upload-1" }),
    );
    assert.equal(reused.status, 409, "the same key with another file");
    assert.equal((await store.jobs.list(org.id)).length, 1);
    assert.equal((await store.evidenceUploads.list(org.id)).length, 1);
    assert.deepEqual(readdirSync(join(dataDir, "uploads", org.id)).length, 1);
    assert.deepEqual(
      readdirSync(join(dataDir, "uploads", "incoming")),
      [],
      "no temporary file left",
    );

    await worker.start();
    try {
      assert.equal((await waitForJob(app, s, a.job.id)).state, "succeeded");
    } finally {
      await worker.stop();
    }
    assert.equal((await store.auditResults.list(org.id)).length, 1);
  });

  test("uploads are refused with problem details: not evidence (400), too large (413), stalled (408), no name (400)", async () => {
    const store = harness.store();
    const dataDir = scratchDirectory("calwise-limits-");
    const app = createTestApi(store, {
      dataDir,
      uploadLimits: { maxBytes: 1000, idleMs: 300, totalMs: 60_000 },
    });
    const { org, user } = await createAccount(store, "owner");
    const s = await signIn(app, org.slug, user.email);
    const customer = await store.customers.create(org.id, { name: "Limits" });
    const path = `/v1/customers/${customer.id}/evidence`;
    const code = async (r: Response) => [r.status, ((await r.json()) as { code: string }).code];
    assert.deepEqual(
      await code(await app.request(`${path}?fileName=x.txt`, uploadRaw(s, "hello\n"))),
      [400, "INPUT_UNREADABLE"],
    );
    assert.deepEqual(
      await code(await app.request(`${path}?fileName=x.ndjson`, uploadRaw(s, logonText(10)))),
      [413, "PAYLOAD_TOO_LARGE"],
    );
    assert.deepEqual(await code(await app.request(path, uploadRaw(s, logonText(1)))), [
      400,
      "INPUT_INVALID",
    ]);
    assert.deepEqual(
      await code(
        await app.request(`${path}?fileName=../../etc/passwd`, uploadRaw(s, logonText(1))),
      ),
      [400, "INPUT_INVALID"],
    );
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(logonText(1)));
        // …and nothing more, ever.
      },
    });
    const timedOut = await app.request(`${path}?fileName=slow.ndjson`, {
      ...uploadRaw(s, stalled),
      duplex: "half",
    } as RequestInit);
    assert.deepEqual(await code(timedOut), [408, "REQUEST_TIMEOUT"]);
    assert.deepEqual(readdirSync(join(dataDir, "uploads", "incoming")), [], "nothing left behind");
    assert.deepEqual(await store.evidenceUploads.list(org.id), []);
  });

  test("entitlements: a CSV with a bad row imports nothing and locates every problem; the same file twice imports once", async () => {
    const store = harness.store();
    const app = createTestApi(store);
    const { org, user } = await createAccount(store, "sales");
    const s = await signIn(app, org.slug, user.email);
    const customer = await store.customers.create(org.id, { name: "Buyer" });
    const path = `/v1/customers/${customer.id}/entitlements`;
    const csv = (text: string, headers: Record<string, string> = {}): RequestInit => ({
      method: "POST",
      headers: { cookie: s.cookie, "x-csrf-token": s.csrf, "content-type": "text/csv", ...headers },
      body: text,
    });
    const bad = await app.request(
      path,
      csv(
        "invoice,family,version,type,quantity,amount,currency\n" +
          "INV-7,ws-cal,2012,user,5,20000,EUR\n" +
          "INV-8,no-such-cal,2012,user,5,,\n" +
          ",ws-cal,2012,user,0,19.99,EUR\n",
      ),
    );
    assert.equal(bad.status, 400);
    const problems = ((await bad.json()) as { problems: { line: number; column: number }[] })
      .problems;
    assert.deepEqual(
      problems.map((p) => `${p.line}:${p.column}`),
      ["3:7", "4:19", "4:1", "4:21"],
    );
    assert.deepEqual(await store.entitlements.list(org.id), [], "one bad row imports nothing");

    const good =
      "invoice,date,family,version,type,quantity\nINV-9,2026-01-31,ws-cal,2012,device,10\n";
    const first = await app.request(path, csv(good));
    assert.equal(first.status, 201, await first.clone().text());
    const again = await app.request(path, csv(good, { "idempotency-key": "csv-1" }));
    assert.deepEqual(await again.json(), await first.json(), "replayed, not imported twice");
    const listed = (await (await app.request(path, asSession(s))).json()) as {
      entitlements: { sku: string; quantity: number; invoiceReference: string; type: string }[];
    };
    assert.deepEqual(
      listed.entitlements.map((e) => [e.sku, e.quantity, e.invoiceReference, e.type]),
      [["ws-cal", 10, "INV-9", "device"]],
    );
  });

  test("job progress as server-sent events ends with the succeeded job; another organisation gets 404 on every evidence id", async () => {
    const store = harness.store();
    const { app, worker } = startService(store);
    await worker.start();
    try {
      const first = await createAccount(store, "owner", "evidence-a");
      const second = await createAccount(store, "owner", "evidence-b");
      const a = await signIn(app, first.org.slug, first.user.email);
      const b = await signIn(app, second.org.slug, second.user.email);
      const { customerId, deploymentId } = await createAuditedCustomer(app, a);
      const r = await app.request(
        `/v1/customers/${customerId}/evidence?fileName=e.ndjson&deploymentId=${deploymentId}`,
        uploadRaw(a, logonText(300)),
      );
      const { job, upload } = (await r.json()) as { job: JobView; upload: { id: string } };
      const events = await (await app.request(`/v1/jobs/${job.id}/events`, asSession(a))).text();
      const states = [...events.matchAll(/^data: (.*)$/gm)].map(
        (m) => (JSON.parse(m[1] as string) as JobView).state,
      );
      assert.equal(states.at(-1), "succeeded", events);
      const done = await waitForJob(app, a, job.id);
      const entitlement = (await store.entitlements.list(first.org.id))[0]?.id ?? "";
      const ids = [customerId, job.id, done.auditId ?? "", upload.id, entitlement];
      for (const path of [
        "/v1/jobs/{id}",
        "/v1/jobs/{id}/events",
        "/v1/audits/{id}",
        "/v1/customers/{id}/entitlements",
      ])
        for (const id of ids)
          assert.equal(
            (await app.request(path.replace("{id}", id), asSession(b))).status,
            404,
            `${path} ${id}`,
          );
      for (const id of ids) {
        const upload = await app.request(
          `/v1/customers/${id}/evidence?fileName=x.ndjson`,
          uploadRaw(b, logonText(5)),
        );
        assert.equal(upload.status, 404);
        const csv = await app.request(`/v1/customers/${id}/entitlements`, {
          method: "POST",
          headers: { cookie: b.cookie, "x-csrf-token": b.csrf, "content-type": "text/csv" },
          body: entitlementsCsv,
        });
        assert.equal(csv.status, 404);
      }
      assert.deepEqual(await store.jobs.list(second.org.id), []);
    } finally {
      await worker.stop();
    }
  });
}
