import assert from "node:assert/strict";
import { test } from "node:test";
import { bytesSource } from "../source/byte-source.ts";
import { drainReader } from "../testing/drain-reader.ts";
import { fileSource } from "../testing/file-source.ts";
import { readEventXml } from "./read-event-xml.ts";
import { splitEventXml } from "./split-event-xml.ts";

const event = (id: number, record: number, user = "alice") =>
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing'/><EventID>${id}</EventID><TimeCreated SystemTime='2026-11-20T08:01:02.123456700Z'/><EventRecordID>${record}</EventRecordID><Channel>Security</Channel><Computer>SRV1.corp.example</Computer></System><EventData><Data Name='TargetUserName'>${user}</Data><Data Name='LogonType'>3</Data></EventData></Event>`;

async function* pieces(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

test("event XML", async (t) => {
  await t.test(
    "splits events cut across pieces of any size, with lines and record numbers",
    async () => {
      const text = `<?xml version="1.0"?>\n<Events>\n${event(4624, 1)}\n${event(4634, 2)}\n</Events>\n`;
      for (const size of [1, 3, 7, 64, 100_000]) {
        const out = [];
        for await (const p of splitEventXml(pieces(text, size), () => assert.fail("no defect")))
          out.push(p);
        assert.deepEqual(
          out.map((p) => [p.line, p.record, p.xml.length]),
          [
            [3, 1, event(4624, 1).length],
            [4, 2, event(4634, 2).length],
          ],
          `piece size ${size}`,
        );
      }
    },
  );

  await t.test(
    "reads wevtutil output (roots back to back) with entities decoded and the time normalised",
    async () => {
      const source = bytesSource("w.xml", event(4624, 7, "o&apos;brien &amp; co") + event(4625, 8));
      const { records, summary } = await drainReader(readEventXml(source));
      assert.equal(records.length, 2);
      assert.equal(records[0]?.data.TargetUserName, "o'brien & co");
      assert.equal(records[0]?.time, "2026-11-20T08:01:02.1234567Z");
      assert.equal(records[0]?.recordId, 7);
      assert.deepEqual(summary.eventIds, { "4624": 1, "4625": 1 });
    },
  );

  await t.test(
    "skips a malformed event, an event without System or EventID, and an unterminated one, each located",
    async () => {
      const text = [
        event(4624, 1),
        "<Event><System><EventID>4624</EventID></System><EventData><Data>x</Event>",
        "<Event><EventData/></Event>",
        event(4624, 2).replace("<EventID>4624</EventID>", "<EventID>abc</EventID>"),
        event(4624, 3),
        "<Event><System>",
      ].join("\n");
      const source = bytesSource("bad.xml", text);
      const { records, summary } = await drainReader(readEventXml(source));
      assert.deepEqual(
        records.map((r) => r.recordId),
        [1, 3],
      );
      assert.equal(summary.skipped, 4);
      assert.deepEqual(
        summary.problems.map((p) => [p.code, p.line, p.record]),
        [
          ["XML_BAD_EVENT", 2, 2],
          ["XML_BAD_EVENT", 3, 3],
          ["XML_BAD_EVENT", 4, 4],
          ["XML_BAD_EVENT", 6, 6],
        ],
      );
      assert.match(summary.problems[1]?.message ?? "", /no <System>/);
      assert.match(summary.problems[2]?.received ?? "", /abc/);
      assert.match(summary.problems[3]?.message ?? "", /ends inside an <Event>/);
    },
  );

  await t.test("reports a missing file as unreadable instead of throwing", async () => {
    const { records, summary } = await drainReader(readEventXml(fileSource("/nonexistent/x.xml")));
    assert.equal(records.length, 0);
    assert.equal(summary.problems[0]?.code, "EVIDENCE_UNREADABLE");
    assert.match(summary.problems[0]?.message ?? "", /no such file/);
  });
});

test("an event using an entity XML does not define (a DOCTYPE's) is refused, located, and the next read", async () => {
  const text = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE Events [<!ENTITY j "joker">]>',
    "<Events>",
    event(4624, 1, "&j;"),
    event(4624, 2, "&#x61;lice &amp; co"),
    `<Event><!DOCTYPE x [<!ENTITY k "k">]>${event(4624, 3).slice(7)}`,
    event(4624, 4, "&nbsp;bob"),
    event(4624, 5),
    "</Events>",
  ].join("\n");
  const { records, summary } = await drainReader(readEventXml(bytesSource("ent.xml", text)));
  assert.deepEqual(
    records.map((r) => [r.recordId, r.data.TargetUserName]),
    [
      [2, "alice & co"],
      [5, "alice"],
    ],
  );
  assert.equal(summary.skipped, 3);
  assert.deepEqual(
    summary.problems.map((p) => [p.code, p.line, p.record]),
    [
      ["XML_ENTITY", 4, 1],
      ["XML_ENTITY", 6, 3],
      ["XML_ENTITY", 7, 4],
    ],
  );
  assert.equal(summary.problems[0]?.received, '"&j;"');
  assert.match(summary.problems[1]?.message ?? "", /DOCTYPE declaration/);
});

