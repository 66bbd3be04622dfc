import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { EventFormat } from "../event/read-windows-events.ts";
import { readWindowsEvents } from "../event/read-windows-events.ts";
import { listEvtxCorpus } from "../evtx/testing/evtx-corpus.ts";
import type { ByteSource } from "../source/byte-source.ts";
import { fileSource } from "../testing/file-source.ts";
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

describe("event readers: one contract", () => {
  it("the corpus holds the logons the fixtures were made from", async () => {
    const truth = await evtxTruth();
    assert.equal(truth.size, 45);
    assert.equal([...truth.values()].filter((e) => e.eventId === 4624).length, 42);
  });

  for (const c of cases)
    it(`${c.name} yields the same logon events as the EVTX files`, async () => {
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

  it("Winlogbeat: the fast scanner agrees with parsing every line whole", async () => {
    const source = fileSource(fixture("logons.winlogbeat.ndjson"));
    const fast = await drain(source, "winlogbeat-jsonl");
    const whole: LogonEvent[] = [];
    for await (const e of readWindowsEvents(source, "winlogbeat-jsonl"))
      if (eventIds.has(e.eventId)) whole.push(toLogonEvent(e));
    assert.deepEqual(fast, whole);
  });
});
