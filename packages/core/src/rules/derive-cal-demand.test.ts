import assert from "node:assert/strict";
import { test } from "node:test";
import { smallTestCatalog } from "../catalog/small-test-catalog.ts";
import { resolveDeployment } from "../deployment/resolve-deployment.ts";
import { type DemandItem, demandHolderNumbers, deriveCalDemand } from "./derive-cal-demand.ts";

const catalog = smallTestCatalog();

test("deriveCalDemand numbers each item's holders as the deployment numbers its users and devices", () => {
  const resolved = resolveDeployment(
    {
      servers: [{ name: "S1", product: "ws2012-standard" }],
      users: ["U{1..3}", { id: "guest", kind: "external" }],
      devices: ["PC{1..3}", { id: "KIOSK", unattended: true }],
      accesses: [
        { user: "U{1..3}", device: "PC{1..3}", server: "S1" },
        { user: "U2", device: "KIOSK", server: "S1" },
        { user: "guest", server: "S1" },
        { device: "PC3", server: "S1" },
        { user: "U1", device: "PC2", server: "S1", via: "portal" },
      ],
    },
    catalog,
  );
  assert.ok(resolved.success);
  const { users, devices } = resolved.value;
  const demand = deriveCalDemand(resolved.value, catalog, new Set());
  for (const list of demand.items.values()) {
    const numbers = demandHolderNumbers(list);
    const items = [...list];
    assert.ok(numbers, "the derived list has its numbers");
    assert.equal(numbers.users, users.size);
    assert.equal(numbers.devices, devices.size);
    items.forEach((item: DemandItem, k) => {
      assert.equal(numbers.user[k], item.user === undefined ? -1 : users.get(item.user)?.index);
      assert.equal(
        numbers.device[k],
        item.device === undefined ? -1 : devices.get(item.device)?.index,
      );
    });
    // The unattended kiosk's item names no user holder; the external user's names no device.
    assert.ok(items.some((i) => i.device === "KIOSK" && i.user === undefined && i.deviceOnly));
    assert.ok(items.some((i) => i.user === "guest" && i.external && i.userOnly));
    // A copy of the list is not the derived list: it has no numbers (collapse then hashes names).
    assert.equal(demandHolderNumbers([...items]), undefined);
  }
});

test("demand read from resolution's access columns equals demand read from the access objects", () => {
  const resolved = resolveDeployment(
    {
      servers: [
        { name: "S1", product: "ws2012-standard" },
        { name: "S2", product: "ws2016-standard" },
        { name: "HOST", product: "ws2012-datacenter", hypervOnlyHost: true },
      ],
      users: ["U{1..3}", { id: "guest", kind: "external" }, "admin"],
      devices: ["PC{1..3}", { id: "KIOSK", unattended: true }],
      accesses: [
        { user: "U{1..3}", device: "PC{1..3}", server: ["S1", "S2"] },
        { user: "U2", device: "KIOSK", server: "S2", via: "portal" },
        { user: "guest", server: "S1", service: "rds" },
        { device: "PC3", server: "S1" },
        { user: "admin", server: "S2", service: "admin" },
        { user: "U1", server: "HOST" },
        { fromServer: "S1", server: "S2" },
      ],
    },
    catalog,
  );
  assert.ok(resolved.success);
  const columns = resolved.value;
  assert.ok(columns.accessColumns, "resolution gives the columns");
  // The objects made from the columns, and a deployment that carries only those objects.
  const objects = { ...columns, accessColumns: undefined };
  assert.deepEqual(
    objects.accesses.map((a) => [a.source, a.user, a.device, a.server, a.service, a.fromServer]),
    [
      [0, "U1", "PC1", "S1", undefined, undefined],
      [0, "U2", "PC2", "S1", undefined, undefined],
      [0, "U3", "PC3", "S1", undefined, undefined],
      [0, "U1", "PC1", "S2", undefined, undefined],
      [0, "U2", "PC2", "S2", undefined, undefined],
      [0, "U3", "PC3", "S2", undefined, undefined],
      [1, "U2", "KIOSK", "S2", undefined, undefined],
      [2, "guest", undefined, "S1", "rds", undefined],
      [3, undefined, "PC3", "S1", undefined, undefined],
      [4, "admin", undefined, "S2", "admin", undefined],
      [5, "U1", undefined, "HOST", undefined, undefined],
      [6, undefined, undefined, "S2", undefined, "S1"],
    ],
  );
  const used = [new Set<string>(), new Set<string>()];
  const fromColumns = deriveCalDemand(columns, catalog, used[0] as Set<string>);
  const fromObjects = deriveCalDemand(objects, catalog, used[1] as Set<string>);
  assert.deepEqual(fromColumns, fromObjects);
  assert.deepEqual(used[0], used[1]);
  assert.deepEqual(fromColumns.exemptions.map((e) => e.rule).sort(), [
    "admin-only",
    "server-to-server",
    "virtualisation-host",
  ]);
  assert.equal(
    [...(fromColumns.items.get("ws-cal") ?? [])].find((i) => i.device === "KIOSK")?.rules.length,
    4,
  );
});
