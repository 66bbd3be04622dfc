import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import type { Catalog } from "@calwise/core";
import fc from "fast-check";
import { applyAuditWindow, type WindowedAccesses } from "./apply-audit-window.ts";
import { buildAuditDeployment, ualPairLimit } from "./build-audit-deployment.ts";
import { checkOwnedDeployment } from "./check-owned-deployment.ts";
import { compareText } from "./compare-text.ts";
import { createAuditLedger } from "./create-audit-ledger.ts";
import { InventoryIndex } from "./inventory-index.ts";
import type { AuditServer } from "./server-directory.ts";
import { recordGenerated } from "./testing/record-generated.ts";

const catalog = loadCatalog();
const auditServices = ["admin", "rds"] as const;

/** The former access columns (a map of record lists by server name, arrays pushed), kept as the oracle. */
function formerAccessColumns(windowed: WindowedAccesses, catalog: Catalog) {
  const { inWindow: records, usedServers: servers, ledger } = windowed;
  const notes: string[] = [];
  const accessUser: number[] = [];
  const accessDevice: number[] = [];
  const accessServer: number[] = [];
  const accessService: number[] = [];
  const recordOfAccess: number[] = [];
  const pairedDeviceRecord = new Map<number, number>();
  const emit = (
    user: number,
    device: number,
    server: number,
    service: "admin" | "rds" | undefined,
    of: number,
    pairedDevice?: number,
  ) => {
    if (pairedDevice !== undefined) pairedDeviceRecord.set(accessServer.length, pairedDevice);
    accessUser.push(user > 0 ? user : -1);
    accessDevice.push(device > 0 ? device : -1);
    accessServer.push(server);
    accessService.push(service === undefined || user <= 0 ? -1 : auditServices.indexOf(service));
    recordOfAccess.push(of);
  };
  const offersRds = (serverName: string) => {
    const product = (servers.get(serverName) as AuditServer | undefined)?.product;
    return product !== undefined && catalog.products.get(product)?.services?.rds !== undefined;
  };
  const byServer = new Map<string, number[]>();
  for (const r of records) {
    const server = ledger.server(r);
    const list = byServer.get(server);
    if (list === undefined) byServer.set(server, [r]);
    else list.push(r);
  }
  for (const [server, list] of [...byServer].sort((a, b) => compareText(a[0], b[0]))) {
    const logons = list.filter((r) => ledger.origin(r) === "logon");
    const withUal = logons.length < list.length;
    const logonUsers = new Set(withUal ? logons.map((r) => ledger.user(r)) : []);
    const logonDevices = new Set(withUal ? logons.map((r) => ledger.device(r)) : []);
    const rds = offersRds(server);
    const serverId = ledger.serverId(list[0] as number);
    const ualUsers: number[] = [];
    const ualDevices: number[] = [];
    for (const r of list) {
      if (ledger.origin(r) === "logon") {
        const service = ledger.service(r);
        emit(
          ledger.userId(r),
          ledger.deviceId(r),
          serverId,
          service === "rds" && !rds ? undefined : service,
          r,
        );
        continue;
      }
      const user = ledger.user(r);
      const device = ledger.device(r);
      if (user !== undefined && !logonUsers.has(user)) ualUsers.push(r);
      else if (device !== undefined && !logonDevices.has(device)) ualDevices.push(r);
    }
    if (ualUsers.length > 0 && ualDevices.length > 0) {
      if (ualUsers.length * ualDevices.length <= ualPairLimit) {
        for (const u of ualUsers)
          for (const d of ualDevices)
            emit(ledger.userId(u), ledger.deviceId(d), serverId, ledger.service(u), u, d);
        notes.push(
          `${server}: UAL lists ${ualUsers.length} users and ${ualDevices.length} devices without pairing them; each user was paired with each device, so the optimiser covers all users or all devices [R44c][R45]`,
        );
        continue;
      }
      const usersSide = ualUsers.length <= ualDevices.length;
      notes.push(
        `${server}: UAL lists ${ualUsers.length} users and ${ualDevices.length} devices (over ${ualPairLimit} pairs); only the ${usersSide ? "users" : "devices"}, the smaller side, are required`,
      );
      for (const r of usersSide ? ualUsers : ualDevices)
        if (usersSide) emit(ledger.userId(r), 0, serverId, ledger.service(r), r);
        else emit(0, ledger.deviceId(r), serverId, undefined, r);
      continue;
    }
    for (const r of ualUsers) emit(ledger.userId(r), 0, serverId, ledger.service(r), r);
    for (const r of ualDevices) emit(0, ledger.deviceId(r), serverId, undefined, r);
  }
  return {
    user: Int32Array.from(accessUser),
    device: Int32Array.from(accessDevice),
    server: Int32Array.from(accessServer),
    service: Int32Array.from(accessService),
    recordOfAccess: Int32Array.from(recordOfAccess),
    pairedDeviceRecord,
    notes,
  };
}

// Servers whose names sort differently by code units and by the collator; one without RDS.
const servers = ["fs1", "FS2", "app1", "APP2", "b-1", "B_2"];
/** A logon (network or remote interactive) or a UAL record of a user or of an address. */
const record = fc.record({
  kind: fc.constantFrom("logon", "logon", "rdp", "ual-user", "ual-device"),
  user: fc.constantFrom("ann", "bob", "Ann", "cy", "dee"),
  device: fc.constantFrom("PC01", "PC02", "pc01", "KIOSK"),
  server: fc.constantFrom(...servers),
  day: fc.integer({ min: 1, max: 20 }),
});

test("deployment: the access columns by a counting sort over server ids are the former ones, access for access", () => {
  const owned = checkOwnedDeployment({
    name: "owned.yaml",
    data: {
      servers: servers.map((name, i) => ({
        name,
        product: i === 3 ? "ws2012-foundation" : "ws2019-standard",
      })),
    },
  });
  fc.assert(
    fc.property(fc.array(record, { minLength: 1, maxLength: 60 }), (records) => {
      const audit = createAuditLedger(owned.servers, new InventoryIndex(), {
        rdsHosts: servers,
      });
      for (const [i, l] of records.entries()) recordGenerated(audit, l, i);
      const windowed = applyAuditWindow(undefined, audit);
      const built = buildAuditDeployment(owned, windowed, audit.tally, catalog);
      const expected = formerAccessColumns(windowed, catalog);
      const { accesses } = built.deployment;
      assert.deepEqual(accesses.user, expected.user);
      assert.deepEqual(accesses.device, expected.device);
      assert.deepEqual(accesses.server, expected.server);
      assert.deepEqual(accesses.service, expected.service);
      assert.deepEqual(built.recordOfAccess, expected.recordOfAccess);
      assert.deepEqual(built.pairedDeviceRecord, expected.pairedDeviceRecord);
      assert.deepEqual(built.notes, expected.notes);
    }),
    { numRuns: 300 },
  );
});
