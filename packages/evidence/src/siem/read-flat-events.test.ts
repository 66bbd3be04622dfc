import assert from "node:assert/strict";
import { test } from "node:test";
import { detectEvidenceFormat } from "../event/detect-evidence-format.ts";
import { type EventFormat, readWindowsEvents } from "../event/read-windows-events.ts";
import { toLogonEvent } from "../logon/to-logon-event.ts";
import { bytesSource } from "../source/byte-source.ts";
import { drainReader } from "../testing/drain-reader.ts";
import type { EventFieldMap } from "./event-field-map.ts";
import { flatFieldMap } from "./siem-field-maps.ts";

// Hand-written samples of each SIEM export, read in tiny pieces so records and characters are cut.
async function read(name: string, text: string, format?: EventFormat, fieldMap?: EventFieldMap) {
  const source = bytesSource(name, text, 7);
  const detected = await detectEvidenceFormat(source);
  const used = format ?? (detected.ok ? (detected.format as EventFormat) : undefined);
  assert.ok(used, `${name}: ${detected.ok ? "" : detected.message}`);
  const { records, summary } = await drainReader(
    readWindowsEvents(source, used, fieldMap ? { fieldMap } : {}),
  );
  return { detected, events: records.map(toLogonEvent), summary };
}

const sentinelCsv = [
  '"TimeGenerated [UTC]","Computer","EventID","Activity","TargetUserName","TargetDomainName","LogonType","IpAddress","WorkstationName"',
  '"3/4/2026, 9:05:01.250 AM","FS01.corp.example","4624","4624 - An account was successfully logged on.","alice","CORP","3","10.0.0.7","PC07"',
  '"3/4/2026, 1:15:00.000 PM","FS01.corp.example","4634","4634 - An account was logged off.","alice","CORP","3","",""',
  '"not a time","FS01.corp.example","4624","","bob","CORP","3","",""',
].join("\r\n");

