import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { copyFileSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parse } from "yaml";
import { root, runCli } from "../cli/run-cli.ts";
import { scratchDirectory } from "../scratch-directory.ts";
import { startService, uploadRaw, waitForJob } from "./evidence-cases.ts";
import {
  createAccount,
  createTestApi,
  type ServiceHarness,
  signIn,
  type TestSession,
} from "./service-harness.ts";

type TestApi = ReturnType<typeof createTestApi>;

/** The example of `calwise audit` over logons with the AD inventory (README, docs/audit.md). */
const exampleFiles = ["sentinel-security-events.csv", "ad-users.csv", "ad-computers.csv"] as const;
const example = (name: string) => join(root, "examples/audit", name);

/** A file that reads as a Sentinel export by its header but whose rows calwise cannot read (line 2 is bad). */
function brokenEvents(): string {
  const header = readFileSync(example("sentinel-security-events.csv"), "utf8").split("\n")[0];
  return `${header}\n"x","not a date","a","b","c","d","e","no id","f","g","h","i","j","k","l","m","n"\n`;
}

/** What `calwise audit --json` prints for the three example files and licences.yaml (copied by these names). */
function cliAuditOfExamples(): { code: number | null; result: AuditView } {
  const dir = scratchDirectory("calwise-cli-multi-");
  for (const name of [...exampleFiles, "licences.yaml"])
    copyFileSync(example(name), join(dir, name));
  const cli = runCli(
    [
      "audit",
      "--json",
      "--owned",
      "licences.yaml",
      "--events",
      "sentinel-security-events.csv",
      "--inventory",
      "ad-users.csv",
      "--inventory",
      "ad-computers.csv",
    ],
    dir,
  );
  assert.equal(cli.stderr, "");
  return { code: cli.code, result: JSON.parse(cli.stdout) as AuditView };
}

interface AuditView {
  evaluation: {
    compliant: boolean;
    families: {
      family: string;
      required: { version: string; type: string; shortfall: number }[];
    }[];
  };
  files: { file: string; format: string; records: number }[];
}

/** A multipart body with one `file` part per [name, content]. */
function multipart(s: TestSession, files: readonly (readonly [string, string])[]): RequestInit {
  const form = new FormData();
  for (const [name, content] of files) form.append("file", new Blob([content]), name);
  return { method: "POST", headers: { cookie: s.cookie, "x-csrf-token": s.csrf }, body: form };
}

const read = (name: string) => readFileSync(example(name), "utf8");

