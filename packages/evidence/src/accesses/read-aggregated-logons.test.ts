import assert from "node:assert/strict";
import { test } from "node:test";
import { detectEvidenceFormat } from "../event/detect-evidence-format.ts";
import { bytesSource } from "../source/byte-source.ts";
import { drainReader } from "../testing/drain-reader.ts";
import { readAggregatedLogons } from "./read-aggregated-logons.ts";

const csv = [
  "user,device,address,server,logon_type,first_seen,last_seen,count",
  "CORP\\alice,PC07,10.0.0.7,FS01,3,2026-01-05T08:00:00Z,2026-03-01T17:00:00Z,41",
  "bob,,10.0.0.9,FS01,10,2026-02-01 08:00:00,2026-02-01 09:00:00,2",
  "CORP\\carol,PC09,,FS01,3,2026-02-01T08:00:00Z,2026-01-01T08:00:00Z,5",
  "CORP\\dave,PC09,,FS01,3,2026-02-01T08:00:00Z,2026-02-01T08:00:00Z,0",
  "CORP\\erin,PC09,,FS01,network,2026-02-01T08:00:00Z,2026-02-01T08:00:00Z,1",
  ",PC09,,FS01,3,2026-02-01T08:00:00Z,2026-02-01T08:00:00Z,1",
].join("\n");

test("accesses files", async (t) => {
  await t.test("CSV: each row a logon standing for its count, bad rows located", async () => {
    const source = bytesSource("accesses.csv", csv, 5);
    assert.deepEqual(await detectEvidenceFormat(source), { ok: true, format: "accesses-csv" });
    const { records, summary } = await drainReader(readAggregatedLogons(source, "accesses-csv"));
    assert.equal(records.length, 2);
    const [alice, bob] = records;
    assert.equal(alice?.events, 41);
    assert.equal(alice?.firstSeen, "2026-01-05T08:00:00Z");
    assert.equal(alice?.logon.time, "2026-03-01T17:00:00Z");
    assert.equal(alice?.logon.targetDomainName, "CORP");
    assert.equal(alice?.logon.targetUserName, "alice");
    assert.equal(alice?.logon.workstationName, "PC07");
    assert.equal(alice?.logon.eventId, 4624);
    assert.equal(bob?.logon.targetDomainName, "", "an account without a domain");
    assert.equal(bob?.logon.logonType, 10);
    assert.deepEqual(
      summary.problems.map((p) => [p.code, p.line, p.message]),
      [
        ["EVENT_BAD_FIELD", 4, "column last_seen is not usable"],
        ["EVENT_BAD_FIELD", 5, "column count is not usable"],
        ["EVENT_BAD_FIELD", 6, "column logon_type is not usable"],
        ["EVENT_BAD_FIELD", 7, "column user is not usable"],
      ],
    );
    assert.equal(summary.records, 6);
    assert.equal(summary.skipped, 4);
  });

  await t.test("JSON lines: the same rows, numbers as numbers", async () => {
    const line = JSON.stringify({
      user: "CORP\\alice",
      device: "PC07",
      address: "10.0.0.7",
      server: "FS01",
      logon_type: 3,
      first_seen: "2026-01-05T08:00:00Z",
      last_seen: "2026-03-01T17:00:00Z",
      count: 41,
    });
    const source = bytesSource("accesses.ndjson", `${line}\nnot json\n`);
    assert.deepEqual(await detectEvidenceFormat(source), {
      ok: true,
      format: "accesses-jsonl",
      jsonArray: false,
    });
    const { records, summary } = await drainReader(readAggregatedLogons(source, "accesses-jsonl"));
    assert.equal(records[0]?.events, 41);
    assert.deepEqual(
      summary.problems.map((p) => [p.code, p.line]),
      [["JSON_BAD_LINE", 2]],
    );
  });

  await t.test("a CSV without the required columns is refused, naming what it has", async () => {
    const { records, summary } = await drainReader(
      readAggregatedLogons(bytesSource("a.csv", "user,server\nx,y\n"), "accesses-csv"),
    );
    assert.equal(records.length, 0);
    assert.equal(summary.problems[0]?.code, "CSV_MISSING_COLUMN");
    assert.deepEqual(summary.fields, ["user", "server"]);
  });
});
