import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { detectEvidenceFormat } from "../event/detect-evidence-format.ts";
import type { EventFormat } from "../event/read-windows-events.ts";
import { readWindowsEvents } from "../event/read-windows-events.ts";
import { evtxValueType } from "../evtx/evtx-value-type.ts";
import { buildEvtxFile } from "../evtx/testing/build-evtx-file.ts";
import { listEvtxCorpus } from "../evtx/testing/evtx-corpus.ts";
import { firstContentIndex, testEventRecord } from "../evtx/testing/test-event-record.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { bytesSource } from "../source/byte-source.ts";
import { drainReader } from "../testing/drain-reader.ts";
import { fileSource } from "../testing/file-source.ts";
import { findControlCharacter } from "./check-logon-fields.ts";
import { groupLogonEvents } from "./group-logon-events.ts";
import type { LogonEvent } from "./logon-event.ts";
import { readLogonEvents } from "./read-logon-events.ts";
import { toLogonEvent } from "./to-logon-event.ts";

// One contract for every event reader: the fixtures written by scripts/write-event-fixtures.ts from
// the corpus must give the same logon events as the EVTX files they came from.

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/events/${name}`, import.meta.url));
const eventIds = new Set([4624, 4625, 4634]);

async function drain(source: ByteSource, format: EventFormat): Promise<LogonEvent[]> {
  const events: LogonEvent[] = [];
  const reader = readLogonEvents(source, format, { eventIds });
  for (;;) {
    const next = await reader.next();
    if (next.done) {
      assert.deepEqual(next.value.problems, [], `${source.name} reads without problems`);
      return events;
    }
    events.push(next.value);
  }
}

/** Everything but the location, with the time cut to the precision a format keeps. */
function comparable(e: LogonEvent, timeDigits: number) {
  const { location: _, time, ...rest } = e;
  return { ...rest, time: time.slice(0, timeDigits) };
}

const key = (e: LogonEvent) => `${e.computer}#${e.recordId}`;

async function evtxTruth(): Promise<Map<string, LogonEvent>> {
  const truth = new Map<string, LogonEvent>();
  for (const file of listEvtxCorpus())
    for (const e of await drain(fileSource(file), "evtx"))
      if (e.channel === "Security") truth.set(key(e), e);
  return truth;
}

const cases: { name: string; file: string; format: EventFormat; timeDigits: number }[] = [
  { name: "wevtutil XML", file: "logons.wevtutil.xml", format: "event-xml", timeDigits: 27 },
  {
    name: "Event Viewer XML (UTF-16LE)",
    file: "logons.eventviewer.xml",
    format: "event-xml",
    timeDigits: 27,
  },
  // Export-Csv writes times to the second.
  { name: "Get-WinEvent CSV", file: "logons.csv", format: "event-csv", timeDigits: 19 },
  {
    name: "Get-WinEvent CSV (UTF-16LE)",
    file: "logons.utf16.csv",
    format: "event-csv",
    timeDigits: 19,
  },
  // Winlogbeat's @timestamp has milliseconds.
  {
    name: "Winlogbeat JSON lines",
    file: "logons.winlogbeat.ndjson",
    format: "winlogbeat-jsonl",
    timeDigits: 23,
  },
];

/** The SIEM exports: no record id in Sentinel's; Splunk names the provider its own way. */
const siemCases: {
  name: string;
  file: string;
  format: EventFormat;
  timeDigits: number;
  ignore: readonly ("recordId" | "provider")[];
}[] = [
  // The portal's CSV export writes milliseconds.
  {
    name: "Sentinel CSV",
    file: "logons.sentinel.csv",
    format: "sentinel-csv",
    timeDigits: 23,
    ignore: ["recordId"],
  },
  {
    name: "Sentinel JSON",
    file: "logons.sentinel.json",
    format: "sentinel-json",
    timeDigits: 27,
    ignore: ["recordId"],
  },
  {
    name: "Splunk JSON",
    file: "logons.splunk.ndjson",
    format: "splunk-json",
    timeDigits: 23,
    ignore: ["provider"],
  },
  // NXLog writes local time to the second.
  {
    name: "flat JSON lines",
    file: "logons.flat.ndjson",
    format: "flat-json",
    timeDigits: 19,
    ignore: [],
  },
];

