import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { resolveDeployment } from "@calwise/core";

const catalog = loadCatalog();
const servers = Array.from({ length: 50 }, (_, i) => ({
  name: `S${i}`,
  product: "ws2012-standard",
}));

test("a short file whose ranges stand for billions of accesses is refused before they are built", () => {
  const accesses = Array.from({ length: 100 }, () => ({
    user: "U{1..20000}",
    server: servers.map((s) => s.name),
  }));
  const before = process.memoryUsage().heapUsed;
  const result = resolveDeployment({ servers, accesses }, catalog);
  assert.equal(result.success, false);
  if (result.success) return;
  const tooLarge = result.problems.filter((p) => p.code === "DEPLOYMENT_TOO_LARGE");
  assert.equal(tooLarge.length, 1, "reported once");
  assert.equal(tooLarge[0]?.path, "accesses[2]", "where 2,000,000 accesses are passed");
  assert.ok(process.memoryUsage().heapUsed - before < 1024 * 1024 * 1024);
});

test("ranges past 2,000,000 names in total are refused once; one range past 1,000,000 is malformed", () => {
  const users = Array.from({ length: 3 }, (_, i) => `G${i}-{1..900000}`);
  const result = resolveDeployment({ servers: servers.slice(0, 1), users, accesses: [] }, catalog);
  assert.equal(result.success, false);
  if (result.success) return;
  assert.deepEqual(
    result.problems.map((p) => `${p.code} ${p.path}`),
    ["DEPLOYMENT_TOO_LARGE users[2]"],
  );
  const one = resolveDeployment(
    { servers: servers.slice(0, 1), accesses: [{ user: "U{1..1000001}", server: "S0" }] },
    catalog,
  );
  assert.equal(one.success, false);
  if (!one.success) assert.match(one.problems[0]?.expected ?? "", /at most 1,000,000 names/);
});
