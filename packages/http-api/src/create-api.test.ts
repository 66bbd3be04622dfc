import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { after, test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { CalwiseError } from "@calwise/core";
import { openStore } from "@calwise/storage";
import pino from "pino";
import { createApi } from "./create-api.ts";

function logged() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: pino({ level: "info" }, stream) };
}

const dataDir = mkdtempSync(join(tmpdir(), "calwise-api-"));
const store = await openStore({ location: dataDir });
after(() => {
  store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function api(ready = true) {
  const log = logged();
  const app = createApi({
    catalog: loadCatalog(),
    logger: log.logger,
    store,
    dataDir,
    ready: async () => ready,
    now: () => new Date("2026-12-06T12:00:00Z"),
  });
  return { app, log };
}

test("healthz answers; readyz says whether the store answers", async () => {
  assert.deepEqual(await (await api().app.request("/healthz")).json(), { status: "ok" });
  const ready = await api(true).app.request("/readyz");
  assert.equal(ready.status, 200);
  const down = await api(false).app.request("/readyz");
  assert.equal(down.status, 503);
  assert.deepEqual(await down.json(), { status: "unavailable" });
});

test("an unknown route is an RFC 9457 problem with the error table's code", async () => {
  const r = await api().app.request("/nothing-here", { headers: { "x-request-id": "abc-123" } });
  assert.equal(r.status, 404);
  assert.equal(r.headers.get("content-type"), "application/problem+json");
  assert.equal(r.headers.get("x-request-id"), "abc-123");
  const body = (await r.json()) as Record<string, unknown>;
  assert.equal(body.code, "NOT_FOUND");
  assert.equal(body.status, 404);
  assert.equal(body.requestId, "abc-123");
  assert.deepEqual(body.problems, []);
});

test("a bug is a 500 problem without its stack; the log has the error and the request id", async () => {
  const { app, log } = api();
  app.get("/boom", () => {
    throw new Error("secret internals at /srv/calwise/x.ts:12");
  });
  app.get("/bad-input", () => {
    throw new CalwiseError("INPUT_INVALID", "the deployment has 1 problem", [
      { code: "SCHEMA", path: "servers[0].product", message: "unknown product", received: "x" },
    ]);
  });
  const r = await app.request("/boom", { headers: { "x-request-id": "not a valid id!" } });
  assert.equal(r.status, 500);
  const text = await r.text();
  assert.doesNotMatch(text, /secret internals|x\.ts/);
  const id = r.headers.get("x-request-id") ?? "";
  assert.match(id, /^[0-9a-f-]{36}$/, "an unacceptable client id is replaced");
  const error = log.lines.find((l) => l.msg === "internal error");
  assert.equal(error?.requestId, id);
  const bad = await app.request("/bad-input");
  assert.equal(bad.status, 400);
  const body = (await bad.json()) as { code: string; problems: { path: string }[] };
  assert.equal(body.code, "INPUT_INVALID");
  assert.deepEqual(
    body.problems.map((p) => p.path),
    ["servers[0].product"],
  );
  const line = log.lines.find((l) => l.path === "/bad-input");
  assert.equal(line?.status, 400);
  assert.equal(typeof line?.ms, "number");
});

test("the OpenAPI 3.1 document and the offline reference page are served", async () => {
  const { app } = api();
  const doc = (await (await app.request("/openapi.json")).json()) as {
    openapi: string;
    paths: Record<string, unknown>;
  };
  assert.equal(doc.openapi, "3.1.0");
  assert.ok(doc.paths["/healthz"] && doc.paths["/readyz"]);
  const page = await (await app.request("/docs")).text();
  for (const asset of page.matchAll(/(?:href|src)="(\/docs\/[^"]+)"/g)) {
    const r = await app.request(asset[1] ?? "");
    assert.equal(r.status, 200, `${asset[1]} is served from the package, not a CDN`);
  }
  assert.doesNotMatch(page, /https?:\/\//, "no address outside this server");
});
