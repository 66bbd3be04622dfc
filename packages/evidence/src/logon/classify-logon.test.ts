import assert from "node:assert/strict";
import { test } from "node:test";
import { chooseAuditWindow } from "./choose-audit-window.ts";
import { classifyLogon } from "./classify-logon.ts";
import { EventDeduplicator } from "./event-deduplicator.ts";
import type { LogonEvent } from "./logon-event.ts";
import { RecordIdSet } from "./record-id-set.ts";

const logon = (over: Partial<LogonEvent>): LogonEvent => ({
  time: "2026-11-20T08:00:00Z",
  eventId: 4624,
  computer: "SRV1",
  channel: "Security",
  provider: "Microsoft-Windows-Security-Auditing",
  recordId: 1,
  logonType: 3,
  targetUserName: "alice",
  targetDomainName: "CORP",
  targetUserSid: "S-1-5-21-1-2-3-1001",
  workstationName: "PC1",
  ipAddress: "10.0.0.5",
  logonProcessName: "NtLmSsp",
  authenticationPackageName: "NTLM",
  location: { file: "f" },
  ...over,
});

test("logon rules", async (t) => {
  await t.test("counts interactive, network, unlock, cleartext, remote and cached logons", () => {
    for (const logonType of [2, 3, 7, 8, 10, 11, 12, 13])
      assert.deepEqual(classifyLogon(logon({ logonType })), {
        counts: true,
        logonType,
        rule: "person-logon",
      });
  });

  await t.test("does not count system, batch, service and new-credentials logons", () => {
    for (const logonType of [0, 4, 5, 9])
      assert.deepEqual(classifyLogon(logon({ logonType })), {
        counts: false,
        reason: "logon-type-not-counted",
        rule: "logon-type-not-counted",
      });
    assert.deepEqual(classifyLogon(logon({ logonType: null })), {
      counts: false,
      reason: "no-logon-type",
      rule: "no-logon-type",
    });
  });

  await t.test(
    "does not count the server's own identities, machine accounts, or anonymous logons",
    () => {
      for (const targetUserName of [
        "SYSTEM",
        "LOCAL SERVICE",
        "NETWORK SERVICE",
        "DWM-1",
        "UMFD-12",
      ])
        assert.equal(
          (classifyLogon(logon({ targetUserName })) as { reason: string }).reason,
          "system-account",
          targetUserName,
        );
      assert.equal(
        (classifyLogon(logon({ targetUserName: "PC7$" })) as { reason: string }).reason,
        "machine-account",
      );
      assert.equal(
        (
          classifyLogon(logon({ targetUserName: "ANONYMOUS LOGON", targetUserSid: "S-1-5-7" })) as {
            reason: string;
          }
        ).reason,
        "anonymous",
      );
      assert.equal(
        (classifyLogon(logon({ targetUserName: "-" })) as { reason: string }).reason,
        "no-account",
      );
    },
  );

  await t.test(
    "names the rule of every well-known account class, by name, domain or SID, whatever the logon type",
    () => {
      const cases: [Partial<LogonEvent>, string, string][] = [
        [
          { targetUserName: "SYSTEM", targetDomainName: "NT AUTHORITY" },
          "local-system",
          "system-account",
        ],
        [
          { targetUserName: "SYSTEEM", targetUserSid: "S-1-5-18" },
          "local-system",
          "system-account",
        ],
        [{ targetUserName: "LOCAL SERVICE" }, "local-service", "system-account"],
        [
          { targetUserName: "LOKALER DIENST", targetUserSid: "S-1-5-19" },
          "local-service",
          "system-account",
        ],
        [{ targetUserName: "NETWORK SERVICE", logonType: 5 }, "network-service", "system-account"],
        [{ targetUserName: "x", targetUserSid: "s-1-5-20" }, "network-service", "system-account"],
        [
          { targetUserName: "DWM-3", targetDomainName: "Window Manager", logonType: 2 },
          "window-manager",
          "system-account",
        ],
        [{ targetUserName: "DWM-12" }, "window-manager", "system-account"],
        [
          { targetUserName: "UMFD-0", targetDomainName: "Font Driver Host", logonType: 2 },
          "font-driver-host",
          "system-account",
        ],
        [{ targetUserName: "defaultuser0" }, "oobe-setup-account", "system-account"],
        [{ targetUserName: "defaultuser1", logonType: 2 }, "oobe-setup-account", "system-account"],
        [{ targetUserName: "WDAGUtilityAccount" }, "wdag-utility-account", "system-account"],
        [
          { targetUserName: "DefaultAppPool", targetDomainName: "IIS APPPOOL" },
          "iis-app-pool",
          "system-account",
        ],
        [
          { targetUserName: "IUSR", targetDomainName: "NT AUTHORITY", logonType: 8 },
          "iis-anonymous-user",
          "anonymous",
        ],
        [{ targetUserName: "IUSR_WEB1" }, "iis-anonymous-user", "anonymous"],
        [{ targetUserName: "PC7$" }, "machine-account", "machine-account"],
        [
          { targetUserName: "ANONYMOUS LOGON", targetUserSid: "S-1-5-7" },
          "anonymous-logon",
          "anonymous",
        ],
        [
          { targetUserName: "ANONYMOUS-ANMELDUNG", targetUserSid: "S-1-5-7" },
          "anonymous-logon",
          "anonymous",
        ],
      ];
      for (const [over, rule, reason] of cases)
        assert.deepEqual(
          classifyLogon(logon(over)),
          { counts: false, reason, rule },
          JSON.stringify(over),
        );
      for (const targetUserName of ["defaultuser", "dwm", "umfd-x", "iusrx", "systemd", "alice"])
        assert.equal(classifyLogon(logon({ targetUserName })).counts, true, targetUserName);
    },
  );

  await t.test("recognises other events and does not count them", () => {
    for (const eventId of [4625, 4634, 4648, 4672])
      assert.deepEqual(classifyLogon(logon({ eventId })), {
        counts: false,
        reason: "not-a-successful-logon",
        rule: "not-a-successful-logon",
      });
  });

  await t.test(
    "a record seen twice (overlapping exports) is a duplicate; another computer's same id is not",
    () => {
      const d = new EventDeduplicator();
      assert.equal(d.isFirst("SRV1", "Security", 4624, 77), true);
      assert.equal(d.isFirst("srv1", "security", 4624, 77), false);
      assert.equal(d.isFirst("SRV2", "Security", 4624, 77), true);
      assert.equal(d.isFirst("SRV1", "Security", 4624, null), true);
      assert.equal(
        d.isFirst("SRV1", "Security", 4624, null),
        true,
        "no record id: cannot be matched",
      );
    },
  );

  await t.test("record id sets hold large sparse ids in pages", () => {
    const s = new RecordIdSet();
    for (const id of [0, 1, 32767, 32768, 2 ** 40, 2 ** 53 - 1]) assert.equal(s.add(id), true);
    for (const id of [0, 1, 32767, 32768, 2 ** 40, 2 ** 53 - 1]) assert.equal(s.add(id), false);
    assert.equal(s.bytes, 4 * 4096);
  });

  await t.test("the window is --since, or the 90 days before the newest event", () => {
    assert.equal(
      chooseAuditWindow("2026-08-01", "2026-11-20T08:00:00Z").start,
      "2026-08-01T00:00:00Z",
    );
    const w = chooseAuditWindow(undefined, "2026-11-20T08:00:00.000Z");
    assert.equal(w.start, "2026-08-22T08:00:00.000Z");
    assert.match(w.explanation, /\[R15\]\[R16\]/);
  });
});
