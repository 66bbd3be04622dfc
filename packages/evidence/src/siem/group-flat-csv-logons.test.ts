import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import type { EvidenceProblem } from "../event/evidence-problem.ts";
import { EventDeduplicator } from "../logon/event-deduplicator.ts";
import { type ByteSource, bytesSource } from "../source/byte-source.ts";
import { assertMutationsReadAlike } from "../testing/assert-mutations-read-alike.ts";
import { groupLogonsByReference } from "../testing/group-logons-by-reference.ts";
import type { EventFieldMap } from "./event-field-map.ts";
import type { FlatCsvFormat } from "./flat-csv-rows.ts";
import { groupFlatCsvLogons } from "./group-flat-csv-logons.ts";
import { flatFieldMap, sentinelFieldMap } from "./siem-field-maps.ts";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/events/${name}`, import.meta.url));
const eventIds = new Set([4624, 4625, 4634]);
const splitAtMs = Date.parse("2020-01-01T00:00:00Z");

/** A --field-map of other names, with a fallback name for the user and a record id column. */
const customMap: EventFieldMap = {
  ...flatFieldMap,
  eventId: ["event_code"],
  time: ["ts"],
  computer: ["dest_host"],
  recordId: ["rid"],
  data: { ...flatFieldMap.data, TargetUserName: ["user", "TargetUserName"], LogonType: ["kind"] },
};

/** Everything the byte reading gives: groups with their evidence, counts, summary, problems in order. */
async function scanned(source: ByteSource, format: FlatCsvFormat, map: EventFieldMap) {
  const problems: EvidenceProblem[] = [];
  const grouping = await groupFlatCsvLogons(source, format, map, {
    onProblem: (p) => problems.push(p),
    eventIds,
    splitAtMs,
    dedupe: new EventDeduplicator(),
  });
  return { ...grouping, groups: [...grouping.groups()], problems };
}

/** Both ways of filling the window (pieces copied in, a reader reading into it) give the streaming reader's reading. */
async function assertSame(
  bytes: Uint8Array | string,
  pieceSize = 1 << 20,
  format: FlatCsvFormat = "sentinel-csv",
) {
  const map = format === "sentinel-csv" ? sentinelFieldMap : customMap;
  const source = bytesSource("events.csv", bytes, pieceSize);
  const fast = await scanned(source, format, map);
  const fieldMap = format === "mapped-csv" ? customMap : undefined;
  const reference = await groupLogonsByReference(source, format, eventIds, splitAtMs, fieldMap);
  assert.deepEqual(fast, reference);
  const read = await scanned(bytesSource("events.csv", bytes, pieceSize, true), format, map);
  assert.deepEqual(read, reference);
  return fast;
}

const text = readFileSync(fixture("logons.sentinel.csv"), "utf8");
const [header = "", ...rows] = text.replace(/\r?\n$/, "").split(/\r?\n/);
const columns = header
  .replace(/^\ufeff/, "")
  .slice(1, -1)
  .split('","');

const editedColumns = [
  "EventID",
  "TimeGenerated [UTC]",
  "Computer",
  "Channel",
  "EventSourceName",
  "TargetUserName",
  "TargetDomainName",
  "WorkstationName",
  "LogonType",
  "IpAddress",
] as const;
const editValues = [
  "4624",
  " 4624",
  "4634",
  "4625",
  "46x",
  "4624.0",
  "",
  "bob",
  " bob ",
  "\u00a0bob",
  "bob\u3000",
  "Łukasz",
  "b\tob",
  "b\u0085ob",
  "b\u007fob",
  'o"brien',
  "x\ry",
  "x\r\ny",
  "x\ny",
  "10",
  " 3 ",
  "1234",
  "11/15/2019, 8:19:16.102 AM",
  "11/15/2019, 8:19:16 AM",
  "11/15/2019 8:19:16 PM",
  "2/28/2020, 11:59:59.9999999 PM",
  "2/29/2020, 11:59:59.999 PM",
  "11/15/2019, 8:19:16.12345678 AM",
  "11/15/2019, 8:19:16. AM",
  "11/15/2019,  8:19:16.1 AM",
  "11/15/2019, 13:19:16.1 PM",
  "11/15/2019, 8:19:16.1 am",
  "11/15/2019, 8:19 AM",
  "1/1/1600, 1:00:00.5 AM",
  "2019-11-15T08:19:16.1234567Z",
  "2019-11-15T08:19:16Z",
  "2019-11-15 08:19:16",
  "SRV1",
  " srv1\t",
  "s\u0000rv",
] as const;

/** One edit of a row: each reaches a place where the byte reading must agree or give way. */
const rowEdit = fc.oneof(
  fc.record({ column: fc.constantFrom(...editedColumns), value: fc.constantFrom(...editValues) }),
  fc.constantFrom("blank-line", "short-row", "long-row", "stray-quote", "unquoted", "crlf"),
);

type RowEdit = typeof rowEdit extends fc.Arbitrary<infer T> ? T : never;

/** Applies an edit to a row (its fields quoted as the portal quotes them). */
function editRow(row: string, edit: RowEdit): string {
  if (typeof edit === "string") {
    if (edit === "blank-line") return `\n${row}`;
    if (edit === "short-row") return row.replace(/,"[^"]*"$/, "");
    if (edit === "long-row") return `${row},"extra"`;
    if (edit === "stray-quote") return row.replace(/,"8",/, ',8",');
    if (edit === "unquoted") return row.replace(/,"Security",/, ",Security,");
    return `${row}\r`;
  }
  const fields = row.match(/"(?:[^"]|"")*"/g) ?? [];
  const k = columns.indexOf(edit.column);
  if (k < 0 || k >= fields.length) return row;
  fields[k] = `"${edit.value.replace(/"/g, '""')}"`;
  return fields.join(",");
}