/** A customer whose deployment is examples/audit/licences.yaml (the servers, the CALs owned, the prices). */
async function createExampleCustomer(app: TestApi, s: TestSession, name = "Threebees") {
  const post = async (path: string, body: unknown) => {
    const r = await app.request(path, {
      method: "POST",
      headers: { cookie: s.cookie, "x-csrf-token": s.csrf, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    assert.ok(r.status < 300, await r.clone().text());
    return (await r.json()) as { id: string; deploymentId: string };
  };
  const customer = await post("/v1/customers", { name });
  const evaluation = await post("/v1/evaluations", {
    deployment: parse(read("licences.yaml")),
    customerId: customer.id,
  });
  return { customerId: customer.id, deploymentId: evaluation.deploymentId };
}

const shortfalls = (audit: AuditView) =>
  audit.evaluation.families.flatMap((f) =>
    f.required
      .filter((r) => r.shortfall > 0)
      .map((r) => `${f.family} ${r.version} ${r.type}: ${r.shortfall}`),
  );

/**
 * Runs `work` with an API and its job worker on the harness's store, signed in as an owner whose customer's
 * deployment is examples/audit/licences.yaml; the worker stops after it.
 */
async function withExampleCustomer(
  harness: ServiceHarness,
  work: (context: {
    app: TestApi;
    s: TestSession;
    orgId: string;
    customerId: string;
    deploymentId: string;
  }) => Promise<void>,
): Promise<void> {
  const store = harness.store();
  const { app, worker } = startService(store);
  await worker.start();
  try {
    const { org, user } = await createAccount(store, "owner");
    const s = await signIn(app, org.slug, user.email);
    await work({ app, s, orgId: org.id, ...(await createExampleCustomer(app, s)) });
  } finally {
    await worker.stop();
  }
}

/** One audit over several evidence files (web-multi-audit): the CLI's answer, the customer's own files only, limits. */
export function defineMultiAuditCases(harness: ServiceHarness): void {
  test("logons with the AD inventory in one audit give `calwise audit`'s answer: sent together, or chosen from earlier uploads", async () => {
    await withExampleCustomer(harness, async ({ app, s, customerId, deploymentId }) => {
      const cli = cliAuditOfExamples();

      // Together, in one request.
      const r = await app.request(
        `/v1/customers/${customerId}/evidence?deploymentId=${deploymentId}`,
        multipart(
          s,
          exampleFiles.map((name) => [name, read(name)]),
        ),
      );
      assert.equal(r.status, 202, await r.clone().text());
      const accepted = (await r.json()) as {
        uploads: { id: string; fileName: string; format: string }[];
        job: { id: string; uploadIds: string[] };
      };
      assert.deepEqual(
        accepted.uploads.map((u) => [u.fileName, u.format]),
        [
          ["sentinel-security-events.csv", "sentinel-csv"],
          ["ad-users.csv", "ad-user-csv"],
          ["ad-computers.csv", "ad-computer-csv"],
        ],
      );
      assert.deepEqual(
        accepted.job.uploadIds,
        accepted.uploads.map((u) => u.id),
      );
      const job = await waitForJob(app, s, accepted.job.id);
      assert.equal(job.state, "succeeded", JSON.stringify(job.error));
      const audit = (await (
        await app.request(`/v1/audits/${job.auditId}`, { headers: { cookie: s.cookie } })
      ).json()) as {
        result: AuditView;
      };
      assert.equal(cli.code, 1, "the CLI finds the example not compliant");
      assert.equal(audit.result.evaluation.compliant, cli.result.evaluation.compliant);
      assert.deepEqual(shortfalls(audit.result), shortfalls(cli.result));
      assert.deepEqual(audit.result, cli.result, "the API and the CLI agree on the whole audit");

      // Stored first (one request a file, as the web does), then chosen for one audit.
      const ids: string[] = [];
      for (const name of exampleFiles) {
        const stored = await app.request(
          `/v1/customers/${customerId}/evidence-files?fileName=${name}`,
          uploadRaw(s, read(name)),
        );
        assert.equal(stored.status, 201, await stored.clone().text());
        const body = (await stored.json()) as { uploads: { id: string }[]; replayed: boolean };
        ids.push(body.uploads[0]?.id ?? "");
      }
      assert.deepEqual(ids, accepted.job.uploadIds, "the same content is the same upload");
      const listed = (await (
        await app.request(`/v1/customers/${customerId}/evidence-files`, {
          headers: { cookie: s.cookie },
        })
      ).json()) as { uploads: { id: string }[] };
      assert.deepEqual(listed.uploads.map((u) => u.id).sort(), [...ids].sort());
      const chosen = await app.request(`/v1/customers/${customerId}/audits`, {
        method: "POST",
        headers: { cookie: s.cookie, "x-csrf-token": s.csrf, "content-type": "application/json" },
        // Another order than the command line's options: the inventory is read first all the same.
        body: JSON.stringify({ uploadIds: [ids[1], ids[0], ids[2]], deploymentId }),
      });
      assert.equal(chosen.status, 202, await chosen.clone().text());
      const again = await waitForJob(
        app,
        s,
        ((await chosen.json()) as { job: { id: string } }).job.id,
      );
      assert.equal(again.state, "succeeded", JSON.stringify(again.error));
      const second = (await (
        await app.request(`/v1/audits/${again.auditId}`, { headers: { cookie: s.cookie } })
      ).json()) as {
        result: AuditView;
      };
      assert.deepEqual(shortfalls(second.result), shortfalls(cli.result));
      assert.equal(second.result.evaluation.compliant, cli.result.evaluation.compliant);
    });
  });

  test("an audit takes only the customer's own uploads: another customer's or organisation's are 404", async () => {
    const store = harness.store();
    const app = createTestApi(store, {
      dataDir: scratchDirectory("calwise-multi-iso-"),
    });
    const a = await createAccount(store, "owner", "multi-a");
    const b = await createAccount(store, "owner", "multi-b");
    const sa = await signIn(app, a.org.slug, a.user.email);
    const sb = await signIn(app, b.org.slug, b.user.email);
    const mine = await store.customers.create(a.org.id, { name: "Mine" });
    const neighbour = await store.customers.create(a.org.id, { name: "Neighbour" });
    const theirs = await store.customers.create(b.org.id, { name: "Theirs" });
    const stored = await app.request(
      `/v1/customers/${mine.id}/evidence-files?fileName=ad-users.csv`,
      uploadRaw(sa, read("ad-users.csv")),
    );
    assert.equal(stored.status, 201, await stored.clone().text());
    const uploadId = ((await stored.json()) as { uploads: { id: string }[] }).uploads[0]?.id;
    const audit = (s: TestSession, customerId: string) =>
      app.request(`/v1/customers/${customerId}/audits`, {
        method: "POST",
        headers: { cookie: s.cookie, "x-csrf-token": s.csrf, "content-type": "application/json" },
        body: JSON.stringify({ uploadIds: [uploadId] }),
      });
    assert.equal((await audit(sa, neighbour.id)).status, 404, "another customer's upload");
    assert.equal((await audit(sb, theirs.id)).status, 404, "another organisation's upload");
    assert.equal((await audit(sb, mine.id)).status, 404, "another organisation's customer");
    const list = (s: TestSession, customerId: string) =>
      app.request(`/v1/customers/${customerId}/evidence-files`, { headers: { cookie: s.cookie } });
    assert.equal((await list(sb, mine.id)).status, 404);
    assert.deepEqual(
      ((await (await list(sa, neighbour.id)).json()) as { uploads: unknown[] }).uploads,
      [],
    );
    assert.deepEqual(
      ((await (await list(sb, theirs.id)).json()) as { uploads: unknown[] }).uploads,
      [],
    );
    assert.equal((await audit(sa, mine.id)).status, 202, "the customer's own");
  });

  test("several files: limits per file, in all and on the count are 413 in words; a bad second file refuses them all, nothing stored", async () => {
    const store = harness.store();
    const dataDir = scratchDirectory("calwise-multi-limits-");
    const app = createTestApi(store, {
      dataDir,
      uploadLimits: {
        maxBytes: 4000,
        maxTotalBytes: 6000,
        maxFiles: 2,
        idleMs: 5_000,
        totalMs: 60_000,
      },
    });
    const { org, user } = await createAccount(store, "owner");
    const s = await signIn(app, org.slug, user.email);
    const customer = await store.customers.create(org.id, { name: "Limits" });
    const path = `/v1/customers/${customer.id}/evidence`;
    const refusal = async (r: Response) => {
      const body = (await r.json()) as {
        code: string;
        detail?: string;
        title?: string;
        problems?: { file?: string }[];
      };
      return { status: r.status, code: body.code, text: JSON.stringify(body) };
    };
    const users = read("ad-users.csv");
    const computers = read("ad-computers.csv");
    // Each example file is within the limit of one, and two of them within the limit of all.
    assert.ok(
      users.length < 4000 && computers.length < 4000 && users.length + computers.length < 6000,
    );
    const big = `${users}${"\n".repeat(4100 - users.length)}`;
    const tooMany = await refusal(
      await app.request(
        path,
        multipart(s, [
          ["a.csv", users],
          ["b.csv", computers],
          ["c.csv", users],
        ]),
      ),
    );
    assert.equal(tooMany.status, 413);
    assert.match(tooMany.text, /more than 2 files/);
    const tooLarge = await refusal(
      await app.request(
        path,
        multipart(s, [
          ["ad-computers.csv", computers],
          ["big.csv", big],
        ]),
      ),
    );
    assert.equal(tooLarge.status, 413);
    assert.match(tooLarge.text, /big\.csv is larger than 4000 bytes/);
    const inAll = await refusal(
      await app.request(
        path,
        multipart(s, [
          ["one.csv", `${users}${"\n".repeat(3500 - users.length)}`],
          ["two.csv", `${computers}${"\n".repeat(3500 - computers.length)}`],
        ]),
      ),
    );
    assert.equal(inAll.status, 413);
    assert.match(inAll.text, /together are larger than 6000 bytes/);
    const bad = await refusal(
      await app.request(
        path,
        multipart(s, [
          ["ad-users.csv", users],
          ["notes.txt", "hello\n"],
        ]),
      ),
    );
    assert.deepEqual([bad.status, bad.code], [400, "INPUT_UNREADABLE"]);
    assert.match(bad.text, /notes\.txt is not evidence: nothing was stored/);
    assert.deepEqual(readdirSync(join(dataDir, "uploads", "incoming")), [], "nothing left behind");
    assert.deepEqual(await store.evidenceUploads.list(org.id), []);
    assert.deepEqual(await store.jobs.list(org.id), []);
    // Chosen uploads count against the same limits.
    const ids: string[] = [];
    for (const [name, content] of [
      ["u.csv", users],
      ["c.csv", computers],
      ["e.csv", read("sentinel-security-events.csv")],
    ] as const) {
      const r = await app.request(`${path}-files?fileName=${name}`, uploadRaw(s, content));
      assert.equal(r.status, 201, await r.clone().text());
      ids.push(((await r.json()) as { uploads: { id: string }[] }).uploads[0]?.id ?? "");
    }
    const chosen = await refusal(
      await app.request(`/v1/customers/${customer.id}/audits`, {
        method: "POST",
        headers: { cookie: s.cookie, "x-csrf-token": s.csrf, "content-type": "application/json" },
        body: JSON.stringify({ uploadIds: ids }),
      }),
    );
    assert.deepEqual([chosen.status, chosen.code], [400, "INPUT_INVALID"]);
    assert.match(chosen.text, /one audit reads at most 2/);
  });

  test("a second file that fails the audit fails the whole job with its name and line; no audit is stored", async () => {
    const store = harness.store();
    await withExampleCustomer(harness, async ({ app, s, orgId, customerId, deploymentId }) => {
      const r = await app.request(
        `/v1/customers/${customerId}/evidence?deploymentId=${deploymentId}`,
        multipart(s, [
          ["sentinel-security-events.csv", read("sentinel-security-events.csv")],
          ["broken-events.csv", brokenEvents()],
        ]),
      );
      assert.equal(r.status, 202, await r.clone().text());
      const job = await waitForJob(app, s, ((await r.json()) as { job: { id: string } }).job.id);
      assert.equal(job.state, "failed");
      assert.match(JSON.stringify(job.error), /broken-events\.csv:2/);
      assert.equal(job.auditId, null);
      assert.deepEqual(await store.auditResults.list(orgId), []);
    });
  });

  test("the same file sent again replays an upload recorded before several files were possible ({ uploadId, jobId })", async () => {
    const store = harness.store();
    const app = createTestApi(store, {
      dataDir: scratchDirectory("calwise-multi-old-"),
    });
    const { org, user } = await createAccount(store, "owner");
    const s = await signIn(app, org.slug, user.email);
    const customer = await store.customers.create(org.id, { name: "Before" });
    const text = read("ad-users.csv");
    const contentHash = createHash("sha256").update(text).digest("hex");
    // What the code before this branch stored: the upload, its job, and the answer under the content key.
    const { upload } = await store.evidenceUploads.record(org.id, {
      fileName: "ad-users.csv",
      storedPath: `uploads/${org.id}/${contentHash}`,
      sizeBytes: Buffer.byteLength(text),
      contentHash,
      format: "ad-user-csv",
    });
    const job = await store.jobs.enqueue(org.id, {
      kind: "audit-evidence",
      input: { uploadId: upload.id, customerId: customer.id, owned: null },
    });
    const requestHash = createHash("sha256")
      .update(JSON.stringify([customer.id, contentHash, null]))
      .digest("hex");
    await store.idempotencyKeys.save(org.id, {
      key: `evidence-upload:${requestHash}`,
      requestHash,
      response: { uploadId: upload.id, jobId: job.id },
    });
    const r = await app.request(
      `/v1/customers/${customer.id}/evidence?fileName=ad-users.csv`,
      uploadRaw(s, text),
    );
    assert.equal(r.status, 202, await r.clone().text());
    const replayed = (await r.json()) as {
      upload: { id: string };
      uploads: { id: string }[];
      job: { id: string; uploadIds: string[] };
      replayed: boolean;
    };
    assert.deepEqual(
      [
        replayed.upload.id,
        replayed.uploads.map((u) => u.id),
        replayed.job.id,
        replayed.job.uploadIds,
        replayed.replayed,
      ],
      [upload.id, [upload.id], job.id, [upload.id], true],
    );
  });
}
