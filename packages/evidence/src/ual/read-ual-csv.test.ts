import assert from "node:assert/strict";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { bytesSource } from "../source/byte-source.ts";
import { drainReader } from "../testing/drain-reader.ts";
import { fileSource } from "../testing/file-source.ts";
import { readUalCsv } from "./read-ual-csv.ts";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/ual/${name}`, import.meta.url));

test("User Access Logging exports", async (t) => {
  await t.test(
    "reads Get-UalUserAccess: user, role, server from PSComputerName, times as UTC",
    async () => {
      const { records, summary } = await drainReader(
        readUalCsv(fileSource(fixture("ual-users.csv"))),
      );
      assert.equal(summary.format, "ual-user-csv");
      assert.equal(records.length, 3);
      assert.deepEqual(
        { ...records[0], location: undefined },
        {
          kind: "user",
          server: "01566S-WIN16-IR",
          userName: "THREEBEESCO\\samir",
          roleName: "File Server",
          productName: "Windows Server 2016 Standard",
          firstSeen: "2026-08-03T08:01:15Z",
          lastSeen: "2026-11-20T16:55:02Z",
          activityCount: 12,
          tenantIdentifier: "00000000-0000-0000-0000-000000000000",
          location: undefined,
        },
      );
      assert.equal(records[0]?.location.line, 3);
    },
  );

  await t.test("reads Get-UalDeviceAccess by address", async () => {
    const { records, summary } = await drainReader(
      readUalCsv(fileSource(fixture("ual-devices.csv"))),
    );
    assert.equal(summary.format, "ual-device-csv");
    assert.deepEqual(
      records.map((r) => r.ipAddress),
      ["172.16.66.25", "172.16.66.77"],
    );
  });

  await t.test("needs a server: PSComputerName or the server option", async () => {
    const text =
      '"UserName","RoleName","FirstSeen","LastSeen","ActivityCount"\r\n"CORP\\a","File Server","1/2/2026 1:00:00 AM","1/3/2026 1:00:00 AM","2"\r\n';
    const source = bytesSource("ual-noserver.csv", text);
    const refused = await drainReader(readUalCsv(source));
    assert.equal(refused.records.length, 0);
    assert.equal(refused.summary.problems[0]?.code, "CSV_MISSING_COLUMN");
    assert.match(refused.summary.problems[0]?.message ?? "", /PSComputerName/);
    const given = await drainReader(readUalCsv(source, { server: "FS1" }));
    assert.equal(given.records[0]?.server, "FS1");
  });

  await t.test("skips a row with an empty user or an unreadable LastSeen, located", async () => {
    const text =
      '"UserName","RoleName","LastSeen","PSComputerName"\r\n"","File Server","1/3/2026 1:00:00 AM","FS1"\r\n"CORP\\b","File Server","soon","FS1"\r\n"CORP\\c","File Server","1/3/2026 1:00:00 AM","FS1"\r\n';
    const { records, summary } = await drainReader(readUalCsv(bytesSource("ual-bad.csv", text)));
    assert.deepEqual(
      records.map((r) => r.userName),
      ["CORP\\c"],
    );
    assert.deepEqual(
      summary.problems.map((p) => [p.code, p.line]),
      [
        ["EVENT_BAD_FIELD", 2],
        ["EVENT_BAD_FIELD", 3],
      ],
    );
  });
});
