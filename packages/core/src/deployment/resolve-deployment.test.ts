import assert from "node:assert/strict";
import { test } from "node:test";
import { smallTestCatalog } from "../catalog/small-test-catalog.ts";
import type { DeploymentInput } from "./deployment-schema.ts";
import { resolveDeployment } from "./resolve-deployment.ts";

const catalog = smallTestCatalog();
const server = { name: "S1", product: "ws2012-standard" };

/** The problems of a deployment, as `code path` lines. */
function problemsOf(input: DeploymentInput): string[] {
  const result = resolveDeployment(input, catalog);
  assert.equal(result.success, false, "the broken deployment was accepted");
  return result.success ? [] : result.problems.map((p) => `${p.code} ${p.path}`);
}

test("resolveDeployment expands ranges and pairs equal-length user and device ranges", () => {
  const result = resolveDeployment(
    {
      servers: [server],
      users: ["U{1..3}"],
      devices: ["PC{1..3}"],
      accesses: [{ user: "U{1..3}", device: "PC{1..3}", server: "S1" }],
    },
    catalog,
  );
  assert.ok(result.success);
  assert.deepEqual([...result.value.users.keys()], ["U1", "U2", "U3"]);
  assert.deepEqual(
    result.value.accesses.map((a) => `${a.user}@${a.device}`),
    ["U1@PC1", "U2@PC2", "U3@PC3"],
  );
});

test("resolveDeployment pairs a single user with every device of a range (one user, several devices)", () => {
  const result = resolveDeployment(
    { servers: [server], accesses: [{ user: "alice", device: "PC{1..2}", server: "S1" }] },
    catalog,
  );
  assert.ok(result.success);
  assert.deepEqual(
    result.value.accesses.map((a) => `${a.user}@${a.device}`),
    ["alice@PC1", "alice@PC2"],
  );
  // Users and devices named only in accesses are declared by them: internal and attended.
  assert.deepEqual(result.value.users.get("alice"), { id: "alice", kind: "internal", index: 0 });
});

test("resolveDeployment links a guest to its host and keeps every catalog assumption with its default", () => {
  const result = resolveDeployment(
    {
      servers: [
        { name: "HOST", product: "ws2012-datacenter", processors: 2 },
        { name: "VM1", product: "ws2012-standard", runsOn: "HOST" },
      ],
      assumptions: { "admin-exemption-scope": "per-customer" },
    },
    catalog,
  );
  assert.ok(result.success);
  assert.deepEqual(result.value.servers.get("HOST")?.guests, ["VM1"]);
  assert.equal(result.value.assumptions.get("admin-exemption-scope"), "per-customer");
  assert.equal(result.value.assumptions.get("included-cal-type"), "either");
  assert.deepEqual([...result.value.overriddenAssumptions], ["admin-exemption-scope"]);
});

test("resolveDeployment collects every unknown reference and duplicate, each with its path", () => {
  assert.deepEqual(
    problemsOf({
      servers: [server, server, { name: "S2", product: "ws2099-standard" }],
      users: ["U1", "U1"],
      devices: ["PC{2..1}"],
      accesses: [
        { user: "U1", server: "S9" },
        { user: "U1", server: "S1", service: "sql" },
        { user: "U{1..2}", device: "PC{1..3}", server: "S1" },
      ],
      assumptions: { "admin-exemption-scope": "per-planet", "no-such-assumption": 1 },
    }),
    [
      "DUPLICATE_ID servers[1].name",
      "UNKNOWN_REFERENCE servers[2].product",
      "DUPLICATE_ID users[1]",
      "SCHEMA devices[0]",
      "UNKNOWN_REFERENCE accesses[0].server",
      "UNKNOWN_REFERENCE accesses[1].service",
      "SCHEMA accesses[2]",
      "SCHEMA assumptions.admin-exemption-scope",
      "UNKNOWN_REFERENCE assumptions.no-such-assumption",
    ],
  );
});

test("resolveDeployment checks owned entitlements: version, type, suite type, connector server, holders", () => {
  assert.deepEqual(
    problemsOf({
      servers: [server],
      users: ["U1", "U2"],
      owned: [
        { family: "ws-cal", version: "2013", quantity: 5 },
        { suite: "core-cal-suite", type: "either", quantity: 1 },
        { externalConnector: "ws-ec", version: "2012", quantity: 1 },
        { family: "ws-cal", version: "2012", type: "user", quantity: 1, assignedTo: ["U1", "U3"] },
      ],
    }),
    [
      "SCHEMA owned[0].version",
      "SCHEMA owned[0].type",
      "SCHEMA owned[1].type",
      "SCHEMA owned[2].server",
      "UNKNOWN_REFERENCE owned[3].assignedTo[1]",
      "SCHEMA owned[3].assignedTo",
    ],
  );
});

test("resolveDeployment checks an inline price list against the catalog with the one price-list check", () => {
  assert.deepEqual(
    problemsOf({
      servers: [server],
      prices: {
        currency: "EUR",
        items: [
          { sku: "A", family: "ws-cal", version: "2012", type: "user", price: 3000 },
          { sku: "A", family: "ws-cal", version: "2099", type: "device", price: 3000 },
          { sku: "B", product: "ws2099-standard", price: 90000 },
        ],
      },
    }),
    [
      "DUPLICATE_ID prices.items[1].sku",
      "SCHEMA prices.items[1].version",
      "UNKNOWN_REFERENCE prices.items[2].product",
    ],
  );
});

test("resolveDeployment refuses a reassignment dated on a day that does not exist", () => {
  assert.deepEqual(
    problemsOf({
      servers: [server],
      assignments: [
        {
          licence: "L1",
          family: "ws-cal",
          type: "user",
          history: [{ date: "2025-02-29", to: "U1" }],
        },
      ],
    }),
    ["SCHEMA assignments[0].history[0].date"],
  );
});
