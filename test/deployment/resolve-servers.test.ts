import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { resolveDeployment } from "@calwise/core";

const catalog = loadCatalog();

function problems(servers: ReadonlyArray<Record<string, unknown>>) {
  const result = resolveDeployment({ servers, accesses: [] }, catalog);
  assert.equal(result.success, false, "expected the deployment to be refused");
  return result.success ? [] : result.problems.map((p) => `${p.code} ${p.path}: ${p.message}`);
}

test("a server that runs on itself is refused, not licensed by itself", () => {
  assert.deepEqual(problems([{ name: "A", product: "ws2012r2-standard", runsOn: "A" }]), [
    "RUNS_ON_CYCLE servers[0].runsOn: server 'A' runs on itself",
  ]);
});

test("two servers that run on each other are refused: a cycle would license neither", () => {
  assert.deepEqual(
    problems([
      { name: "A", product: "ws2012r2-standard", runsOn: "B" },
      { name: "B", product: "ws2012r2-standard", runsOn: "A" },
    ]),
    [
      "RUNS_ON_CYCLE servers[0].runsOn: servers 'A' and 'B' run on each other (a cycle: no server would hold a licence)",
      "RUNS_ON_CYCLE servers[1].runsOn: servers 'B' and 'A' run on each other (a cycle: no server would hold a licence)",
    ],
  );
});

test("a guest of a guest is refused with the physical host to name", () => {
  assert.deepEqual(
    problems([
      { name: "HOST", product: "ws2012r2-datacenter", processors: 2 },
      { name: "VM1", product: "ws2012r2-standard", runsOn: "HOST" },
      { name: "VM2", product: "ws2012r2-standard", runsOn: "VM1" },
    ]),
    [
      "RUNS_ON_CYCLE servers[2].runsOn: server 'VM1' is itself a virtual machine on 'HOST': name the physical host",
    ],
  );
});

test("a guest on a physical host resolves", () => {
  const result = resolveDeployment(
    {
      servers: [
        { name: "HOST", product: "ws2012r2-datacenter", processors: 2 },
        { name: "VM1", product: "ws2012r2-standard", runsOn: "HOST" },
      ],
      accesses: [],
    },
    catalog,
  );
  assert.equal(result.success, true);
});

test("an unknown product is reported once, not again as an unknown server for each access to it", () => {
  const result = resolveDeployment(
    {
      servers: [{ name: "s1", product: "ws2099-standard" }],
      accesses: [
        { user: "u1", device: "d1", server: "s1" },
        { user: "u2", device: "d2", server: "s1" },
      ],
    },
    catalog,
  );
  assert.equal(result.success, false);
  if (result.success) return;
  assert.deepEqual(
    result.problems.map((p) => `${p.code} ${p.path}`),
    ["UNKNOWN_REFERENCE servers[0].product"],
  );
});
