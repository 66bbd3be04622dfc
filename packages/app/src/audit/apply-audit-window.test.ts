import assert from "node:assert/strict";
import { test } from "node:test";
import type { AdComputer } from "@calwise/evidence";
import { applyAuditWindow } from "./apply-audit-window.ts";
import { createAuditLedger } from "./create-audit-ledger.ts";
import { InventoryIndex } from "./inventory-index.ts";
import { logonEvent } from "./testing/logon-event.ts";

const computer = (name: string, operatingSystem: string): AdComputer => ({
  name,
  dnsHostName: `${name.toLowerCase()}.example.corp`,
  ipv4Address: "",
  ipv6Address: "",
  operatingSystem,
  enabled: true,
  domain: "example.corp",
  location: { file: "computers.csv", line: 2 },
});

/** A ledger over FS1 (owned) and FS2 (AD) with logons on 2026-01-02 (FS2) and 2026-11-20 (FS1). */
function ledgerWithTwoLogons(since?: string) {
  const inventory = new InventoryIndex();
  inventory.addComputer(computer("FS2", "Windows Server 2016 Standard"));
  const ledger = createAuditLedger([{ name: "FS1", product: "ws2016-standard" }], inventory, {
    ...(since ? { since } : {}),
  });
  ledger.recordLogon(logonEvent({ recordId: 1, computer: "FS2", time: "2026-01-02T08:00:00Z" }));
  ledger.recordLogon(logonEvent({ recordId: 2, computer: "FS1", time: "2026-11-20T08:00:00Z" }));
  return ledger;
}

test("window: the 90 days before the newest event keep only the accesses seen in them", () => {
  const windowed = applyAuditWindow(undefined, ledgerWithTwoLogons());
  assert.equal(windowed.window.rule, "ninety-days-before-newest");
  assert.equal(windowed.window.start, "2026-08-22T08:00:00.000Z");
  assert.deepEqual(
    Array.from(windowed.inWindow, (id) => windowed.ledger.record(id)).map(
      (r) => `${r.user} ${r.device} ${r.server}`,
    ),
    ["EXAMPLE.CORP\\ann PC01 FS1"],
  );
  assert.deepEqual([...windowed.usedServers.keys()], ["FS1"]);
});

test("window: --since counts from that day, and names every server reached", () => {
  const ledger = ledgerWithTwoLogons("2026-01-01");
  const windowed = applyAuditWindow("2026-01-01", ledger);
  assert.equal(windowed.window.start, "2026-01-01T00:00:00Z");
  assert.equal(windowed.inWindow.length, 2);
  assert.deepEqual(
    [...windowed.usedServers.values()].map((s) => `${s.name} ${s.product} ${s.source}`),
    ["FS2 ws2016-standard inventory", "FS1 ws2016-standard owned"],
  );
});
