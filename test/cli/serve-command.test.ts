import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { root, runCli } from "./run-cli.ts";

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

async function waitUntilReady(url: string, exited: () => boolean): Promise<Response> {
  for (;;) {
    if (exited()) throw new Error("calwise serve exited before it was ready");
    const r = await fetch(url).catch(() => undefined);
    if (r?.status === 200) return r;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test("calwise serve runs as a process: ready on a loopback port, JSON logs, first-owner hint, SIGTERM stops it", async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), "calwise-serve-"));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const port = await findFreePort();
  const child = spawn(
    process.execPath,
    [`${root}/apps/cli/bin/calwise.js`, "serve", "--port", String(port), "--data-dir", dataDir],
    { cwd: root, env: { ...process.env, DATABASE_URL: "" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += String(chunk);
  });
  child.stderr.on("data", (chunk) => {
    stderr += String(chunk);
  });
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let exited = false;
  void exit.then(() => {
    exited = true;
  });
  t.after(() => {
    if (!exited) child.kill("SIGKILL");
  });
  const ready = await waitUntilReady(`http://127.0.0.1:${port}/readyz`, () => exited);
  assert.deepEqual(await ready.json(), { status: "ok" });
  const closed = await fetch(`http://127.0.0.1:${port}/v1/customers`);
  assert.equal(closed.status, 401, "nothing is open by default");
  child.kill("SIGTERM");
  assert.equal(await exit, 0, stderr);
  const lines = stdout
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
