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
import { groupEventCsvLogons } from "./group-event-csv-logons.ts";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/events/${name}`, import.meta.url));
const eventIds = new Set([4624, 4625, 4634]);
const splitAtMs = Date.parse("2019-06-01T00:00:00Z");

/** Everything the byte reading gives: groups with their evidence, counts, summary, problems in order. */
async function scanned(source: ByteSource) {
  const problems: EvidenceProblem[] = [];
  const grouping = await groupEventCsvLogons(source, {
    onProblem: (p) => problems.push(p),
    eventIds,
    splitAtMs,
    dedupe: new EventDeduplicator(),
  });
  return { ...grouping, groups: [...grouping.groups()], problems };
}

/** The reference: the streaming reader's logon events, recorded one at a time. */
function streamed(source: ByteSource) {
  return groupLogonsByReference(source, "event-csv", eventIds, splitAtMs);
}

/** Both ways of filling the scanner's window (pieces copied in, a reader reading into it) give the reference. */
async function assertSame(bytes: Uint8Array | string, pieceSize = 1 << 20) {
  const source = bytesSource("events.csv", bytes, pieceSize);
  const fast = await scanned(source);
  const reference = await streamed(source);
  assert.deepEqual(fast, reference);
  assert.deepEqual(await scanned(bytesSource("events.csv", bytes, pieceSize, true)), reference);
  return fast;
}

const text = readFileSync(fixture("logons.csv"), "utf8");
const headEnd = text.indexOf("\n", text.indexOf("\n") + 1) + 1;
const head = text.slice(0, headEnd);
const rows = text
  .slice(headEnd)
  .split(/(?<=")\r\n(?=")/)
  .map((r) => r.replace(/\r\n$/, ""));

/** One edit of a row: each reaches a place where the byte reading must agree or give way. */
const rowEdit = fc.oneof(
  fc.record({
    field: fc.constantFrom("Account Name", "Account Domain", "Workstation Name", "Logon Type"),
    value: fc.constantFrom(
      "bob",
      " bob ",
      "\u00a0bob",
      "bob\u3000",
      "Łukasz",
      "b\tob",
      "b\u0085ob",
      "b\u007fob",
      'o"brien',
      "",
      "10",
      " 3 ",
      "1234",
      "x\ry",
      "\ud83d\ude00",
    ),
  }),
  fc.record({
    line: fc.constantFrom(
      "\tAccount Name:\t\tsecond",
      "TargetUserName: direct",
      "\tLogon Type:\t\t7",
      "New Logon:",
      "Network Information:",
      "Caf\u00e9:\tx",
      "\u00a0Account Name:\tnbsp",
      "\tAccount Name\r:\tx",
      "no colon here \u0001",
      "",
    ),
    at: fc.nat(60),
  }),
  fc.record({
    column: fc.constantFrom(
      "Id",
      "TimeCreated",
      "RecordId",
      "MachineName",
      "LogName",
      "Properties",
    ),
    value: fc.constantFrom(
      "4624",
      " 4624",
      "4634",
      "4625",
      "46x",
      "",
      "11/15/2019 8:19:16 AM",
      "2/29/2020 11:59:59 PM",
      "11/30/2019 8:19:16 AM",
      "11/15/2019 13:19:16",
      "11/15/2019 0:19:16 AM",
      "11/15/2019 8:19:60 PM",
      "2019-11-15T08:19:16.1234567Z",
      "2019-11-15T08:19:16Z",
      "2019-11-15 08:19:16",
      " 77 ",
      "1e3",
      "99999999999999999",
      "SRV1",
      " srv1\t",
      "\u00a0srv1",
      "srv1\u2003",
      "Ærø",
      "s\u0000rv",
      '"quoted"',
      '["S-1-0-0","-","-","0x0","S-1-5-21-1","eve","CORP","0x1","3"]',
      "System.Object",
    ),
  }),
  fc.constantFrom("blank-line", "lone-cr", "stray-quote", "unquoted", "no-final-newline"),
);

type RowEdit = typeof rowEdit extends fc.Arbitrary<infer T> ? T : never;
const columnIndex = (name: string) =>
  head.split("\r\n")[1]?.split(",").indexOf(`"${name}"`) as number;

/** Applies an edit to a row (its fields quoted as Export-Csv quotes them). */
function editRow(row: string, edit: RowEdit): string {
  if (typeof edit === "string") {
    if (edit === "blank-line") return `\r\n${row}`;
    if (edit === "lone-cr") return row.replace("\r\n\r\n", "\r\n\r\r\n");
    if (edit === "stray-quote") return row.replace(/,"0",/, ',0",');
    if (edit === "unquoted") return row.replace(/,"Security",/, ",Security,");
    return row;
  }
  if ("field" in edit) {
    const value = edit.value.replace(/"/g, '""');
    return row.replace(new RegExp(`(\\t${edit.field}:\\t+)[^\\r]*`), (_, label) => label + value);
  }
  if ("line" in edit) {
    const lines = row.split("\r\n");
    lines.splice(Math.min(edit.at, lines.length - 2) + 1, 0, edit.line.replace(/"/g, '""'));
    return lines.join("\r\n");
  }
  const fields = row.match(/"(?:[^"]|"")*"/g) ?? [];
  const k = columnIndex(edit.column);
  if (k < 0 || k >= fields.length) return row;
  fields[k] = `"${edit.value.replace(/"/g, '""')}"`;
  return fields.join(",");
}

