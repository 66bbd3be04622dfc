import assert from "node:assert/strict";
import { describe, it } from "node:test";
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

describe("logon rules", () => {
  it("counts interactive, network, unlock, cleartext, remote and cached logons", () => {
    for (const logonType of [2, 3, 7, 8, 10, 11, 12, 13])
      assert.deepEqual(classifyLogon(logon({ logonType })), { counts: true, logonType });
  });

  it("does not count system, batch, service and new-credentials logons", () => {
    for (const logonType of [0, 4, 5, 9])
      assert.deepEqual(classifyLogon(logon({ logonType })), {
        counts: false,
        reason: "logon-type-not-counted",
      });
    assert.deepEqual(classifyLogon(logon({ logonType: null })), {
      counts: false,
      reason: "no-logon-type",
    });
  });

  it("does not count the server's own identities, machine accounts, or anonymous logons", () => {
    for (const targetUserName of ["SYSTEM", "LOCAL SERVICE", "NETWORK SERVICE", "DWM-1", "UMFD-12"])
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
  });

  it("recognises other events and does not count them", () => {
    for (const eventId of [4625, 4634, 4648, 4672])
      assert.deepEqual(classifyLogon(logon({ eventId })), {
        counts: false,
        reason: "not-a-successful-logon",
      });
  });

  it("a record seen twice (overlapping exports) is a duplicate; another computer's same id is not", () => {
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
  });

  it("record id sets hold large sparse ids in pages", () => {
    const s = new RecordIdSet();
    for (const id of [0, 1, 524287, 524288, 2 ** 40, 2 ** 53 - 1]) assert.equal(s.add(id), true);
    for (const id of [0, 1, 524287, 524288, 2 ** 40, 2 ** 53 - 1]) assert.equal(s.add(id), false);
    assert.equal(s.bytes, 4 * 65536);
  });

  it("the window is --since, or the 90 days before the newest event", () => {
    assert.equal(
      chooseAuditWindow("2026-08-01", "2026-11-20T08:00:00Z").start,
      "2026-08-01T00:00:00Z",
    );
    const w = chooseAuditWindow(undefined, "2026-11-20T08:00:00.000Z");
    assert.equal(w.start, "2026-08-22T08:00:00.000Z");
    assert.match(w.explanation, /\[R15\]\[R16\]/);
  });
});
