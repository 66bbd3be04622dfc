import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { readEvtx } from "../evtx/read-evtx.ts";
import { listEvtxCorpus } from "../evtx/testing/evtx-corpus.ts";
import { fileSource } from "../testing/file-source.ts";
import { parseEventXml, parseEventXmlFully } from "./parse-event-xml.ts";
import { scanEventXml } from "./scan-event-xml.ts";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/events/${name}`, import.meta.url));

/** The `<Event>` elements of a text (as splitEventXml cuts them). */
function eventsOf(text: string): string[] {
  return [...text.matchAll(/<Event[\s>/][\s\S]*?<\/Event>/g)].map((m) => m[0]);
}

const wevtutil = eventsOf(readFileSync(fixture("logons.wevtutil.xml"), "utf8"));
const eventViewer = eventsOf(
  new TextDecoder("utf-16le").decode(readFileSync(fixture("logons.eventviewer.xml"))),
);
const location = { file: "x.xml", line: 1, record: 1 };

function assertSameReading(xml: string): void {
  assert.deepEqual(parseEventXml(xml, location), parseEventXmlFully(xml, location), xml);
}

test("the scanner reads the fixtures' events exactly as the full parser does", () => {
  assert.ok(wevtutil.length >= 40 && eventViewer.length >= 40);
  for (const xml of [...wevtutil, ...eventViewer]) {
    // Every event of both exports has the plain shape: the fast path is the one taken.
    assert.notEqual(scanEventXml(xml), undefined, xml);
    assertSameReading(xml);
  }
});

test("the scanner reads the EVTX corpus rendered as XML exactly as the full parser does", async () => {
  let scanned = 0;
  for (const file of listEvtxCorpus()) {
    const reader = readEvtx(fileSource(file), { includeXml: true });
    for await (const record of reader) {
      if (record.xml === undefined) continue;
      assertSameReading(record.xml);
      if (scanEventXml(record.xml) !== undefined) scanned++;
    }
  }
  assert.ok(scanned > 1000, `${scanned} scanned`);
});

/** Snippets that an element of a stranger's export may hold where the plain shape has none. */
const snippets = [
  "<",
  ">",
  "&amp;",
  "&lt;",
  "&#65;",
  "&#x0;",
  "&foo;",
  "'",
  '"',
  " ",
  "\t",
  "\n",
  "\r\n",
  "\r",
  "=",
  "/",
  "/>",
  "</Data>",
  "</System>",
  "<System>",
  "<System/>",
  "<EventData>",
  "<UserData><X><A>1</A></X></UserData>",
  "<EventID>4625</EventID>",
  "<Computer>other</Computer>",
  "<Data Name='TargetUserName'>eve</Data>",
  "<Data>unnamed</Data>",
  "<Data Name=''>empty</Data>",
  "<Data Name='__proto__'>p</Data>",
  "<constructor Name='x'/>",
  "<TimeCreated SystemTime='2020-01-01T00:00:00Z'/>",
  "<Provider Name='P' Name='Q'/>",
  " Name='again'",
  " a='1'b='2'",
  " x = '1'",
  " xmlns:e='urn:x'",
  "<e:Data Name='TargetUserName'>ns</e:Data>",
  "<!-- note -->",
  "<![CDATA[x<y]]>",
  "<?pi x?>",
  "<!DOCTYPE x>",
  "\u0000",
  "\u0085",
  "\u007f",
  "\u00a0",
  "\u2028",
  "\ufffe",
  "\ud800",
  "\u00e9",
  "<a><b><c><d><e><f><g><h><i>deep</i></h></g></f></e></d></c></b></a>",
  `<Many ${Array.from({ length: 20 }, (_, i) => `a${i}='${i}'`).join(" ")}/>`,
] as const;

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  // Half the edits land where an element begins, so most mutants stay well-formed.
  atTag: fc.boolean(),
  kind: fc.constantFrom("insert", "delete", "replace"),
  snippet: fc.constantFrom(...snippets),
  length: fc.integer({ min: 1, max: 12 }),
});

test("on mutated events the scanner's reading is the full parser's, or it leaves the event to it", () => {
  let scanned = 0;
  let runs = 0;
  fc.assert(
    fc.property(
      fc.constantFrom(...wevtutil.slice(0, 40), ...eventViewer.slice(0, 40)),
      fc.array(edit, { minLength: 1, maxLength: 2 }),
      (base, edits) => {
        let xml = base;
        for (const e of edits) {
          const offset = Math.floor(e.at * xml.length);
          const tag = xml.indexOf("<", offset);
          const at = e.atTag && tag !== -1 ? tag : offset;
          xml =
            e.kind === "insert"
              ? xml.slice(0, at) + e.snippet + xml.slice(at)
              : e.kind === "delete"
                ? xml.slice(0, at) + xml.slice(at + e.length)
                : xml.slice(0, at) + e.snippet + xml.slice(at + e.snippet.length);
        }
        runs++;
        if (scanEventXml(xml) !== undefined) scanned++;
        assertSameReading(xml);
      },
    ),
    { numRuns: 3000 },
  );
  // The property must exercise the scanner's own reading, not only its refusals.
  assert.ok(scanned >= 10, `${scanned} of ${runs} scanned`);
});

/** Characters of a generated value: plain ones, spaces at the edges, and ones the scanner must refuse. */
const valueCharacter = fc.constantFrom(
  "a",
  "Z",
  "0",
  "-",
  " ",
  "\t",
  "\n",
  "\u00e9",
  "\u00a0",
  "\u3000",
  "$",
  "'",
  '"',
  "&amp;",
  "&#x41;",
  ">",
  "\r",
  "\u0085",
);
const value = fc.string({ unit: valueCharacter, maxLength: 8 });

test("generated events of the plain shape are read by the scanner exactly as by the full parser", () => {
  let scanned = 0;
  fc.assert(
    fc.property(
      fc.record({
        quote: fc.constantFrom("'", '"'),
        pretty: fc.constantFrom("", "\n  ", "\r\n    "),
        eventId: fc.constantFrom("4624", " 4624 ", "4634", "x", ""),
        time: fc.constantFrom("2019-11-15T08:19:16.102509700Z", "2020-02-30T00:00:00Z", "", "soon"),
        recordId: fc.constantFrom("1", " 25049 ", "1e400", "", "0x10"),
        computer: value,
        user: value,
        logonType: fc.constantFrom("3", " 10 ", "", "x"),
        extra: fc.array(
          fc.tuple(fc.constantFrom("TargetUserName", "IpAddress", "", "Other"), value),
          {
            maxLength: 2,
          },
        ),
        unnamed: fc.boolean(),
      }),
      (e) => {
        const q = e.quote;
        const p = e.pretty;
        const attribute = (text: string) => text.replaceAll(q, "");
        const data = [["TargetUserName", e.user], ["LogonType", e.logonType], ...e.extra]
          .map(
            ([name, text]) => `${p}<Data Name=${q}${attribute(name as string)}${q}>${text}</Data>`,
          )
          .join("");
        const xml =
          `<Event xmlns=${q}http://schemas.microsoft.com/win/2004/08/events/event${q}>${p}<System>` +
          `${p}<Provider Name=${q}Microsoft-Windows-Security-Auditing${q}/>` +
          `${p}<EventID>${e.eventId}</EventID>${p}<TimeCreated SystemTime=${q}${attribute(e.time)}${q}/>` +
          `${p}<EventRecordID>${e.recordId}</EventRecordID>${p}<Channel>Security</Channel>` +
          `${p}<Computer>${e.computer}</Computer>${p}</System>${p}<EventData>${data}` +
          `${e.unnamed ? "<Data>x</Data>" : ""}${p}</EventData></Event>`;
        if (scanEventXml(xml) !== undefined) scanned++;
        assertSameReading(xml);
      },
    ),
    { numRuns: 2000 },
  );
  assert.ok(scanned > 100, `${scanned} scanned`);
});
