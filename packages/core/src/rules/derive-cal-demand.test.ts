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
  for (const items of demand.items.values()) {
    const numbers = demandHolderNumbers(items);
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
