import assert from "node:assert/strict";
import { test } from "node:test";
import { smallTestCatalog } from "../catalog/small-test-catalog.ts";
import type { DeploymentInput } from "../deployment/deployment-schema.ts";
import { resolveDeployment } from "../deployment/resolve-deployment.ts";
import { deriveCalDemand } from "./derive-cal-demand.ts";

const catalog = smallTestCatalog();
const standard = { name: "S1", product: "ws2012-standard" };

/** The demand as `family tier user/device` lines and the exemptions as `rule server who`. */
function demandOf(input: DeploymentInput) {
  const resolved = resolveDeployment(input, catalog);
  assert.ok(resolved.success, JSON.stringify(!resolved.success && resolved.problems));
  const used = new Set<string>();
  const demand = deriveCalDemand(resolved.value, catalog, used);
  const items = [...demand.items.values()]
    .flat()
    .map(
      (i) =>
        `${i.family} ${catalog.families.get(i.family)?.versions[i.tier]} ${i.user ?? "-"}/${i.device ?? "-"}${i.deviceOnly ? " device-only" : ""}${i.userOnly ? " user-only" : ""}`,
    );
  const exemptions = demand.exemptions.map((e) => `${e.rule} ${e.server} ${e.who ?? "-"}`);
  return { items, exemptions, used, demand };
}

test("each access needs a CAL of the server's version, by its user or its device [R1][R4]", () => {
  const { items, exemptions } = demandOf({
    servers: [standard],
    accesses: [{ user: "alice", device: "PC1", server: "S1" }],
  });
  assert.deepEqual(items, ["ws-cal 2012 alice/PC1"]);
  assert.deepEqual(exemptions, []);
});

test("an access without a device can only be covered by a user CAL, one without a user only by a device CAL", () => {
  const { items } = demandOf({
    servers: [standard],
    accesses: [
      { user: "alice", server: "S1" },
      { device: "PC1", server: "S1" },
    ],
  });
  assert.deepEqual(items, ["ws-cal 2012 alice/- user-only", "ws-cal 2012 -/PC1 device-only"]);
});

test("a device no person operates needs a device CAL even when a user is named [R7]", () => {
  const { items, demand } = demandOf({
    servers: [standard],
    devices: [{ id: "scanner", unattended: true }],
    accesses: [{ user: "alice", device: "scanner", server: "S1" }],
  });
  assert.deepEqual(items, ["ws-cal 2012 -/scanner device-only"]);
  assert.ok(demand.items.get("ws-cal")?.[0]?.rules.includes("unattended-device"));
});

test("RDS needs a WS CAL plus the additive RDS CAL [R32]", () => {
  const { items, demand } = demandOf({
    servers: [standard],
    accesses: [{ user: "alice", device: "PC1", server: "S1", service: "rds" }],
  });
  assert.deepEqual(items, ["ws-cal 2012 alice/PC1", "rds-cal 2012 alice/PC1"]);
  assert.ok(demand.items.get("rds-cal")?.[0]?.rules.includes("additive-cal"));
});

test("multiplexing through a front end does not remove the CAL [R4][R5]", () => {
  const { items, demand } = demandOf({
    servers: [standard, { name: "WEB", product: "ws2012-standard" }],
    accesses: [{ user: "alice", server: "S1", via: "WEB" }],
  });
  assert.deepEqual(items, ["ws-cal 2012 alice/- user-only"]);
  assert.ok(demand.items.get("ws-cal")?.[0]?.rules.includes("multiplexing"));
});

test("anonymous Internet access, server-to-server traffic and a Hyper-V-only host need no CAL [R2][R13]", () => {
  const { items, exemptions } = demandOf({
    servers: [
      standard,
      { name: "APP", product: "ws2012-standard" },
      { name: "HV", product: "ws2012-datacenter", hypervOnlyHost: true },
    ],
    anonymous: [{ server: "S1", visitors: 1000 }],
    accesses: [
      { fromServer: "APP", server: "S1" },
      { user: "admin", server: "HV" },
    ],
  });
  assert.deepEqual(items, []);
  assert.deepEqual(exemptions, [
    "anonymous-internet S1 -",
    "server-to-server S1 -",
    "virtualisation-host HV admin",
  ]);
});

test("at most two admin-only users per server are exempt; the one who also uses the server is not chosen first [R2]", () => {
  const { items, exemptions, used } = demandOf({
    servers: [standard],
    accesses: [
      { user: "bob", server: "S1" },
      { user: "bob", server: "S1", service: "admin" },
      { user: "ann", server: "S1", service: "admin" },
      { user: "eve", server: "S1", service: "admin" },
    ],
  });
  // ann and eve only administer: exempt. bob uses the server anyway and needs a CAL for both accesses.
  assert.deepEqual(exemptions, ["admin-only S1 ann", "admin-only S1 eve"]);
  assert.deepEqual(items, ["ws-cal 2012 bob/- user-only", "ws-cal 2012 bob/- user-only"]);
  assert.ok(used.has("admin-exemption-scope"));
});

test("with the per-customer assumption the two exempt admins are the same two on every server", () => {
  const { exemptions, items } = demandOf({
    servers: [standard, { name: "S2", product: "ws2012-standard" }],
    accesses: [
      { user: "ann", server: ["S1", "S2"], service: "admin" },
      { user: "eve", server: "S1", service: "admin" },
      { user: "max", server: "S2", service: "admin" },
    ],
    assumptions: { "admin-exemption-scope": "per-customer" },
  });
  assert.deepEqual(exemptions, ["admin-only S1 ann", "admin-only S2 ann", "admin-only S1 eve"]);
  assert.deepEqual(items, ["ws-cal 2012 max/- user-only"]);
});

test("an edition that needs no CALs creates no demand [R21]", () => {
  const { items } = demandOf({
    servers: [{ name: "F", product: "ws2012-foundation" }],
    accesses: [{ user: "alice", device: "PC1", server: "F" }],
  });
  assert.deepEqual(items, []);
});
