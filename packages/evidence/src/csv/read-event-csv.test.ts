import assert from "node:assert/strict";
import { test } from "node:test";
import { bytesSource } from "../source/byte-source.ts";
import { drainReader } from "../testing/drain-reader.ts";
import { parseEventMessage } from "./parse-event-message.ts";
import { parseEventProperties } from "./parse-event-properties.ts";
import { readEventCsv } from "./read-event-csv.ts";

const header = '"Message","Id","RecordId","ProviderName","LogName","MachineName","TimeCreated"';
const message =
  "An account was successfully logged on.\r\n\r\nSubject:\r\n\tAccount Name:\t\tSRV1$\r\n\r\nLogon Information:\r\n\tLogon Type:\t\t3\r\n\r\nNew Logon:\r\n\tSecurity ID:\t\tS-1-5-21-1-2-3-1104\r\n\tAccount Name:\t\tsamir\r\n\tAccount Domain:\t\t3B\r\n\r\nNetwork Information:\r\n\tWorkstation Name:\tPC7\r\n\tSource Network Address:\t10.1.2.3\r\n";
const row = (id: string, time: string, record = "10") =>
  `"${message.replace(/"/g, '""')}","${id}","${record}","Microsoft-Windows-Security-Auditing","Security","SRV1","${time}"`;

test("Get-WinEvent CSV", async (t) => {
  await t.test(
    "reads the message's sections into event data by name (New Logon, not Subject)",
    () => {
      const data = parseEventMessage(4624, message);
      assert.equal(data.TargetUserName, "samir");
      assert.equal(data.SubjectUserName, "SRV1$");
      assert.equal(data.TargetDomainName, "3B");
      assert.equal(data.LogonType, "3");
      assert.equal(data.WorkstationName, "PC7");
      assert.equal(data.IpAddress, "10.1.2.3");
    },
  );

  await t.test(
    "names positional Properties by the 4624 template, and ignores the .NET type name",
    () => {
      assert.equal(parseEventProperties(4624, "System.Collections.Generic.List`1[x]"), undefined);
      const data = parseEventProperties(
        4624,
        JSON.stringify([
          "S-1-5-18",
          "SRV1$",
          "CORP",
          "0x3e7",
          "S-1-5-21-9",
          "bob",
          "CORP",
          "0x1",
          "10",
        ]),
      );
      assert.equal(data?.TargetUserName, "bob");
      assert.equal(data?.LogonType, "10");
    },
  );

  await t.test(
    "reads #TYPE, BOM, quotes with CRLF inside, and en-US times; lines stay true to the file",
    async () => {
      const text = `\uFEFF#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord\r\n${header}\r\n${row("4624", "11/20/2026 4:55:02 PM")}\r\n${row("4634", "2026-11-20T17:00:00Z", "11")}\r\n`;
      const { records, summary } = await drainReader(readEventCsv(bytesSource("e.csv", text)));
      assert.equal(records.length, 2);
      assert.equal(records[0]?.time, "2026-11-20T16:55:02Z");
      assert.equal(records[0]?.location.line, 3);
      assert.equal(records[1]?.location.line, 3 + message.split("\r\n").length);
      assert.equal(records[0]?.data.TargetUserName, "samir");
      assert.deepEqual(summary.problems, []);
    },
  );

  await t.test("reads UTF-16LE (Windows PowerShell's Out-File) the same", async () => {
    const text = `#TYPE x\r\n${header}\r\n${row("4624", "11/20/2026 4:55:02 PM")}\r\n`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const { records } = await drainReader(readEventCsv(bytesSource("e16.csv", bytes)));
    assert.equal(records[0]?.data.IpAddress, "10.1.2.3");
  });

  await t.test(
    "skips rows with a bad id, a bad time or broken quoting, located, and keeps the rest",
    async () => {
      const text = [
        header,
        row("x", "11/20/2026 4:55:02 PM"),
        row("4624", "yesterday"),
        '"broken,"4624",oops"x',
        row("4624", "11/20/2026 4:55:03 PM", "12"),
      ].join("\r\n");
      const { records, summary } = await drainReader(readEventCsv(bytesSource("bad.csv", text)));
      assert.deepEqual(
        records.map((r) => r.recordId),
        [12],
      );
      assert.equal(summary.skipped, 3);
      const codes = summary.problems.map((p) => p.code).sort();
      assert.deepEqual(codes, ["CSV_BAD_RECORD", "EVENT_BAD_FIELD", "EVENT_BAD_FIELD"]);
      const badId = summary.problems.find((p) => p.message.startsWith("column Id"));
      assert.equal(badId?.line, 2);
      assert.equal(badId?.received, '"x"');
    },
  );

  await t.test("refuses a CSV without the event columns, naming what is missing", async () => {
    const { records, summary } = await drainReader(
      readEventCsv(bytesSource("other.csv", '"Name","Size"\r\n"a","1"\r\n')),
    );
    assert.equal(records.length, 0);
    assert.equal(summary.problems[0]?.code, "CSV_MISSING_COLUMN");
    assert.match(
      summary.problems[0]?.message ?? "",
      /missing columns Id, TimeCreated, MachineName, Message/,
    );
  });
});
