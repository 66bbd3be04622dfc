import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import type { Store } from "@calwise/storage";
import { scratchDirectory } from "../scratch-directory.ts";
import {
  entitlementsCsv,
  ownedDeployment,
  runCliAudit,
  writeLogonFile,
} from "./evidence-fixtures.ts";
import { findFreePort, signInOver, startServeProcess } from "./serve-process.ts";
import { createAccount, password } from "./service-harness.ts";

/** Logon lines in the killed import: long enough (tens of MB) that the kill lands while it runs. */
const killedLines = 80_000;

interface JobView {
  state: string;
  progress: { done: number; total: number | null };
  attempts: number;
  auditId: string | null;
  error: unknown;
}

/** What the kill test runs against: the database (a store on it, and where a server finds it). */
export interface KillHarness {
  store(): Store;
  /** DATABASE_URL for the server, or undefined for SQLite in its data directory. */
  databaseUrl(): string | undefined;
  /** The data directory the store was opened in (SQLite) or a fresh one (PostgreSQL). */
  dataDir(): string;
}

/**
 * The kill test: a real `calwise serve`, an evidence import in progress, SIGKILL, a restart; the job is
 * re-queued at start-up and completes to what an uninterrupted run (`calwise audit --json` on the same
 * file and owned data) prints, with one upload, one job and one stored audit.
 */
export function defineKillCases(harness: KillHarness): void {
  test("kill: SIGKILL during an evidence import, restart: the job completes to the uninterrupted result and the store is consistent", async () => {
    const store = harness.store();
    const { org, user } = await createAccount(store, "owner", "kill");
    const customer = await store.customers.create(org.id, { name: "Killed" });
    const { deployment } = await store.deployments.create(org.id, {
      name: "owned",
      customerId: customer.id,
      document: ownedDeployment,
    });
    const work = scratchDirectory("calwise-kill-");
    const evidence = join(work, "security.ndjson");
    await writeLogonFile(evidence, killedLines, 40);
    const port = await findFreePort();
    const serve = () =>
      startServeProcess({
        dataDir: harness.dataDir(),
        port,
        ...(harness.databaseUrl() ? { databaseUrl: harness.databaseUrl() } : {}),
      });

    const first = await serve();
    const call = await signInOver(first.url, { slug: org.slug, email: user.email, password });
    const imported = await call(`/v1/customers/${customer.id}/entitlements`, {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: entitlementsCsv,
    });
    assert.equal(imported.status, 201, await imported.clone().text());
    const uploaded = await call(
      `/v1/customers/${customer.id}/evidence?fileName=security.ndjson&deploymentId=${deployment.id}`,
      {
        method: "POST",
        headers: { "content-type": "application/octet-stream" },
        body: readFileSync(evidence),
      },
    );
    assert.equal(uploaded.status, 202, await uploaded.clone().text());
    const { job } = (await uploaded.json()) as { job: { id: string } };
    let seen: JobView;
    do {
      await new Promise((resolve) => setTimeout(resolve, 20));
      seen = (await (await call(`/v1/jobs/${job.id}`)).json()) as JobView;
      // Killed once claimed: the worker reads the file from then on (a second or more of work), so the
      // kill lands in the middle of the import without waiting for a progress heartbeat.
    } while (seen.state === "queued");
    assert.equal(seen.state, "running", "the kill lands while the import runs");
    await first.kill("SIGKILL");

    const orphaned = await store.jobs.get(org.id, job.id);
    assert.equal(orphaned?.state, "running", "left running by the killed server");
    assert.deepEqual(await store.auditResults.list(org.id), [], "no half-stored result");
    const [upload] = await store.evidenceUploads.list(org.id);
    const stored = readFileSync(join(harness.dataDir(), upload?.storedPath ?? ""));
    assert.equal(createHash("sha256").update(stored).digest("hex"), upload?.contentHash);

    const second = await serve();
    try {
      let done: JobView;
      do {
        await new Promise((resolve) => setTimeout(resolve, 100));
        done = (await (await call(`/v1/jobs/${job.id}`)).json()) as JobView;
      } while (done.state !== "succeeded" && done.state !== "failed");
      assert.equal(done.state, "succeeded", JSON.stringify(done.error));
      assert.equal(done.attempts, 2, "re-queued at start-up and run again");
      const audit = (await (await call(`/v1/audits/${done.auditId}`)).json()) as {
        result: unknown;
      };

      const cli = runCliAudit(evidence);
      assert.equal(cli.stderr, "");
      assert.deepEqual(audit.result, cli.result, "the same result as uninterrupted");
      assert.equal((await store.jobs.list(org.id)).length, 1);
      assert.equal((await store.evidenceUploads.list(org.id)).length, 1);
      assert.equal((await store.auditResults.list(org.id)).length, 1);
      assert.equal((await store.entitlements.list(org.id)).length, 1);
    } finally {
      await second.kill("SIGTERM");
    }
  });
}
