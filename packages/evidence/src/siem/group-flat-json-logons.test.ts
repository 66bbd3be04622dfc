import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import type { EvidenceProblem } from "../event/evidence-problem.ts";
import { EventDeduplicator } from "../logon/event-deduplicator.ts";
import { groupLogonEvents } from "../logon/group-logon-events.ts";
import { bytesSource } from "../source/byte-source.ts";
import { assertMutationsReadAlike } from "../testing/assert-mutations-read-alike.ts";
import { groupLogonsByReference } from "../testing/group-logons-by-reference.ts";
import type { EventFieldMap } from "./event-field-map.ts";
import type { FlatJsonFormat } from "./flat-json-records.ts";
import { groupFlatJsonLogons } from "./group-flat-json-logons.ts";
import { flatFieldMap, splunkFieldMap } from "./siem-field-maps.ts";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/events/${name}`, import.meta.url));
const eventIds = new Set([4624, 4625, 4634]);
const splitAtMs = Date.parse("2020-01-01T00:00:00Z");

/** A --field-map of other names, with a fallback name for the user and a record id key. */
const customMap: EventFieldMap = {
  ...flatFieldMap,
  eventId: ["event_code"],
  time: ["ts"],
  computer: ["dest_host", "Hostname"],
  recordId: ["rid"],
  data: { ...flatFieldMap.data, TargetUserName: ["user", "TargetUserName"], LogonType: ["kind"] },
};

/**
 * The byte reading (through groupLogonEvents, as the audit calls it, and groupFlatJsonLogons itself
 * for JSON lines) against the streaming reader: groups with their evidence, counts, summary and
 * problems in order, reading the source in pieces of `pieceSize`.
 */
async function assertSame(bytes: Uint8Array | string, pieceSize: number, format: FlatJsonFormat) {
  const fieldMap = format === "mapped-json" ? customMap : undefined;
  const source = bytesSource("events.json", bytes, pieceSize);
  const problems: EvidenceProblem[] = [];
  const options = {
    onProblem: (p: EvidenceProblem) => problems.push(p),
    eventIds,
    splitAtMs,
    dedupe: new EventDeduplicator(),
    ...(fieldMap === undefined ? {} : { fieldMap }),
  };
  const grouping = await groupLogonEvents(source, format, options);
  const fast = { ...grouping, groups: [...grouping.groups()], problems };
  const reference = await groupLogonsByReference(source, format, eventIds, splitAtMs, fieldMap);
  assert.deepEqual(fast, reference);
  return fast;
}

/** A record as its members' raw JSON texts, in order (so edits can write any JSON, valid or not). */
type Members = [key: string, raw: string][];

const parseLines = (text: string) =>
  text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const asMembers = (record: Record<string, unknown>): Members =>
  Object.entries(record).map(([k, v]) => [JSON.stringify(k), JSON.stringify(v)]);

const sentinelRecords = (
  JSON.parse(readFileSync(fixture("logons.sentinel.json"), "utf8")) as Record<string, unknown>[]
).map(asMembers);
const splunkLines = parseLines(readFileSync(fixture("logons.splunk.ndjson"), "utf8"));
const splunkRecords = splunkLines.map((line) => asMembers(line.result as Record<string, unknown>));
const flatRecords = parseLines(readFileSync(fixture("logons.flat.ndjson"), "utf8")).map(asMembers);
/** The flat lines under the custom map's names (some users under `user`, the fallback name). */
const customRecords = flatRecords.map((members, k) =>
  members.map(([key, raw]): [string, string] => {
    const renamed: Record<string, string> = {
      '"EventID"': '"event_code"',
      '"EventTime"': '"ts"',
      '"RecordNumber"': '"rid"',
      '"LogonType"': '"kind"',
      '"TargetUserName"': k % 3 === 0 ? '"user"' : '"TargetUserName"',
    };
    return [renamed[key] ?? key, raw];
  }),
);

const records: Record<FlatJsonFormat, Members[]> = {
  "sentinel-json": sentinelRecords,
  "splunk-json": splunkRecords,
  "flat-json": flatRecords,
  "mapped-json": customRecords,
};

/** Writes a record as one line (`spaced`: as a pretty printer spaces it), Splunk's wrapped in its export line. */
function line(members: Members, format: FlatJsonFormat, spaced = false, at = 0): string {
  const inner = `{${members.map(([k, raw]) => `${k}${spaced ? ": " : ":"}${raw}`).join(spaced ? ", " : ",")}}`;
  return format === "splunk-json" ? `{"preview":false,"offset":${at},"result":${inner}}` : inner;
}

/** Mapped keys of each format that edits reach. */
const editedKeys: Record<FlatJsonFormat, readonly string[]> = {
  "sentinel-json": [
    "EventID",
    "TimeGenerated",
    "Computer",
    "Channel",
    "TargetUserName",
    "WorkstationName",
    "LogonType",
    "IpAddress",
  ],
  "splunk-json": [
    "EventCode",
    "_time",
    "ComputerName",
    "RecordNumber",
    "Account_Name",
    "Logon_Type",
    "Source_Network_Address",
  ],
  "flat-json": [
    "EventID",
    "EventTime",
    "Hostname",
    "RecordNumber",
    "TargetUserName",
    "TargetDomainName",
    "LogonType",
  ],
  "mapped-json": ["event_code", "ts", "dest_host", "rid", "user", "kind", "TargetUserName"],
};

/** Hostile values, as raw JSON (some not JSON at all). */
const editValues = [
  '"4624"',
  "4624",
  "4634",
  '" 4624"',
  "4624.0",
  "1e3",
  "-1",
  "0",
  "01",
  "12345678901234567",
  "null",
  "true",
  "{}",
  '{"a":1}',
  "[]",
  '["-","bob"]',
  '["bob",{}]',
  "[1,[2]]",
  '""',
  '" "',
  '"bob"',
  '" bob "',
  '"\\u00a0bob"',
  '"bob\u3000"',
  '"Łukasz"',
  '"b\\tob"',
  '"b\\u0000ob"',
  '"\\u0062ob"',
  '"b\\"ob"',
  '"b\\\\ob"',
  '"\\ud83d\\ude00"',
  '"\\ud83d"',
  '"\\ude00x"',
  '"b\\xob"',
  '"b\u0085ob"',
  '"b\tob"',
  '"b\u0001ob"',
  '"x\\ry"',
  '"x\\ny"',
  '"3"',
  '" 10 "',
  '"2019-11-15T08:19:16.1025097Z"',
  '"2019-11-15T08:19:16Z"',
  '"2019-11-15 08:19:16"',
  '"2019-11-15 08:19:16.123456789"',
  '"2019-11-15T08:19:16.102+00:00"',
  '"2019-11-15T08:19:16.102-0000"',
  '"2019-11-15T08:19:16.102+01:00"',
  '"2019-11-29 23:59:59"',
  '"2019-02-29 08:19:16"',
  '"2019-02-31 08:19:16"',
  '"2019-04-31T08:19:16.5+00:00"',
  '"2019-11-15 08:19:60"',
  '"2019-11-15 08:19:16 "',
  '"2019-11-15t08:19:16z"',
  '"1600-01-01 00:00:00"',
  '"11/15/2019 8:19:16 AM"',
  '"11/15/2019, 8:19:16.102 AM"',
  '"SRV1"',
  '" srv1\\t"',
  "nul",
  '"open',
] as const;

/** One edit of a record: each reaches a place where the byte reading must agree or give way. */
const recordEdit = fc.oneof(
  { weight: 4, arbitrary: fc.record({ key: fc.nat(), value: fc.constantFrom(...editValues) }) },
  fc.record({
    change: fc.constantFrom(
      "repeat",
      "repeat-#2",
      "escaped-key",
      "drop",
      "nested",
      "deep",
      "spaced",
      "trailing-comma",
      "junk-after",
      "crlf",
      "edge-spaces",
      "edge-vt",
      "edge-nbsp",
      "blank-line",
      "not-object",
      "control-line",
      "no-result",
      "unicode-key",
      "wrapper-nested",
    ),
    key: fc.nat(),
  }),
);
type RecordEdit = typeof recordEdit extends fc.Arbitrary<infer T> ? T : never;

/** A record's line after its edits. */
function editedLine(
  members: Members,
  edits: readonly RecordEdit[],
  format: FlatJsonFormat,
  at: number,
): string {
  const m: Members = members.map(([k, v]) => [k, v]);
  const keys = editedKeys[format];
  let spaced = false;
  const wraps: ((text: string) => string)[] = [];
  for (const edit of edits) {
    const name = keys[edit.key % keys.length] as string;
    const quoted = JSON.stringify(name);
    const index = m.findIndex(([k]) => k === quoted);
    if ("value" in edit) {
      if (index >= 0) m[index] = [quoted, edit.value];
      else m.push([quoted, edit.value]);
      continue;
    }
    const value = index >= 0 ? (m[index] as [string, string])[1] : '"x"';
    switch (edit.change) {
      case "repeat":
        m.push([quoted, edit.key % 2 === 0 ? value : '"other"']);
        break;
      case "repeat-#2":
        m.push([JSON.stringify(`${name}#2`), '"other"']);
        break;
      case "escaped-key":
        if (index >= 0)
          m[index] = [`"\\u00${name.charCodeAt(0).toString(16)}${name.slice(1)}"`, value];
        break;
      case "drop":
        if (index >= 0) m.splice(index, 1);
        break;
      case "nested":
        m.splice(edit.key % (m.length + 1), 0, [
          '"Extra"',
          `{${quoted}:"nested",${quoted}:[1,{"b":null}]}`,
        ]);
        break;
      case "deep":
        m.push(['"Deep"', `${"[".repeat(70)}${"]".repeat(70)}`]);
        break;
      case "spaced":
        spaced = true;
        break;
      case "trailing-comma":
        m.push(['"Z"', "1,"]);
        break;
      case "junk-after":
        wraps.push((text) => `${text} x`);
        break;
      case "crlf":
        wraps.push((text) => `${text}\r`);
        break;
      case "edge-spaces":
        wraps.push((text) => ` \t${text}\t `);
        break;
      case "edge-vt":
        wraps.push((text) => `\v${text}\f`);
        break;
      case "edge-nbsp":
        wraps.push((text) => `\u00a0${text}\ufeff`);
        break;
      case "blank-line":
        wraps.push((text) => `\n  \n${text}`);
        break;
      case "not-object":
        wraps.push((text) => `[${text}]`);
        break;
      case "control-line":
        wraps.push((text) => `{"preview":false,"lastrow":true}\n${text}`);
        break;
      case "no-result":
        wraps.push((text) => `${text}\n{"preview":false,"other":1}`);
        break;
      case "wrapper-nested":
        // Splunk's wrapper: another member holding the record's keys (markRepeatedKeys reads them).
        wraps.push((text) => text.replace(/^\{/, `{"meta":{${quoted}:"zz"},"list":[${quoted}],`));
        break;
      case "unicode-key":
        m.push(['"Clé"', '"v"']);
        break;
    }
  }
  return wraps.reduce((text, wrap) => wrap(text), line(m, format, spaced, at));
}

