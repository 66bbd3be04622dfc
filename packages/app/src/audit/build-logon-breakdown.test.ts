import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { describeColumnsDeployment } from "@calwise/core";
import { logonRuleSources, logonRules } from "@calwise/evidence";
import { applyAuditWindow } from "./apply-audit-window.ts";
import { type AuditDeployment, buildAuditDeployment } from "./build-audit-deployment.ts";
import { buildLogonBreakdown } from "./build-logon-breakdown.ts";
import { checkOwnedDeployment } from "./check-owned-deployment.ts";
import { createAuditLedger } from "./create-audit-ledger.ts";
import { InventoryIndex } from "./inventory-index.ts";
import { logonEvent } from "./testing/logon-event.ts";

/** The deployment document the built columns stand for. */
const documentOf = (built: AuditDeployment) => describeColumnsDeployment(built.deployment);

const catalog = loadCatalog();
const owned = { servers: [{ name: "FS1", product: "ws2016-standard" }] };

/** The ledger over these logons on FS1 (an owned server), its deployment and its breakdown. */
function run(logons: Parameters<typeof logonEvent>[0][]) {
  const ownedDeployment = checkOwnedDeployment({ name: "owned.yaml", data: owned });
  const ledger = createAuditLedger(ownedDeployment.servers, new InventoryIndex(), {});
  for (const l of logons) ledger.recordLogon(logonEvent(l));
  const windowed = applyAuditWindow(undefined, ledger);
  const built = buildAuditDeployment(ownedDeployment, windowed, ledger.tally, catalog);
  return { built, breakdown: buildLogonBreakdown(ledger.tally, ledger.tally.counted > 0) };
}