test("event readers: one contract", async (t) => {
  await t.test("the corpus holds the logons the fixtures were made from", async () => {
    const truth = await evtxTruth();
    assert.equal(truth.size, 45);
    assert.equal([...truth.values()].filter((e) => e.eventId === 4624).length, 42);
  });

  await t.test(
    "a Winlogbeat JSON array (no lines to scan) yields the events of its JSON lines",
    async () => {
      const lines = readFileSync(fixture("logons.winlogbeat.ndjson"), "utf8").trim().split("\n");
      const array = `[\n${lines.join(",\n")}\n]\n`;
      const fromLines = await drain(
        fileSource(fixture("logons.winlogbeat.ndjson")),
        "winlogbeat-jsonl",
      );
      const fromArray = await drain(bytesSource("array.json", array), "winlogbeat-jsonl");
      assert.equal(fromArray.length, fromLines.length);
      assert.deepEqual(
        fromArray.map((e) => comparable(e, 23)),
        fromLines.map((e) => comparable(e, 23)),
      );
      const grouped = await groupLogonEvents(bytesSource("array.json", array), "winlogbeat-jsonl");
      assert.equal(
        grouped.logons,
        fromLines.filter((e) => e.eventId === 4624).length,
        "grouped alike",
      );
    },
  );

  for (const c of cases)
    await t.test(`${c.name} yields the same logon events as the EVTX files`, async () => {
      const truth = await evtxTruth();
      const events = await drain(fileSource(fixture(c.file)), c.format);
      assert.equal(events.length, truth.size, "one event per corpus record");
      for (const e of events) {
        const expected = truth.get(key(e));
        assert.ok(expected, `no EVTX record for ${key(e)}`);
        assert.deepEqual(comparable(e, c.timeDigits), comparable(expected, c.timeDigits), key(e));
        assert.ok(e.location.line !== undefined && e.location.line > 0, "located by line");
      }
    });

  for (const c of siemCases)
    await t.test(`${c.name} yields the same logon events as the EVTX files, in order`, async () => {
      const truth = [...(await evtxTruth()).values()];
      const source = fileSource(fixture(c.file));
      const detected = await detectEvidenceFormat(source);
      assert.equal(detected.ok && detected.format, c.format, "detected from its bytes");
      const events = await drain(source, c.format);
      assert.equal(events.length, truth.length, "one event per corpus record");
      const without = (e: LogonEvent) => {
        const x: Record<string, unknown> = comparable(e, c.timeDigits);
        for (const f of c.ignore) delete x[f];
        return x;
      };
      events.forEach((e, i) => {
        assert.deepEqual(without(e), without(truth[i] as LogonEvent), `${c.file} record ${i + 1}`);
        assert.ok(e.location.line !== undefined && e.location.line > 0, "located by line");
      });
    });

  await t.test("Winlogbeat: the fast scanner agrees with parsing every line whole", async () => {
    const source = fileSource(fixture("logons.winlogbeat.ndjson"));
    const fast = await drain(source, "winlogbeat-jsonl");
    const whole: LogonEvent[] = [];
    for await (const e of readWindowsEvents(source, "winlogbeat-jsonl"))
      if (eventIds.has(e.eventId)) whole.push(toLogonEvent(e));
    assert.deepEqual(fast, whole);
  });
});

// The same crafted logons in every format: a clean one; TargetUserName given twice (XML and EVTX
// would keep the first value, JSON.parse the last); a user name with ESC; a computer name with NUL.
// Every reader must yield the clean logon alone and refuse the others with the same codes.
const crafted = [
  { record: 1, computer: "host.example", users: ["alice"] },
  { record: 2, computer: "host.example", users: ["alice", "mallory"] },
  { record: 3, computer: "host.example", users: ["\u001b[2Jbob"] },
  { record: 4, computer: "ho\u0000st.example", users: ["carol"] },
] as const;
const craftedTime = "2020-07-22T20:29:36.4652234Z"; // buildEvtxFile's written time
const provider = "Microsoft-Windows-Security-Auditing";

