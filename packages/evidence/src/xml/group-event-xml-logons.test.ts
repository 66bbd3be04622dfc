import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { mutateText, textMutations } from "../../../../test/fuzz/mutate-text.ts";
import type { EvidenceProblem } from "../event/evidence-problem.ts";
import { EventDeduplicator } from "../logon/event-deduplicator.ts";
import { type ByteSource, bytesSource } from "../source/byte-source.ts";
import { groupLogonsByReference } from "../testing/group-logons-by-reference.ts";
import { groupEventXmlLogons } from "./group-event-xml-logons.ts";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/events/${name}`, import.meta.url));
const eventIds = new Set([4624, 4625, 4634]);
const splitAtMs = Date.parse("2019-06-01T00:00:00Z");

/** Everything the byte reading gives: groups with their evidence, counts, summary, problems in order. */
async function scanned(source: ByteSource) {
  const problems: EvidenceProblem[] = [];
  const grouping = await groupEventXmlLogons(source, {
    onProblem: (p) => problems.push(p),
    eventIds,
    splitAtMs,
    dedupe: new EventDeduplicator(),
  });
  return { ...grouping, groups: [...grouping.groups()], problems };
}

/** Both ways of filling the scanner's window (pieces copied in, a reader reading into it) give the reference. */
async function assertSame(bytes: Uint8Array | string, pieceSize = 1 << 20) {
  const source = bytesSource("events.xml", bytes, pieceSize);
  const fast = await scanned(source);
  const reference = await groupLogonsByReference(source, "event-xml", eventIds, splitAtMs);
  assert.deepEqual(fast, reference);
  assert.deepEqual(await scanned(bytesSource("events.xml", bytes, pieceSize, true)), reference);
  return fast;
}

const text = readFileSync(fixture("logons.wevtutil.xml"), "utf8");
const events = text.split(/(?=<Event xmlns)/).filter((e) => e.startsWith("<Event"));

/** One edit of an element: each reaches a place where the byte reading must agree or give way. */
const eventEdit = fc.oneof(
  fc.record({
    name: fc.constantFrom(
      "TargetUserName",
      "TargetDomainName",
      "WorkstationName",
      "LogonType",
      "IpAddress",
    ),
    value: fc.constantFrom(
      "bob",
      " bob ",
      "\u00a0bob",
      "bob\u2003",
      "Łukasz",
      "b\tob",
      "b\nob",
      "b\u0085ob",
      "o&apos;brien",
      "x&#0;y",
      "",
      " 10 ",
      "1234",
      "x\ry",
      "\ud83d\ude00",
      "\uffff",
      "<b/>",
    ),
  }),
  fc.record({
    replace: fc.constantFrom(
      [
        "<Data Name='IpAddress'>",
        "<Data Name='TargetUserName'>twice</Data><Data Name='IpAddress'>",
      ],
      ["<Data Name='IpAddress'>", "<Data Name='TargetUserName#2'>x</Data><Data Name='IpAddress'>"],
      ["<Data Name='IpAddress'>", "<Data>unnamed</Data><Data Name='IpAddress'>"],
      ["<Data Name='IpAddress'>", "<Data Name=\"IpAddress\" Name='x'>"],
      ["<EventID>", "<EventID> "],
      ["<EventID>4624", "<EventID>46x"],
      ["<EventID>4624", "<EventID>4634"],
      ["<EventRecordID>", "<EventRecordID> "],
      ["<EventRecordID>", "<EventRecordID>9999999999999999"],
      ["<Computer>", "<Computer> "],
      ["<Computer>", "<Computer>\u00a0"],
      ["<Computer>", "<Computer>a\tb"],
      ["<Channel>Security", "<Channel>Sécurité"],
      ["<System>", "<System><!-- c -->"],
      ["<System>", "<System>\r\n"],
      ["</EventData>", "</EventData><UserData/>"],
      ["</System>", "<EventID>1</EventID></System>"],
      ["T08:", "T25:"],
      ["-15T", "-30T"],
      [".1", ".1 "],
      ["Z'", "+01:00'"],
      ["<Event ", "<Event\u00a0"],
      ["</Event>", ""],
      ["<EventData>", "<EventData >"],
      ["<Data ", "<Data\r\n"],
      // Where the scan's own cut must agree with the splitter's.
      ["<EventData>", "<EventData><Event/>"],
      ["</EventData>", "</EventData><Event><System/></Event>"],
      ["</Event>", "</Event >"],
      ["</System>", "</System><Events/>"],
      ["<EventData>", "<EventData><Event\u00e9/>"],
    ),
  }),
  fc.constantFrom("line-breaks", "events-wrapper", "no-xmlns"),
);

type EventEdit = typeof eventEdit extends fc.Arbitrary<infer T> ? T : never;

function editEvent(event: string, edit: EventEdit): string {
  if (typeof edit === "string") {
    if (edit === "line-breaks") return `\r\n${event.replace(/></g, ">\n  <")}\n`;
    if (edit === "events-wrapper") return `<Events>${event}</Events>\n`;
    return event.replace(/ xmlns='[^']*'/, "");
  }
  if ("name" in edit)
    return event.replace(
      new RegExp(`(<Data Name='${edit.name}'>)[^<]*`),
      (_, tag) => tag + edit.value,
    );
  return event.replace(edit.replace[0], edit.replace[1]);
}

test("event XML grouped from bytes", async (t) => {
  await t.test(
    "the fixtures (the corpus's logons as wevtutil and Event Viewer write them) read as the streaming reader reads them",
    async () => {
      for (const name of ["logons.wevtutil.xml", "logons.eventviewer.xml"]) {
        const bytes = readFileSync(fixture(name));
        const fast = await assertSame(bytes);
        assert.equal(fast.problems.length, 0);
        assert.equal(fast.summary.eventIds["4624"], 42);
        await assertSame(bytes, 4093);
      }
    },
  );

  await t.test(
    "generated files of edited, repeated and renumbered events give the same groups",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              event: fc.nat(events.length - 1),
              id: fc.nat(30),
              edits: fc.array(eventEdit, { maxLength: 3 }),
            }),
            { minLength: 1, maxLength: 40 },
          ),
          fc.constantFrom(1 << 20, 65_536, 4093, 977, 61),
          fc.boolean(),
          async (picked, pieceSize, utf16) => {
            const body = picked.map(({ event, id, edits }) =>
              edits.reduce(
                editEvent,
                (events[event] as string).replace(/<EventRecordID>\d+</, `<EventRecordID>${id}<`),
              ),
            );
            const file = body.join("");
            // Event Viewer's "Save as XML" writes UTF-16LE with a BOM.
            await assertSame(
              utf16
                ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(file, "utf16le")])
                : file,
              pieceSize,
            );
          },
        ),
        { numRuns: 150 },
      );
    },
  );

  await t.test(
    "mutated files (characters and lines edited anywhere) give the same groups and problems",
    async () => {
      const base = events.slice(0, 12).join("\n");
      await fc.assert(
        fc.asyncProperty(
          textMutations,
          fc.constantFrom(1 << 20, 4093, 61),
          async (mutations, pieceSize) => {
            await assertSame(mutateText(base, mutations), pieceSize);
          },
        ),
        { numRuns: 150 },
      );
    },
  );

  await t.test(
    "hostile bytes: invalid UTF-8, an element past the length cap, an element not closed",
    async () => {
      const bytes = Buffer.from(text);
      const at = bytes.indexOf("<Data Name='WorkstationName'>", 2000) + 29;
      await assertSame(
        Buffer.concat([bytes.subarray(0, at), Buffer.from([0x41, 0xff]), bytes.subarray(at)]),
      );
      const first = events[0] as string;
      await assertSame(
        `${first}${first.replace("<EventData>", `<EventData><Data>${"x".repeat((4 << 20) + 10)}</Data>`)}${first}`,
        65_536,
      );
      await assertSame(`${first}${first.slice(0, 300)}${first}`);
      await assertSame(`${first}${first.slice(0, 300)}`);
      await assertSame("");
      await assertSame(`\ufeff${first}`);
    },
  );
});
