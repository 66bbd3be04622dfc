import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { openStore } from "@calwise/storage";
import { root, runCli } from "./run-cli.ts";
import { findFreePort, spawnServe, waitUntilReady } from "./serve-process.ts";

const password = "a long enough secret";

/** The CLI as a child process that does not block this one (the test keeps writing meanwhile). */
function runCliAside(
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [`${root}/apps/cli/bin/calwise.js`, ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: "" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += String(chunk);
  });
  child.stderr.on("data", (chunk) => {
    stderr += String(chunk);
  });
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

/** What a store holds of one organisation: its customers and the audit entries of their creation. */
async function readCustomers(dataDir: string) {
  const store = await openStore({ location: dataDir });
  try {
    const org = await store.organisations.findBySlug("backup-org");
    assert.ok(org !== undefined);
    const customers = await store.customers.list(org.id);
    const created = (await store.auditLog.list(org.id, { limit: 100_000 })).filter(
      (e) => e.action === "customer.create",
    );
    return { customers: customers.length, created: created.length };
  } finally {
    await store.close();
  }
}

test("calwise backup copies the store consistently while calwise serve writes; restore refuses an open store and restores a stopped one", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "calwise-backup-cli-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const live = join(dir, "live");
  const added = runCli(
    [
      "user",
      "add",
      "--org",
      "Backup Org",
      "--email",
      "o@example.com",
      "--role",
      "owner",
      "--data-dir",
      live,
    ],
    root,
    { env: { CALWISE_PASSWORD: password } },
  );
  assert.equal(added.code, 0, added.stderr);
  const port = await findFreePort();
  const server = spawnServe(live, port);
  t.after(() => {
    if (!server.exited()) server.child.kill("SIGKILL");
  });
  const base = `http://127.0.0.1:${port}`;
  await waitUntilReady(`${base}/readyz`, server.exited);
  const signIn = await fetch(`${base}/v1/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ organisation: "backup-org", email: "o@example.com", password }),
  });
  assert.equal(signIn.status, 200);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  let written = 0;
  const createCustomer = async () => {
    const r = await fetch(`${base}/v1/customers`, {
      method: "POST",
      headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
      body: JSON.stringify({ name: `customer ${written}` }),
    });
    assert.equal(r.status, 201);
    written += 1;
  };
  for (let i = 0; i < 30; i++) await createCustomer();
  let writing = true;
  const writer = (async () => {
    while (writing) await createCustomer();
  })();

  const backupFile = join(dir, "calwise-backup.db");
  const backup = await runCliAside(["backup", backupFile, "--data-dir", live]);
  assert.equal(backup.code, 0, backup.stderr);
  assert.match(backup.stdout, /backed up .* pages/);
  const refused = await runCliAside(["restore", backupFile, "--data-dir", live]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /stop calwise serve first/);
  writing = false;
  await writer;
  server.child.kill("SIGTERM");
  assert.equal(await server.exit, 0, server.output.stderr);

  const copy = join(dir, "copy");
  const restored = runCli(["restore", backupFile, "--data-dir", copy]);
  assert.equal(restored.code, 0, restored.stderr);
  const snapshot = await readCustomers(copy);
  assert.ok(
    snapshot.customers >= 30 && snapshot.customers <= written,
    JSON.stringify({ snapshot, written }),
  );
  assert.equal(
    snapshot.created,
    snapshot.customers,
    "each customer with its audit entry: whole transactions only",
  );

  const intoLive = runCli(["restore", backupFile, "--data-dir", live]);
  assert.equal(intoLive.code, 0, intoLive.stderr);
  assert.deepEqual(await readCustomers(live), snapshot);
  const notABackup = runCli(["restore", join(root, "README.md"), "--data-dir", copy]);
  assert.equal(notABackup.code, 2);
  assert.match(notABackup.stderr, /backup-not-sqlite/);
  const postgres = runCli(["backup", backupFile], root, {
    env: { DATABASE_URL: "postgres://x@localhost/db" },
  });
  assert.equal(postgres.code, 2);
  assert.match(postgres.stderr, /pg_dump/);
});
