import assert from "node:assert/strict";
import { test } from "node:test";
import { auditSummaryBackfillStatement } from "../migrations/0010-audit-summaries.ts";
import { customerUploadBackfillStatement } from "../migrations/0011-customer-uploads.ts";
import { type ContractHarness, createTestOrganisation } from "./contract-harness.ts";

const upload = {
  fileName: "Security.evtx",
  storedPath: "uploads/ab/abcdef.evtx",
  sizeBytes: 5_000_000_000,
  contentHash: "abcdef",
  format: "evtx",
};
const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString();

/** Evidence uploads, durable jobs with leases, and stored audit results. */
export function defineEvidenceCases(harness: ContractHarness): void {
  test("evidence uploads: the same content twice is one upload", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "uploads");
    const first = await store.evidenceUploads.record(org.id, upload);
    const again = await store.evidenceUploads.record(org.id, { ...upload, fileName: "copy.evtx" });
    assert.equal(first.created, true);
    assert.equal(again.created, false);
    assert.deepEqual(again.upload, first.upload);
    assert.equal(first.upload.sizeBytes, 5_000_000_000);
    assert.deepEqual(await store.evidenceUploads.list(org.id), [first.upload]);
    assert.deepEqual(await store.evidenceUploads.get(org.id, first.upload.id), first.upload);
  });

  test("jobs: claimed once, progress by heartbeat, completed by the lease holder only", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "jobs");
    const job = await store.jobs.enqueue(org.id, {
      kind: "audit-evidence",
      input: { uploadId: "u1" },
    });
    assert.equal(job.state, "queued");
    const lease = { workerId: "worker-a", now: at(0), leaseMs: 30_000 };
    const claimed = await store.jobs.claim(org.id, lease);
    assert.equal(claimed?.id, job.id);
    assert.equal(claimed?.attempts, 1);
    assert.equal(claimed?.leaseExpiresAt, at(30));
    assert.equal(
      await store.jobs.claim(org.id, { ...lease, workerId: "worker-b", now: at(10) }),
      undefined,
    );
    assert.ok(
      await store.jobs.heartbeat(
        org.id,
        job.id,
        { ...lease, now: at(20) },
        { done: 40, total: 100 },
      ),
    );
    const running = await store.jobs.get(org.id, job.id);
    assert.deepEqual(
      [running?.progressDone, running?.progressTotal, running?.leaseExpiresAt],
      [40, 100, at(50)],
    );
    assert.equal(
      await store.jobs.complete(org.id, job.id, { ...lease, workerId: "worker-b" }, {}),
      false,
    );
    assert.ok(await store.jobs.complete(org.id, job.id, lease, { auditResultId: "r1" }));
    const done = await store.jobs.get(org.id, job.id);
    assert.deepEqual(
      [done?.state, done?.result, done?.leaseOwner],
      ["succeeded", { auditResultId: "r1" }, null],
    );
    assert.deepEqual(await store.jobs.list(org.id, { state: "succeeded" }), [done]);
  });

  test("jobs: a lease that expires (worker killed) is resumed by another worker; the old one is shut out", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "jobs-resume");
    const job = await store.jobs.enqueue(org.id, { kind: "audit-evidence", input: {} });
    const dead = { workerId: "killed", now: at(0), leaseMs: 10_000 };
    await store.jobs.claim(org.id, dead);
    await store.jobs.heartbeat(org.id, job.id, dead, { done: 7 });
    assert.equal(
      await store.jobs.claim(org.id, { workerId: "next", now: at(10), leaseMs: 10_000 }),
      undefined,
    );
    const resumed = await store.jobs.claim(org.id, {
      workerId: "next",
      now: at(11),
      leaseMs: 10_000,
    });
    assert.deepEqual([resumed?.id, resumed?.attempts, resumed?.progressDone], [job.id, 2, 7]);
    assert.equal(
      await store.jobs.heartbeat(org.id, job.id, { ...dead, now: at(12) }, { done: 8 }),
      false,
    );
    assert.equal(await store.jobs.fail(org.id, job.id, dead, { code: "late" }), false);
    assert.ok(
      await store.jobs.fail(
        org.id,
        job.id,
        { workerId: "next", now: at(12), leaseMs: 0 },
        { code: "x" },
      ),
    );
    assert.deepEqual((await store.jobs.get(org.id, job.id))?.error, { code: "x" });
  });

  test("jobs: a restarted instance re-queues the jobs it held at once; another instance's stay leased", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "jobs-requeue");
    const mine = await store.jobs.enqueue(org.id, { kind: "audit-evidence", input: { n: 1 } });
    const theirs = await store.jobs.enqueue(org.id, { kind: "audit-evidence", input: { n: 2 } });
    await store.jobs.claim(org.id, { workerId: "host-a:8080/boot-1", now: at(0), leaseMs: 60_000 });
    await store.jobs.claim(org.id, { workerId: "host-a:8081/boot-1", now: at(0), leaseMs: 60_000 });
    assert.equal(await store.jobs.requeueHeldBy(org.id, "host-a:8080/", at(1)), 1);
    const requeued = await store.jobs.get(org.id, mine.id);
    assert.deepEqual(
      [requeued?.state, requeued?.leaseOwner, requeued?.attempts],
      ["queued", null, 1],
    );
    assert.equal((await store.jobs.get(org.id, theirs.id))?.state, "running");
    const next = { workerId: "host-a:8080/boot-2", now: at(2), leaseMs: 60_000 };
    assert.deepEqual(
      [(await store.jobs.claim(org.id, next))?.id, await store.jobs.claim(org.id, next)],
      [mine.id, undefined],
    );
  });

  test("jobs: attempts are bounded; a job that keeps losing its lease ends failed", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "jobs-attempts");
    const job = await store.jobs.enqueue(org.id, {
      kind: "audit-evidence",
      input: {},
      maxAttempts: 2,
    });
    await store.jobs.claim(org.id, { workerId: "w1", now: at(0), leaseMs: 1_000 });
    await store.jobs.claim(org.id, { workerId: "w2", now: at(2), leaseMs: 1_000 });
    assert.equal(
      await store.jobs.claim(org.id, { workerId: "w3", now: at(4), leaseMs: 1_000 }),
      undefined,
    );
    const failed = await store.jobs.get(org.id, job.id);
    assert.deepEqual(
      [failed?.state, failed?.attempts, failed?.error],
      ["failed", 2, { code: "attempts-exhausted", attempts: 2 }],
    );
  });

  test("jobs: concurrent workers never claim the same job", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "jobs-race");
    for (let i = 0; i < 5; i++) await store.jobs.enqueue(org.id, { kind: "k", input: { i } });
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        store.jobs.claim(org.id, { workerId: `w${i}`, now: at(0), leaseMs: 60_000 }),
      ),
    );
    const ids = claims.flatMap((job) => (job === undefined ? [] : [job.id]));
    assert.equal(ids.length, 5);
    assert.equal(new Set(ids).size, 5);
  });

  test("audit results: one per job, found by job", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "audit-results");
    const job = await store.jobs.enqueue(org.id, { kind: "audit-evidence", input: {} });
    const result = await store.auditResults.create(org.id, {
      jobId: job.id,
      catalogVersion: "2026.1",
      result: { holders: 75, findings: [] },
      summary: { files: ["a.evtx"], compliant: true, calsShort: 0 },
    });
    assert.deepEqual(await store.auditResults.findOfJob(org.id, job.id), result);
    assert.deepEqual(await store.auditResults.get(org.id, result.id), result);
    const { result: value, ...record } = result;
    const asJson = await store.auditResults.getAsJson(org.id, result.id);
    assert.deepEqual(
      { ...asJson, resultJson: JSON.parse(asJson?.resultJson ?? "") },
      {
        ...record,
        resultJson: value,
      },
    );
    assert.equal(await store.auditResults.getAsJson(org.id, "no-such-audit"), undefined);
    // The list reads the summary stored beside the result, never the result.
    assert.deepEqual(await store.auditResults.list(org.id), [
      { ...record, summary: { files: ["a.evtx"], compliant: true, calsShort: 0 } },
    ]);
    // One customer's audits, newest first; another customer's are not among them.
    const customer = await store.customers.create(org.id, { name: "Audited" });
    const other = await store.customers.create(org.id, { name: "Other" });
    const ofCustomer = {
      customerId: customer.id,
      catalogVersion: "2026.1",
      result: {},
      summary: {},
    };
    const older = await store.auditResults.create(org.id, ofCustomer);
    const newer = await store.auditResults.create(org.id, ofCustomer);
    await store.auditResults.create(org.id, {
      customerId: other.id,
      catalogVersion: "2026.1",
      result: {},
      summary: {},
    });
    assert.deepEqual(
      (await store.auditResults.list(org.id, { customerId: customer.id })).map((a) => a.id),
      [newer.id, older.id],
    );
    await assert.rejects(
      store.auditResults.create(org.id, {
        jobId: job.id,
        catalogVersion: "x",
        result: {},
        summary: {},
      }),
    );
    // A refused result leaves no summary behind (the two are written in one transaction).
    assert.equal((await store.auditResults.list(org.id)).length, 4);
  });

  test("migration 0010: an audit stored before it gets its summary computed from its result", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "audit-backfill");
    const customer = await store.customers.create(org.id, { name: "Backfilled" });
    const shortfall = (n: number) => ({ shortfall: n, product: "x" });
    const results = [
      {
        files: [{ file: "Security.evtx" }, { file: "Older.evtx" }],
        evaluation: {
          compliant: false,
          families: [
            { required: [shortfall(50_000), shortfall(7)] },
            { required: [] },
            { required: [shortfall(3)] },
          ],
        },
      },
      { files: [{ file: "Clean.evtx" }], evaluation: { compliant: true, families: [] } },
      {},
    ];
    const stored = [];
    for (const result of results)
      stored.push(
        await store.auditResults.create(org.id, {
          customerId: customer.id,
          catalogVersion: "2026.1",
          result,
          summary: { written: "by the worker" },
        }),
      );
    // As before 0010: the results are there, their summaries are not.
    await harness.executeRaw(org.id, `delete from audit_summaries where org_id = '${org.id}'`);
    assert.deepEqual(await store.auditResults.list(org.id), []);
    const dialect = harness.location().startsWith("postgres") ? "postgres" : "sqlite";
    await harness.executeRaw(org.id, auditSummaryBackfillStatement(dialect));
    const listed = await store.auditResults.list(org.id, { customerId: customer.id });
    assert.deepEqual(
      listed.map((a) => a.summary),
      [
        { files: [], compliant: false, calsShort: 0 },
        { files: ["Clean.evtx"], compliant: true, calsShort: 0 },
        { files: ["Security.evtx", "Older.evtx"], compliant: false, calsShort: 50_010 },
      ],
    );
    const { result: _result, ...record } = stored[0] ?? { result: undefined };
    assert.deepEqual({ ...listed[2], summary: undefined }, { ...record, summary: undefined });
    // Run again: nothing is added twice.
    await harness.executeRaw(org.id, auditSummaryBackfillStatement(dialect));
    assert.equal((await store.auditResults.list(org.id)).length, 3);
  });

  test("customer uploads: an upload is found for the customers it was given for only, under their names", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "customer-uploads");
    const other = await createTestOrganisation(store, "customer-uploads-other");
    const contoso = await store.customers.create(org.id, { name: "Contoso" });
    const fabrikam = await store.customers.create(org.id, { name: "Fabrikam" });
    const first = await store.evidenceUploads.record(org.id, upload);
    const second = await store.evidenceUploads.record(org.id, {
      ...upload,
      fileName: "ad-users.csv",
      contentHash: "0123",
      format: "ad-users-csv",
    });
    const linked = await store.evidenceUploads.linkToCustomer(org.id, {
      customerId: contoso.id,
      uploadId: first.upload.id,
      fileName: "contoso-dc1.evtx",
    });
    assert.deepEqual(
      [linked.id, linked.fileName, linked.customerId, linked.sizeBytes, linked.format],
      [first.upload.id, "contoso-dc1.evtx", contoso.id, 5_000_000_000, "evtx"],
    );
    // The same content given again for the same customer keeps its first name; another customer has its own.
    const again = await store.evidenceUploads.linkToCustomer(org.id, {
      customerId: contoso.id,
      uploadId: first.upload.id,
      fileName: "renamed.evtx",
    });
    assert.deepEqual(again, linked);
    await store.evidenceUploads.linkToCustomer(org.id, {
      customerId: contoso.id,
      uploadId: second.upload.id,
      fileName: "ad-users.csv",
    });
    await store.evidenceUploads.linkToCustomer(org.id, {
      customerId: fabrikam.id,
      uploadId: first.upload.id,
      fileName: "fabrikam.evtx",
    });
    const listed = await store.evidenceUploads.listOfCustomer(org.id, contoso.id);
    assert.deepEqual(
      listed.map((u) => u.fileName),
      ["ad-users.csv", "contoso-dc1.evtx"],
    );
    assert.deepEqual(
      (await store.evidenceUploads.listOfCustomer(org.id, fabrikam.id)).map((u) => u.fileName),
      ["fabrikam.evtx"],
    );
    assert.equal(
      await store.evidenceUploads.getOfCustomer(org.id, fabrikam.id, second.upload.id),
      undefined,
    );
    assert.equal(
      await store.evidenceUploads.getOfCustomer(other.id, contoso.id, first.upload.id),
      undefined,
    );
    assert.deepEqual(await store.evidenceUploads.listOfCustomer(other.id, contoso.id), []);
    // A deleted customer takes its links, not the uploads (another customer gave the same content).
    await store.customers.delete(org.id, fabrikam.id);
    assert.deepEqual(await store.evidenceUploads.listOfCustomer(org.id, fabrikam.id), []);
    assert.equal((await store.evidenceUploads.list(org.id)).length, 2);
  });

  test("customer uploads: the links of uploads made before 0011 are read from their jobs", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "customer-uploads-backfill");
    const customer = await store.customers.create(org.id, { name: "Contoso" });
    const { upload: row } = await store.evidenceUploads.record(org.id, upload);
    for (let run = 0; run < 2; run++)
      await store.jobs.enqueue(org.id, {
        kind: "audit-evidence",
        input: { uploadId: row.id, customerId: customer.id, owned: null },
      });
    await store.jobs.enqueue(org.id, {
      kind: "audit-evidence",
      input: { uploadId: row.id, customerId: "gone", owned: null },
    });
    const dialect = harness.location().startsWith("postgres") ? "postgres" : "sqlite";
    await harness.executeRaw(org.id, customerUploadBackfillStatement(dialect));
    const listed = await store.evidenceUploads.listOfCustomer(org.id, customer.id);
    assert.deepEqual(
      listed.map((u) => [u.id, u.fileName, u.customerId]),
      [[row.id, "Security.evtx", customer.id]],
    );
  });
}