test("flat CSV exports grouped from bytes", async (t) => {
  await t.test("the fixture and the example read as the streaming reader reads them", async () => {
    const fast = await assertSame(text);
    assert.equal(fast.problems.length, 0);
    assert.ok(fast.groups.length > 10, "groups");
    await assertSame(text, 97);
    const example = readFileSync(
      fileURLToPath(
        new URL("../../../../examples/audit/sentinel-security-events.csv", import.meta.url),
      ),
    );
    assert.ok((await assertSame(example)).groups.length > 0);
  });

  await t.test("every edit of every column, on a logon row and a logoff row", async () => {
    const logon = rows.find((r) => r.includes('"4624","4624 -')) as string;
    const logoff = rows.find((r) => r.includes('"4634","4634 -')) as string;
    for (const column of editedColumns)
      for (const value of editValues)
        await assertSame(
          `${header}\n${editRow(logon, { column, value })}\n${editRow(logoff, { column, value })}\n${logon}\n`,
        );
  });

  await t.test("generated files of edited and repeated rows give the same groups", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ row: fc.nat(rows.length - 1), edits: fc.array(rowEdit, { maxLength: 3 }) }),
          { minLength: 1, maxLength: 40 },
        ),
        fc.constantFrom(1 << 20, 65_536, 4093, 977),
        fc.boolean(),
        async (picked, pieceSize, finalNewline) => {
          const body = picked.map(({ row, edits }) => edits.reduce(editRow, rows[row] as string));
          const file = `${header}\n${body.join("\n")}${finalNewline ? "\n" : ""}`;
          await assertSame(file, pieceSize);
        },
      ),
      { numRuns: 150 },
    );
  });

  await t.test(
    "a --field-map's columns: renamed, a fallback name, record ids, a repeated column",
    async () => {
      const renamed = (names: string) =>
        `ts,dest_host,event_code,${names},kind,rid,Channel\n` +
        [
          "11/15/2019 8:19:16 AM,SRV1,4624,alice,3,7,Security",
          "11/15/2019 8:19:17 AM,SRV1,4624,alice,3, 8 ,Security",
          "11/15/2019 8:19:18 AM,SRV1,4624,bob,10,,Security",
          "11/15/2019 8:19:19 AM,SRV1,4624,bob,10,1e3,Security",
          "11/15/2019 8:19:19 AM,SRV1,4624,bob,10,7,Security",
          "11/15/2019 8:19:20 AM, ,4624,carol,3,9,Security",
        ].join("\n");
      for (const names of ["user", "TargetUserName", "user,TargetUserName", "user,user"]) {
        const columnsIn = names.split(",").length;
        const file =
          columnsIn === 1
            ? renamed(names)
            : renamed(names).replace(
                /^(.*?,4624,)(\w+),/gm,
                (_, before, user) => `${before}${user},x${user},`,
              );
        const fast = await assertSame(file, 1 << 20, "mapped-csv");
        if (names === "user,user")
          assert.ok(fast.problems.some((p) => p.code === "EVENT_REPEATED_FIELD"));
        else assert.equal(fast.logons, 5, `${names}: the empty computer is refused`);
      }
    },
  );

  await t.test(
    "mutated files (characters and lines edited anywhere) give the same groups",
    async () => {
      await assertMutationsReadAlike(text.replace(/^\ufeff/, ""), assertSame);
    },
  );

  await t.test(
    "hostile bytes: invalid UTF-8 in a name, a record past the caps, no header",
    async () => {
      const bytes = Buffer.from(text);
      const at = bytes.indexOf('"alice"') + 2;
      await assertSame(
        Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff, 0xc3]), bytes.subarray(at)]),
      );
      await assertSame(`${text}"${"x".repeat((1 << 20) + 10)}"\n${rows[0]}\n`, 65_536);
      await assertSame(`${text}${(rows[1] as string).slice(0, 200)}`);
      const refused = await assertSame('"a","b"\n"1","2"\n');
      assert.equal(refused.problems[0]?.code, "CSV_MISSING_COLUMN");
      await assertSame("");
    },
  );
});
