import assert from "node:assert/strict";
import { test } from "node:test";
import { bytesSource, type EvidenceProblem } from "@calwise/evidence";
import { type EvidenceRecord, evidenceRecordSchema } from "./evidence-record-schema.ts";
import { type EvidenceRecordsEnd, readEvidenceRecords } from "./read-evidence-records.ts";

/** Reads a source to the end: its records (each checked against the schema), problems and end. */
async function readAll(name: string, text: string) {
  const problems: EvidenceProblem[] = [];
  const records: EvidenceRecord[] = [];
  // Pieces of 5 bytes: records, lines and characters are cut as an upload stream may cut them.
  const reader = readEvidenceRecords(bytesSource(name, text, 5), {
    onProblem: (p) => problems.push(p),
  });
  let end: EvidenceRecordsEnd;
  for (;;) {
    const next = await reader.next();
    if (next.done) {
      end = next.value;
      break;
    }
    evidenceRecordSchema.parse(next.value);
    records.push(next.value);
  }
  return { records, problems, end };
}

const winlogbeatLine = (record: number, user: string) =>
  JSON.stringify({
    "@timestamp": "2026-11-20T08:00:00.000Z",
    winlog: {
      channel: "Security",
      computer_name: "FS1.example.corp",
      event_id: 4624,
      record_id: record,
      provider_name: "Microsoft-Windows-Security-Auditing",
      event_data: { TargetUserName: user, LogonType: "3" },
    },
  });

test("prints a Winlogbeat event as calwise events does, with its line, and skips a bad line", async () => {
  const text = `${winlogbeatLine(7, "ann")}\nnot json\n${winlogbeatLine(8, "bob")}\n`;
  const { records, problems, end } = await readAll("upload.ndjson", text);
  // Compared as the JSON line it becomes (event data is a null-prototype object).
  assert.deepEqual(JSON.parse(JSON.stringify(records[0])), {
    file: "upload.ndjson",
    record: 7,
    line: 1,
    time: "2026-11-20T08:00:00.000Z",
    eventId: 4624,
    channel: "Security",
    provider: "Microsoft-Windows-Security-Auditing",
    computer: "FS1.example.corp",
    data: { TargetUserName: "ann", LogonType: "3" },
  });
  assert.deepEqual(
    records.map((r) => ("line" in r ? r.line : undefined)),
    [1, 3],
  );
  assert.deepEqual(
    problems.map((p) => `${p.file}:${p.line} ${p.code}`),
    ["upload.ndjson:2 JSON_BAD_LINE"],
  );
  assert.equal(end.read && end.summary.format, "winlogbeat-jsonl");
});

test("prints UAL and AD records with their format first", async () => {
  const ual = await readAll(
    "ual.csv",
    '"ActivityCount","FirstSeen","LastSeen","RoleName","ProductName","UserName","PSComputerName"\r\n"3","8/3/2026 8:01:15 AM","11/20/2026 4:55:02 PM","File Server","Windows Server 2016","EX\\ann","FS1"\r\n',
  );
  assert.deepEqual(ual.records, [
    {
      format: "ual-user-csv",
      kind: "user",
      server: "FS1",
      userName: "EX\\ann",
      roleName: "File Server",
      productName: "Windows Server 2016",
      firstSeen: "2026-08-03T08:01:15Z",
      lastSeen: "2026-11-20T16:55:02Z",
      activityCount: 3,
      tenantIdentifier: "",
      location: { file: "ual.csv", line: 2, record: 1 },
    },
  ]);
  const users = await readAll(
    "users.csv",
    '"SamAccountName","Enabled","DistinguishedName"\r\n"ann","False","CN=ann,DC=example,DC=corp"\r\n',
  );
  assert.deepEqual(
    users.records.map((r) => ["format" in r ? r.format : "", "enabled" in r ? r.enabled : ""]),
    [["ad-user-csv", false]],
  );
  const computers = await readAll(
    "computers.csv",
    '"Name","DNSHostName","OperatingSystem"\r\n"FS1","fs1.example.corp","Windows Server 2016 Standard"\r\n',
  );
  assert.deepEqual(
    computers.records.map((r) => ["format" in r ? r.format : "", "name" in r ? r.name : ""]),
    [["ad-computer-csv", "FS1"]],
  );
});

test("refuses a source in no known format, and an empty one, without reading records", async () => {
  const unknown = await readAll("notes.txt", "hello world\n");
  assert.equal(unknown.records.length, 0);
  assert.equal(unknown.end.read, false);
  assert.match(!unknown.end.read ? unknown.end.message : "", /^not a known evidence format/);
  const empty = await readAll("empty.evtx", "");
  assert.deepEqual(empty.end, { read: false, unreadable: false, message: "the file is empty" });
});

test("a source that fails to open is unreadable, with the reason", async () => {
  const failing = {
    name: "gone.evtx",
    // biome-ignore lint/correctness/useYield: a source whose opening fails before any byte
    async *open(): AsyncGenerator<Uint8Array> {
      throw Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT" });
    },
  };
  const reader = readEvidenceRecords(failing);
  const next = await reader.next();
  assert.deepEqual(next, {
    done: true,
    value: { read: false, unreadable: true, message: "cannot read the file: no such file" },
  });
});