function craftedEvtx(): Buffer {
  const utf16 = (text: string) => ({
    type: evtxValueType.string,
    bytes: Buffer.from(`${text}\0`, "utf16le"),
  });
  return buildEvtxFile(
    crafted.map((c) =>
      testEventRecord(4624, c.record, c.users[0], {
        computer: (t) => t.text(c.computer),
        eventData: (t) => {
          if (c.users[1] !== undefined)
            t.open("Data", true)
              .attribute("Name")
              .text("TargetUserName")
              .closeStart()
              .substitution(firstContentIndex, evtxValueType.string)
              .end();
        },
        values: c.users[1] === undefined ? [] : [utf16(c.users[1])],
      }),
    ),
  );
}

const xmlText = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/[^ -~]/g, (ch) => `&#${ch.charCodeAt(0)};`);

function craftedXml(): string {
  return crafted
    .map(
      (c) =>
        `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='${provider}'/><EventID>4624</EventID><TimeCreated SystemTime='${craftedTime}'/><EventRecordID>${c.record}</EventRecordID><Channel>Security</Channel><Computer>${xmlText(c.computer)}</Computer></System><EventData>${c.users.map((u) => `<Data Name='TargetUserName'>${xmlText(u)}</Data>`).join("")}</EventData></Event>`,
    )
    .join("\n");
}

function craftedCsv(): string {
  const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const rows = crafted.map((c) => {
    const message = [
      "An account was successfully logged on.",
      "",
      "New Logon:",
      ...c.users.map((u) => `\tAccount Name:\t\t${u}`),
    ].join("\r\n");
    return [message, "4624", String(c.record), provider, "Security", c.computer, craftedTime]
      .map(q)
      .join(",");
  });
  return `${["Message", "Id", "RecordId", "ProviderName", "LogName", "MachineName", "TimeCreated"].map(q).join(",")}\r\n${rows.join("\r\n")}\r\n`;
}

function craftedJsonLines(): string {
  return crafted
    .map((c) => {
      // Written by hand so that a key can be repeated, as a crafted or broken shipper may write it.
      const data = c.users.map((u) => `"TargetUserName":${JSON.stringify(u)}`).join(",");
      return `{"@timestamp":"${craftedTime.slice(0, 23)}Z","winlog":{"channel":"Security","computer_name":${JSON.stringify(c.computer)},"event_data":{${data}},"event_id":"4624","provider_name":"${provider}","record_id":${c.record}}}`;
    })
    .join("\n");
}

test("every event reader refuses a repeated logon field and control characters in names alike", async () => {
  const sources: [string, ByteSource, EventFormat][] = [
    ["EVTX", bytesSource("crafted.evtx", craftedEvtx()), "evtx"],
    ["event XML", bytesSource("crafted.xml", craftedXml()), "event-xml"],
    ["event CSV", bytesSource("crafted.csv", craftedCsv()), "event-csv"],
    ["Winlogbeat", bytesSource("crafted.ndjson", craftedJsonLines()), "winlogbeat-jsonl"],
  ];
  const expectedCodes = [
    "EVENT_REPEATED_FIELD",
    "EVENT_CONTROL_CHARACTER",
    "EVENT_CONTROL_CHARACTER",
  ];
  let first: ReturnType<typeof comparable> | undefined;
  for (const [name, source, format] of sources) {
    const { records, summary } = await drainReader(readLogonEvents(source, format));
    assert.equal(records.length, 1, `${name}: only the clean logon`);
    const logon = comparable(records[0] as LogonEvent, 19);
    assert.equal(logon.targetUserName, "alice", name);
    if (first === undefined) first = logon;
    else assert.deepEqual(logon, first, `${name} reads the clean logon as EVTX does`);
    assert.deepEqual(
      summary.problems.map((p) => p.code),
      expectedCodes,
      `${name}: the same problems`,
    );
    assert.equal(summary.skipped, 3, name);
    for (const p of summary.problems)
      assert.ok(p.line !== undefined || p.offset !== undefined, `${name}: ${p.code} is located`);
    assert.match(summary.problems[0]?.received ?? "", /"alice" and "mallory"/, name);
    for (const p of summary.problems)
      assert.equal(findControlCharacter(p.received ?? ""), -1, `${name}: escaped`);
  }
});