test("SIEM exports", async (t) => {
  await t.test(
    "Sentinel CSV from the portal: the [UTC] column, its time text, each event",
    async () => {
      const { detected, events, summary } = await read("sentinel.csv", sentinelCsv);
      assert.deepEqual(detected, { ok: true, format: "sentinel-csv" });
      assert.equal(events.length, 2);
      const [logon] = events;
      assert.equal(logon?.time, "2026-03-04T09:05:01.250Z");
      assert.equal(logon?.computer, "FS01.corp.example");
      assert.equal(logon?.targetUserName, "alice");
      assert.equal(logon?.targetDomainName, "CORP");
      assert.equal(logon?.logonType, 3);
      assert.equal(logon?.ipAddress, "10.0.0.7");
      assert.equal(logon?.workstationName, "PC07");
      assert.equal(logon?.recordId, null, "SecurityEvent has no record id");
      assert.equal(events[1]?.time, "2026-03-04T13:15:00.000Z");
      assert.deepEqual(summary.eventIds, { "4624": 1, "4634": 1 });
      assert.deepEqual(
        summary.problems.map((p) => [p.code, p.line]),
        [["EVENT_BAD_FIELD", 4]],
      );
      assert.match(summary.problems[0]?.expected ?? "", /TimeGenerated/);
    },
  );

  await t.test("Sentinel JSON: an array of rows (az monitor log-analytics query)", async () => {
    const rows = [
      {
        TimeGenerated: "2026-03-04T09:05:01.2500000Z",
        Computer: "FS01",
        EventID: 4624,
        TargetUserName: "alice",
        TargetDomainName: "CORP",
        LogonType: 10,
        IpAddress: "10.0.0.7",
        WorkstationName: "FS01",
      },
      { TimeGenerated: "2026-03-04T09:06:00Z", Computer: "FS01", EventID: "x" },
    ];
    const { detected, events, summary } = await read(
      "sentinel.json",
      JSON.stringify(rows, null, 2),
    );
    assert.deepEqual(detected, { ok: true, format: "sentinel-json", jsonArray: true });
    assert.equal(events.length, 1);
    assert.equal(events[0]?.logonType, 10);
    assert.equal(events[0]?.time, "2026-03-04T09:05:01.2500000Z");
    assert.equal(events[0]?.location.line, 2, "located at the element's first line");
    assert.deepEqual(
      summary.problems.map((p) => [p.code, p.line]),
      [["EVENT_BAD_FIELD", 12]],
    );
    // The same array on one line (jq -c) reads the same.
    const compact = await read("sentinel-compact.json", JSON.stringify(rows));
    assert.deepEqual(
      compact.events.map((e) => e.targetUserName),
      ["alice"],
    );
  });

  await t.test("Splunk export: result lines, multi-valued names give the new logon", async () => {
    const lines = [
      {
        preview: false,
        offset: 0,
        result: {
          _time: "2026-03-04T10:05:01.000+01:00",
          ComputerName: "FS01.corp.example",
          EventCode: "4624",
          RecordNumber: "881",
          LogName: "Security",
          Account_Name: ["FS01$", "alice"],
          Account_Domain: ["CORP", "CORP"],
          Logon_Type: "3",
          Source_Network_Address: "10.0.0.7",
          Workstation_Name: "PC07",
        },
      },
      { preview: false, lastrow: true },
    ];
    const text = lines.map((l) => JSON.stringify(l)).join("\n");
    const { detected, events, summary } = await read("splunk.json", text);
    assert.deepEqual(detected, { ok: true, format: "splunk-json", jsonArray: false });
    assert.equal(events.length, 1);
    assert.equal(events[0]?.targetUserName, "alice", "the last of Account_Name");
    assert.equal(events[0]?.time, "2026-03-04T09:05:01.000Z", "the offset applied");
    assert.equal(events[0]?.recordId, 881);
    assert.deepEqual(summary.problems, [], "the last-row marker is no problem");
  });

  await t.test("flat JSON lines: NXLog's names at the top level", async () => {
    const line = JSON.stringify({
      EventTime: "2026-03-04 09:05:01",
      Hostname: "FS01",
      EventID: 4624,
      RecordNumber: 12,
      Channel: "Security",
      SourceName: "Microsoft-Windows-Security-Auditing",
      TargetUserName: "alice",
      TargetDomainName: "CORP",
      LogonType: "3",
    });
    const { detected, events } = await read("flat.ndjson", `${line}\n`);
    assert.deepEqual(detected, { ok: true, format: "flat-json", jsonArray: false });
    assert.equal(events[0]?.time, "2026-03-04T09:05:01Z");
    assert.equal(events[0]?.computer, "FS01");
    assert.equal(events[0]?.provider, "Microsoft-Windows-Security-Auditing");
  });

  await t.test(
    "a repeated logon key or column is refused, as every reader refuses it",
    async () => {
      const json =
        '{"EventID":4624,"TimeCreated":"2026-03-04T09:05:01Z","Computer":"FS01","TargetUserName":"alice","TargetUserName":"mallory","LogonType":"3"}';
      const fromJson = await read("repeat.ndjson", json);
      assert.equal(fromJson.events.length, 0);
      assert.equal(fromJson.summary.problems[0]?.code, "EVENT_REPEATED_FIELD");
      assert.match(
        fromJson.summary.problems[0]?.received ?? "",
        /"mallory" and "mallory"|"alice" and "mallory"/,
      );
      const csv =
        '"TimeGenerated","Computer","EventID","TargetUserName","TargetUserName"\n"2026-03-04T09:05:01Z","FS01","4624","alice","mallory"\n';
      const fromCsv = await read("repeat.csv", csv);
      assert.equal(fromCsv.events.length, 0);
      assert.equal(fromCsv.summary.problems[0]?.code, "EVENT_REPEATED_FIELD");
      assert.match(fromCsv.summary.problems[0]?.received ?? "", /"alice" and "mallory"/);
    },
  );

  await t.test("--field-map: any CSV or JSON names its own columns", async () => {
    const map: EventFieldMap = {
      ...flatFieldMap,
      eventId: ["event_code"],
      time: ["ts"],
      computer: ["dest_host"],
      data: { ...flatFieldMap.data, TargetUserName: ["user"], LogonType: ["logon_kind"] },
    };
    const csv = "ts,dest_host,event_code,user,logon_kind\n2026-03-04T09:05:01Z,FS01,4624,alice,3\n";
    const { events } = await read("custom.csv", csv, "mapped-csv", map);
    assert.equal(events[0]?.targetUserName, "alice");
    assert.equal(events[0]?.logonType, 3);
    const json =
      '{"ts":"2026-03-04T09:05:01Z","dest_host":"FS01","event_code":4624,"user":"bob","logon_kind":10}\n';
    const fromJson = await read("custom.ndjson", json, "mapped-json", map);
    assert.equal(fromJson.events[0]?.targetUserName, "bob");
    // A CSV without the mapped columns is refused with the columns it has.
    const refused = await read("other.csv", "a,b\n1,2\n", "mapped-csv", map);
    assert.equal(refused.summary.problems[0]?.code, "CSV_MISSING_COLUMN");
    assert.equal(refused.summary.problems[0]?.received, "a, b");
  });

  await t.test("an unknown JSON or CSV file is refused with the fields it has", async () => {
    const json = await detectEvidenceFormat(bytesSource("x.json", '{"foo":1,"bar":2}\n'));
    assert.equal(json.ok, false);
    assert.match(json.ok ? "" : json.message, /fields: foo, bar/);
    const csv = await detectEvidenceFormat(bytesSource("x.csv", "Time,Host,Code\n1,2,3\n"));
    assert.match(csv.ok ? "" : csv.message, /columns: Time, Host, Code/);
  });
});