test("an unclosed <Event> is one problem and the next event is read (resynchronised at <Event)", async () => {
  const text = [
    event(4624, 1),
    event(4624, 2).replace("</Event>", ""),
    event(4624, 3, "carol"),
    event(4624, 4).replace("</EventData></Event>", ""),
    event(4624, 5, "dave"),
  ].join("\n");
  for (const pieceSize of [5, 64, 1 << 20]) {
    const source = bytesSource("unclosed.xml", text, pieceSize);
    const { records, summary } = await drainReader(readEventXml(source));
    assert.deepEqual(
      records.map((r) => [r.recordId, r.data.TargetUserName]),
      [
        [1, "alice"],
        [3, "carol"],
        [5, "dave"],
      ],
      `piece size ${pieceSize}`,
    );
    assert.deepEqual(
      summary.problems.map((p) => [p.code, p.line, p.record]),
      [
        ["XML_BAD_EVENT", 2, 2],
        ["XML_BAD_EVENT", 4, 4],
      ],
    );
    assert.match(summary.problems[0]?.message ?? "", /not closed before the next <Event>/);
  }
});

test("an oversized unclosed <Event> is skipped without swallowing the next event", async () => {
  const huge = `<Event><System>${"x".repeat(900)}`;
  const text = [
    event(4624, 1),
    huge,
    event(4624, 2, "erin"),
    `${huge}</Event>`,
    event(4624, 3),
  ].join("\n");
  const pieces: (string | number)[][] = [];
  for await (const p of splitEventXml(
    (async function* () {
      for (let i = 0; i < text.length; i += 50) yield text.slice(i, i + 50);
    })(),
    (d) => pieces.push([d.code, d.record, d.line]),
    600,
  ))
    pieces.push(["event", p.record, p.line]);
  assert.deepEqual(pieces, [
    ["event", 1, 1],
    ["EVIDENCE_RECORD_TOO_LONG", 2, 2],
    ["event", 3, 3],
    ["EVIDENCE_RECORD_TOO_LONG", 4, 4],
    ["event", 5, 5],
  ]);
});

test("an element with more attributes than any real event has is refused, located, and the next read", async () => {
  const crowd = Array.from({ length: 300 }, (_, i) => `a${i}="${i}=x"`).join(" ");
  const many = Array.from({ length: 256 }, (_, i) => `b${i}='>'`).join(" ");
  const text = [
    "<Events>",
    event(4624, 1).replace("<EventData>", `<EventData>\n<Extra ${crowd}/>`),
    event(4624, 2).replace("<EventData>", `<EventData><!-- a=1 a=2 --><Extra ${many}/>`),
    event(4624, 3),
    "</Events>",
  ].join("\n");
  const { records, summary } = await drainReader(readEventXml(bytesSource("crowd.xml", text)));
  assert.deepEqual(
    records.map((r) => r.recordId),
    [2, 3],
  );
  assert.deepEqual(
    summary.problems.map((p) => [p.code, p.line, p.record, p.expected, p.received]),
    [["XML_BAD_EVENT", 2, 1, "at most 256 attributes on one element", "300 attributes"]],
  );
  assert.match(
    summary.problems[0]?.message ?? "",
    /line 2 of the event: an element with 300 attributes/,
  );
});