/** Text as Windows PowerShell writes it by default: UTF-16LE with a BOM (the BOM of UTF-8 dropped). */
function encodeUtf16(text: string): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from(text.replace(/^\ufeff/, ""), "utf16le"),
  ]);
}

test("event CSV grouped from bytes", async (t) => {
  await t.test(
    "the fixtures (the corpus's logons as Export-Csv writes them) read as the streaming reader reads them",
    async () => {
      for (const name of ["logons.csv", "logons.utf16.csv"]) {
        const bytes = readFileSync(fixture(name));
        const fast = await assertSame(bytes);
        assert.equal(fast.problems.length, 0);
        assert.ok(fast.groups.length > 20, `${name}: groups`);
        assert.equal(fast.summary.eventIds["4624"], 42);
        await assertSame(bytes, 4093);
      }
    },
  );

  await t.test(
    "generated files of edited, repeated and renumbered rows give the same groups",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              row: fc.nat(rows.length - 1),
              id: fc.nat(30),
              edits: fc.array(rowEdit, { maxLength: 3 }),
            }),
            { minLength: 1, maxLength: 40 },
          ),
          fc.constantFrom(1 << 20, 65_536, 4093, 977),
          fc.boolean(),
          fc.boolean(),
          async (picked, pieceSize, finalNewline, utf16) => {
            const body = picked.map(({ row, id, edits }) =>
              edits.reduce(
                editRow,
                (rows[row] as string).replace(
                  /","(\d+)","Microsoft-Windows/,
                  `","${id}","Microsoft-Windows`,
                ),
              ),
            );
            const file = `${head}${body.join("\r\n")}${finalNewline ? "\r\n" : ""}`;
            await assertSame(utf16 ? encodeUtf16(file) : file, pieceSize);
          },
        ),
        { numRuns: 150 },
      );
    },
  );

  await t.test(
    "mutated files (characters and lines edited anywhere) give the same groups and problems",
    async () => {
      await assertMutationsReadAlike(text.replace(/^\ufeff/, ""), assertSame);
    },
  );

  await t.test(
    "hostile bytes: invalid UTF-8 in names, a record past the caps, an unclosed quote",
    async () => {
      const bytes = Buffer.from(text);
      for (const label of ["Workstation Name:\t", "Source Network Address:\t"]) {
        const at = bytes.indexOf(label, 2000) + label.length;
        const fast = await assertSame(
          Buffer.concat([
            bytes.subarray(0, at),
            Buffer.from([0x41, 0xff, 0xc3]),
            bytes.subarray(at),
          ]),
        );
        assert.ok(
          fast.groups.some((g) =>
            /A\ufffd\ufffd/.test(g.event.workstationName + g.event.ipAddress),
          ),
        );
      }
      // An invalid byte and the replacement character it decodes to are one name, as decoded.
      const row = (rows.find((r) => r.includes('"4624"')) as string).replace(
        "Workstation Name:\t",
        "Workstation Name:\tA",
      );
      const at = Buffer.from(row).indexOf("Workstation Name:\tA") + 19;
      const both = await assertSame(
        Buffer.concat([
          Buffer.from(head),
          Buffer.from(row).subarray(0, at),
          Buffer.from([0xff]),
          Buffer.from(row).subarray(at),
          Buffer.from(
            `\r\n${row.replace("Name:\tA", "Name:\tA\ufffd").replace(/","(\d+)","Micro/, '","1","Micro')}\r\n`,
          ),
        ]),
      );
      assert.deepEqual(
        both.groups.map((g) => g.events),
        [2],
      );
      await assertSame(`${text}"${"x".repeat((1 << 20) + 10)}\r\n${rows[0]}\r\n`, 65_536);
      await assertSame(`${text}"${"x".repeat((1 << 20) + 10)}"\r\n${rows[0]}\r\n`, 65_536);
      await assertSame(`${text}${(rows[1] as string).slice(0, 200)}`);
      await assertSame(`${head.split("\r\n")[0]}\r\n"Id","Message"\r\n"4624","x"\r\n`);
      await assertSame("");
      await assertSame(`#${"x".repeat(5000)}\r\n${text.slice(text.indexOf("\n") + 1)}`, 1000);
    },
  );
});
