import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { root, runCli } from "./run-cli.ts";
import { findFreePort, spawnServe, waitUntilReady } from "./serve-process.ts";

test("calwise serve runs as a process: ready on a loopback port, JSON logs, first-owner hint, SIGTERM stops it", async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), "calwise-serve-"));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const port = await findFreePort();
  const { child, output, exit, exited } = spawnServe(dataDir, port);
  t.after(() => {
    if (!exited()) child.kill("SIGKILL");
  });
  const ready = await waitUntilReady(`http://127.0.0.1:${port}/readyz`, exited);
  assert.deepEqual(await ready.json(), { status: "ok" });
  const closed = await fetch(`http://127.0.0.1:${port}/v1/customers`);
  assert.equal(closed.status, 401, "nothing is open by default");
  child.kill("SIGTERM");
  assert.equal(await exit, 0, output.stderr);
  const lines = output.stdout
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { msg: string; path?: string; requestId?: string });
  assert.ok(
    lines.some((l) => l.msg.includes("calwise user add")),
    "the first-owner hint",
  );
  assert.ok(lines.some((l) => l.msg === "listening"));
  assert.ok(lines.some((l) => l.path === "/readyz" && typeof l.requestId === "string"));
  assert.ok(lines.some((l) => l.msg === "stopped"));
});

test("calwise user add takes the password from CALWISE_PASSWORD or stdin, never argv", async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), "calwise-user-"));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const add = (email: string, env: Record<string, string>, input?: string) =>
    runCli(
      [
        "user",
        "add",
        "--org",
        "Example Reseller",
        "--email",
        email,
        "--role",
        "owner",
        "--data-dir",
        dataDir,
      ],
      root,
      { env, input },
    );
  const first = add("a@example.com", { CALWISE_PASSWORD: "a long enough secret" });
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /organisation "example-reseller"/);
  const piped = add("b@example.com", {}, "another long secret\n");
  assert.equal(piped.code, 0, piped.stderr);
  const again = add("a@example.com", { CALWISE_PASSWORD: "a long enough secret" });
  assert.notEqual(again.code, 0);
  assert.match(again.stderr, /already has an account/);
  const short = add("c@example.com", { CALWISE_PASSWORD: "short" });
  assert.equal(short.code, 2);
  const role = runCli(
    ["user", "add", "--org", "X", "--email", "d@example.com", "--role", "king"],
    root,
    {
      env: { CALWISE_PASSWORD: "a long enough secret" },
    },
  );
  assert.equal(role.code, 2);
});