test("logons not counted are broken down by account and by the rule that decided", () => {
  const { breakdown } = run([
    { recordId: 1, targetUserName: "SYSTEM", targetDomainName: "NT AUTHORITY", logonType: 5 },
    { recordId: 2, targetUserName: "SYSTEM", targetDomainName: "NT AUTHORITY", logonType: 5 },
    { recordId: 3, targetUserName: "DWM-2", targetDomainName: "Window Manager", logonType: 2 },
    { recordId: 4, targetUserName: "UMFD-2", targetDomainName: "Font Driver Host", logonType: 2 },
    { recordId: 5, targetUserName: "defaultuser0", targetDomainName: "FS1", logonType: 2 },
    { recordId: 6, targetUserName: "WDAGUtilityAccount", targetDomainName: "FS1" },
    { recordId: 7, targetUserName: "IUSR", targetDomainName: "NT AUTHORITY", logonType: 8 },
    { recordId: 8, targetUserName: "DefaultAppPool", targetDomainName: "IIS APPPOOL" },
    { recordId: 9, targetUserName: "PC01$", targetDomainName: "EXAMPLE" },
    {
      recordId: 10,
      targetUserName: "LOCAL SERVICE",
      targetDomainName: "NT AUTHORITY",
      targetUserSid: "S-1-5-19",
      logonType: 5,
    },
    {
      recordId: 11,
      targetUserName: "NETWORK SERVICE",
      targetDomainName: "NT AUTHORITY",
      targetUserSid: "S-1-5-20",
      logonType: 5,
    },
    { recordId: 12, targetUserName: "ann", logonType: 4 },
    { recordId: 13, targetUserName: "ann" },
  ]);
  const rows = breakdown.notCounted.map((x) => `${x.rule} ${x.account} ${x.events} ${x.reason}`);
  assert.deepEqual(rows, [
    "font-driver-host Font Driver Host\\UMFD-2 1 system-account",
    "iis-anonymous-user NT AUTHORITY\\IUSR 1 anonymous",
    "iis-app-pool IIS APPPOOL\\DefaultAppPool 1 system-account",
    "local-service NT AUTHORITY\\LOCAL SERVICE 1 system-account",
    "local-system NT AUTHORITY\\SYSTEM 2 system-account",
    "logon-type-not-counted EXAMPLE\\ann 1 logon-type-not-counted",
    "machine-account EXAMPLE\\PC01$ 1 machine-account",
    "network-service NT AUTHORITY\\NETWORK SERVICE 1 system-account",
    "oobe-setup-account FS1\\defaultuser0 1 system-account",
    "wdag-utility-account FS1\\WDAGUtilityAccount 1 system-account",
    "window-manager Window Manager\\DWM-2 1 system-account",
  ]);
  assert.deepEqual(breakdown.notCounted[4]?.servers, ["FS1.example.corp"]);
  // Every rule named has its sources, and every W source resolves to an address.
  const named = new Set(breakdown.rules.map((r) => r.id));
  for (const x of breakdown.notCounted) assert.ok(named.has(x.rule), x.rule);
  assert.ok(named.has("person-logon"));
  for (const r of breakdown.rules) {
    assert.ok(r.sources.length > 0, r.id);
    for (const s of r.sources)
      if (s.label.startsWith("W")) assert.match(s.url ?? "", /^https?:\/\//, `${r.id} ${s.label}`);
  }
  for (const r of Object.values(logonRules))
    for (const label of r.sources)
      assert.ok(label.startsWith("R") || label in logonRuleSources, `${r.id} cites ${label}`);
});

test("an ANONYMOUS LOGON from an internal workstation is an unauthenticated session, not Internet access", () => {
  const anonymous = {
    targetUserName: "ANONYMOUS LOGON",
    targetDomainName: "NT AUTHORITY",
    targetUserSid: "S-1-5-7",
    workstationName: "PC02",
    ipAddress: "10.0.2.18",
  };
  const { built, breakdown } = run([{ recordId: 1, ...anonymous }]);
  const entry = breakdown.notCounted[0];
  assert.equal(entry?.rule, "anonymous-logon");
  assert.deepEqual(entry?.from, ["PC02 10.0.2.18"]);
  assert.match(entry?.description ?? "", /unauthenticated session \(from an internal device\)/);
  assert.match(entry?.description ?? "", /no CAL for this identity/);
  assert.match(entry?.description ?? "", /device may still need a CAL/);
  assert.doesNotMatch(entry?.description ?? "", /Internet/);
  // Not handed to the engine as its "anonymous Internet access" exemption.
  assert.deepEqual(documentOf(built).anonymous, []);
  assert.deepEqual(documentOf(built).accesses, []);

  const fromItself = run([
    { recordId: 1, ...anonymous, workstationName: "-", ipAddress: "127.0.0.1" },
  ]).breakdown.notCounted[0];
  assert.match(fromItself?.description ?? "", /opened on the server itself/);
  assert.doesNotMatch(fromItself?.description ?? "", /device may still need/);
});

test("a logon at the server's console or from loopback counts the user, never the server as a device", () => {
  const { built, breakdown } = run([
    {
      recordId: 1,
      targetUserName: "ann",
      logonType: 2,
      workstationName: "FS1",
      ipAddress: "127.0.0.1",
    },
    { recordId: 2, targetUserName: "bob", logonType: 3, workstationName: "-", ipAddress: "::1" },
    { recordId: 3, targetUserName: "cat", logonType: 3, workstationName: "fs1.example.corp" },
    { recordId: 4, targetUserName: "dan", logonType: 11, workstationName: "FS1" },
    { recordId: 5, targetUserName: "eve", logonType: 3, workstationName: "PC01" },
  ]);
  assert.deepEqual(
    documentOf(built).accesses?.map((a) => `${a.user} ${a.device ?? "-"} ${a.server}`),
    [
      "EXAMPLE\\ann - FS1",
      "EXAMPLE\\bob - FS1",
      "EXAMPLE\\cat - FS1",
      "EXAMPLE\\dan - FS1",
      "EXAMPLE\\eve PC01 FS1",
    ],
  );
  assert.deepEqual(documentOf(built).devices, ["PC01"]);
  assert.deepEqual(
    breakdown.atServer.map((a) => `${a.server} ${a.user} ${a.events} ${a.rule}`),
    [
      "FS1 EXAMPLE\\ann 1 server-own-console",
      "FS1 EXAMPLE\\bob 1 server-own-console",
      "FS1 EXAMPLE\\cat 1 server-own-console",
      "FS1 EXAMPLE\\dan 1 server-own-console",
    ],
  );
  assert.ok(breakdown.rules.some((r) => r.id === "server-own-console"));
});
