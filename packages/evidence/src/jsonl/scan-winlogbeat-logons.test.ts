import assert from "node:assert/strict";
import { test } from "node:test";
import { toLogonEvent } from "../logon/to-logon-event.ts";
import { bytesSource } from "../source/byte-source.ts";
import { drainReader } from "../testing/drain-reader.ts";
import { readWinlogbeatEvents } from "./read-winlogbeat-events.ts";
import { scanWinlogbeatLogons } from "./scan-winlogbeat-logons.ts";

const doc = (eventData: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    "@timestamp": "2026-11-20T08:01:02.123Z",
    message: 'An account was logged on.\n\t"TargetUserName": "not-me"',
    winlog: {
      channel: "Security",
      computer_name: "SRV1.corp.example",
      event_data: {
        LogonType: "3",
        TargetDomainName: "CORP",
        WorkstationName: "PC1",
        ...eventData,
      },
      event_id: "4624",
      provider_name: "Microsoft-Windows-Security-Auditing",
      record_id: 41,
      ...extra,
    },
  });

async function both(text: string) {
  const source = bytesSource(`w${Math.random()}.ndjson`, text);
  const fast = await drainReader(scanWinlogbeatLogons(source));
  const whole = await drainReader(readWinlogbeatEvents(source));
  return {
    fast,
    whole: whole.records.filter((e) => e.eventId === 4624).map(toLogonEvent),
    wholeSummary: whole.summary,
  };
}

test("Winlogbeat JSON lines", async (t) => {
  await t.test(
    "decodes escaped and non-ASCII values exactly, and ignores keys inside strings",
    async () => {
      const { fast, whole } = await both(
        [
          doc({ TargetUserName: 'o\\"brien\\\\x' }),
          doc({ TargetUserName: "Łukasz Müller" }),
          doc({ TargetUserName: "space here \u00e9\u2603" }),
          doc({ TargetUserName: "tab\there" }),
        ].join("\n"),
      );
      assert.deepEqual(
        fast.records.map((e) => e.targetUserName),
        ['o\\"brien\\\\x', "Łukasz Müller", "space here é☃"],
      );
      assert.deepEqual(
        fast.summary.problems.map((p) => [p.code, p.line]),
        [["EVENT_CONTROL_CHARACTER", 4]],
        "a tab inside a name is a control character: the record is a problem",
      );
      assert.deepEqual(fast.records, whole);
      assert.equal(fast.records[0]?.recordId, 41, "a number record_id (Winlogbeat 7) is read");
    },
  );

  await t.test(
    "falls back to JSON.parse for spaced keys, repeated keys and event.code-only documents",
    async () => {
      const spaced = JSON.stringify(JSON.parse(doc({ TargetUserName: "spaced" })), null, 1).replace(
        /\n/g,
        " ",
      );
      const repeated = doc({ TargetUserName: "first" }).replace(
        '"TargetDomainName"',
        '"TargetUserName":"second","TargetDomainName"',
      );
      const codeOnly = JSON.stringify({
        "@timestamp": "2026-11-20T08:01:02Z",
        event: { code: "4624" },
        host: { name: "SRV2" },
        winlog: { event_data: { TargetUserName: "c", LogonType: "2" } },
      });
      const { fast, whole, wholeSummary } = await both([spaced, repeated, codeOnly].join("\n"));
      assert.deepEqual(
        fast.records.map((e) => [e.targetUserName, e.computer]),
        [
          ["spaced", "SRV1.corp.example"],
          ["c", "SRV2"],
        ],
      );
      assert.deepEqual(fast.records, whole);
      // A repeated logon field is a record problem in every format (XML and EVTX would keep the
      // first value, JSON.parse the last): both readers refuse it, located.
      for (const summary of [fast.summary, wholeSummary])
        assert.deepEqual(
          summary.problems.map((p) => [p.code, p.line]),
          [["EVENT_REPEATED_FIELD", 2]],
        );
    },
  );

  await t.test("counts other event ids without yielding them", async () => {
    const { fast } = await both(
      [doc({}), doc({}, { event_id: "4634" }), doc({}, { event_id: 4672 })].join("\n"),
    );
    assert.equal(fast.records.length, 1);
    assert.deepEqual(fast.summary.eventIds, { "4624": 1, "4634": 1, "4672": 1 });
  });

  await t.test(
    "skips and locates a truncated line, a non-JSON line and a line without event id or time",
    async () => {
      const good = doc({ TargetUserName: "ok" });
      const text = [
        good,
        good.slice(0, good.length - 40), // a crash mid-write
        "not json at all",
        JSON.stringify({ "@timestamp": "2026-11-20T08:01:02Z", winlog: { event_data: {} } }),
        JSON.stringify({ winlog: { event_id: 4624 } }),
        "",
        "[1,2]",
        good,
      ].join("\r\n");
      const { fast, wholeSummary } = await both(text);
      assert.equal(fast.records.length, 2);
      assert.deepEqual(
        fast.summary.problems.map((p) => [p.code, p.line]),
        [
          ["JSON_BAD_LINE", 2],
          ["JSON_BAD_LINE", 3],
          ["JSON_BAD_LINE", 4],
          ["JSON_BAD_LINE", 5],
          ["JSON_BAD_LINE", 7],
        ],
      );
      assert.match(fast.summary.problems[2]?.message ?? "", /no event id/);
      assert.match(fast.summary.problems[3]?.message ?? "", /@timestamp/);
      assert.equal(fast.records[1]?.location.line, 8);
      assert.deepEqual(
        wholeSummary.problems.map((p) => p.line),
        [2, 3, 4, 5, 7],
      );
    },
  );

  await t.test("reads a UTF-16LE file and a file without a final line break", async () => {
    const text = `${doc({ TargetUserName: "u16" })}\n${doc({ TargetUserName: "last" })}`;
    const source = bytesSource(
      "u16.ndjson",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
    );
    const { records } = await drainReader(scanWinlogbeatLogons(source));
    assert.deepEqual(
      records.map((e) => e.targetUserName),
      ["u16", "last"],
    );
  });
});