const formats = ["sentinel-json", "splunk-json", "flat-json", "mapped-json"] as const;

test("flat JSON exports grouped from bytes", async (t) => {
  await t.test(
    "the fixtures read as the streaming reader reads them, as lines and as arrays",
    async () => {
      for (const format of formats) {
        const text = records[format].map((m, k) => line(m, format, false, k)).join("\n");
        const fast = await assertSame(`${text}\n`, 1 << 20, format);
        assert.equal(fast.problems.length, 0, format);
        assert.ok(fast.groups.length > 10, `${format}: groups`);
        await assertSame(text, 97, format);
        if (format !== "splunk-json")
          await assertSame(
            `[\n${records[format].map((m) => line(m, format, true)).join(",\n")}\n]\n`,
            4093,
            format,
          );
      }
      await assertSame(readFileSync(fixture("logons.sentinel.json")), 1 << 20, "sentinel-json");
      await assertSame(readFileSync(fixture("logons.splunk.ndjson")), 1 << 20, "splunk-json");
      await assertSame(readFileSync(fixture("logons.flat.ndjson")), 1 << 20, "flat-json");
    },
  );

  await t.test("every edit of every mapped key, on a logon line and a logoff line", async () => {
    for (const format of formats) {
      const all = records[format];
      const logon = all.find((m) => m.some(([, v]) => v === "4624" || v === '"4624"')) as Members;
      const logoff = all.find((m) => m.some(([, v]) => v === "4634" || v === '"4634"')) as Members;
      for (let key = 0; key < editedKeys[format].length; key++)
        for (const value of editValues) {
          const edit = { key, value };
          await assertSame(
            `${line(all[0] as Members, format)}\n${editedLine(logon, [edit], format, 1)}\n${editedLine(logoff, [edit], format, 2)}\n${line(logon, format)}\n`,
            1 << 20,
            format,
          );
        }
    }
  });

  await t.test("generated files of edited and repeated lines give the same groups", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...formats),
        fc.array(fc.record({ record: fc.nat(), edits: fc.array(recordEdit, { maxLength: 3 }) }), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.constantFrom(1 << 20, 4093, 977, 61),
        fc.boolean(),
        fc.boolean(),
        async (format, picked, pieceSize, finalNewline, asArray) => {
          const all = records[format];
          const body = picked.map(({ record, edits }, k) =>
            editedLine(all[record % all.length] as Members, edits, format, k),
          );
          const file = asArray ? `[\n${body.join(",\n")}\n]` : body.join("\n");
          await assertSame(`${file}${finalNewline ? "\n" : ""}`, pieceSize, format);
        },
      ),
      { numRuns: 200 },
    );
  });

  await t.test(
    "mutated files (characters and lines edited anywhere) give the same groups",
    async () => {
      for (const format of formats) {
        const text = records[format].map((m, k) => line(m, format, false, k)).join("\n");
        await assertMutationsReadAlike(
          text,
          (mutated, size) => assertSame(mutated, size, format),
          60,
        );
        const array = `[\n${records[format].map((m, k) => line(m, format, true, k)).join(",\n")}\n]\n`;
        await assertMutationsReadAlike(
          array,
          (mutated, size) => assertSame(mutated, size, format),
          40,
        );
      }
    },
  );

  await t.test(
    "hostile bytes: invalid UTF-8, a line past the cap, no record recognised",
    async () => {
      const text = flatRecords.map((m) => line(m, "flat-json")).join("\n");
      const bytes = Buffer.from(text);
      const at = bytes.indexOf("ANONYMOUS") + 2;
      for (const bad of [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xe2, 0x80]])
        await assertSame(
          Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at)]),
          4093,
          "flat-json",
        );
      await assertSame(
        `${text}\n{"a":"${"x".repeat((1 << 20) + 10)}"}\n${text}\n`,
        65_536,
        "flat-json",
      );
      await assertSame(`${text.slice(0, 200)}`, 61, "flat-json");
      const none = await assertSame('{"a":1,"b":"x"}\n{"a":2}\n', 1 << 20, "flat-json");
      assert.equal(none.summary.yielded, 0);
      assert.deepEqual(none.summary.fields, ["a", "b"]);
      await assertSame("", 1 << 20, "flat-json");
      await assertSame("\ufeff\ufeff{}", 1 << 20, "sentinel-json");
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${text}\n`, "utf16le")]);
      await assertSame(utf16, 4093, "flat-json");
    },
  );

  await t.test(
    "groupFlatJsonLogons itself reads JSON lines as the streaming reader does",
    async () => {
      const text = splunkLines.map((l) => JSON.stringify(l)).join("\r\n");
      const problems: EvidenceProblem[] = [];
      const grouping = await groupFlatJsonLogons(
        bytesSource("s.json", text),
        "splunk-json",
        splunkFieldMap,
        {
          onProblem: (p) => problems.push(p),
          eventIds,
          splitAtMs,
          dedupe: new EventDeduplicator(),
        },
      );
      const reference = await groupLogonsByReference(
        bytesSource("s.json", text),
        "splunk-json",
        eventIds,
        splitAtMs,
      );
      assert.deepEqual({ ...grouping, groups: [...grouping.groups()], problems }, reference);
    },
  );
});
