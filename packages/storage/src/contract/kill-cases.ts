import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { type ContractHarness, createTestOrganisation } from "./contract-harness.ts";

const worker = fileURLToPath(new URL("../testing/import-until-killed.ts", import.meta.url));

/** Starts the import worker and kills it with SIGKILL once it is writing inside its transaction. */
function killWorkerMidImport(location: string, orgId: string, workerId: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", worker, location, orgId, workerId], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
      if (output.includes("importing")) child.kill("SIGKILL");
    });
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (_code, signal) =>
      signal === "SIGKILL"
        ? resolve(output)
        : reject(new Error(`the worker was not killed:\n${output}`)),
    );
  });
}

/** A worker process killed with SIGKILL in the middle of an import leaves the store consistent. */
export function defineKillCases(harness: ContractHarness): void {
  test("kill: SIGKILL in the middle of an import leaves no row of it, and the job is resumed after its lease", async () => {
    const store = harness.store();
    const org = await createTestOrganisation(store, "kill");
    const job = await store.jobs.enqueue(org.id, { kind: "import-entitlements", input: {} });
    const output = await killWorkerMidImport(harness.location(), org.id, "killed-worker");
    assert.doesNotMatch(output, /committed/);
    assert.deepEqual(await store.entitlements.list(org.id), []);
    const orphaned = await store.jobs.get(org.id, job.id);
    assert.deepEqual([orphaned?.state, orphaned?.leaseOwner], ["running", "killed-worker"]);
    const afterLease = new Date(Date.parse(orphaned?.leaseExpiresAt ?? "") + 1).toISOString();
    const resumed = await store.jobs.claim(org.id, {
      workerId: "next",
      now: afterLease,
      leaseMs: 1000,
    });
    assert.deepEqual([resumed?.id, resumed?.attempts], [job.id, 2]);
    await store.entitlements.create(org.id, {
      kind: "purchase",
      sku: "after-the-kill",
      quantity: 1,
    });
    assert.equal((await store.entitlements.list(org.id)).length, 1);
  });
}
