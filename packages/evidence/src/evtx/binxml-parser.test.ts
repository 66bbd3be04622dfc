import assert from "node:assert/strict";
import { test } from "node:test";
import { evtxValueType as type } from "./evtx-value-type.ts";
import { BinXmlWriter, type WrittenValue } from "./testing/binxml-writer.ts";
import { buildEvtxFile } from "./testing/build-evtx-file.ts";
import { drainEvtx } from "./testing/drain-evtx.ts";

// Hand-written BinXML for what the corpus never shows: CDATA, character and entity references,
// processing instructions, optional and array substitutions, nested BinXML, shared templates.

const utf16 = (text: string): WrittenValue => ({
  type: type.string,
  bytes: Buffer.from(`${text}\0`, "utf16le"),
});
const uint16 = (value: number): WrittenValue => ({
  type: type.uint16,
  bytes: Buffer.from([value & 0xff, value >> 8]),
});
const uint8 = (value: number): WrittenValue => ({ type: type.uint8, bytes: Buffer.from([value]) });
const uint64 = (value: bigint): WrittenValue => {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(value);
  return { type: type.uint64, bytes };
};
const filetime = (value: bigint): WrittenValue => ({ ...uint64(value), type: type.filetime });
const nothing: WrittenValue = { type: type.null, bytes: Buffer.alloc(0) };
const sid: WrittenValue = {
  type: type.sid,
  bytes: Buffer.from([1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0]),
};
const strings = (...items: string[]): WrittenValue => ({
  type: type.string | type.arrayFlag,
  bytes: Buffer.from(items.map((item) => `${item}\0`).join(""), "utf16le"),
});

/** <Event><System>…</System><EventData>…</EventData></Event> with 10 substitution slots. */
function writeEventTemplate(w: BinXmlWriter): void {
  w.fragmentHeader();
  w.open("Event", true)
    .attribute("xmlns")
    .text("http://schemas.microsoft.com/win/2004/08/events/event")
    .closeStart();
  w.open("System").closeStart();
  w.open("Provider", true).attribute("Name").substitution(0, type.string).closeEmpty();
  w.open("EventID", true).attribute("Qualifiers").substitution(1, type.uint16, true).closeStart();
  w.substitution(2, type.uint16).end();
  w.open("Level").closeStart().substitution(3, type.uint8).end();
  w.open("TimeCreated", true)
    .attribute("SystemTime")
    .substitution(4, type.filetime, true)
    .closeEmpty();
  w.open("EventRecordID").closeStart().substitution(5, type.uint64).end();
  w.open("Channel").closeStart().text("Sec").entityReference("amp").text("urity").end();
  w.open("Computer").closeStart().text("host").cdata("-01").charReference(0x41).end();
  w.open("Security", true).attribute("UserID").substitution(6, type.sid, true).closeEmpty();
  w.end();
  w.open("EventData").closeStart();
  w.open("Data", true)
    .attribute("Name")
    .text("TargetUserName")
    .closeStart()
    .substitution(7, type.string)
    .end();
  w.open("Data", true)
    .attribute("Name")
    .text("Optional")
    .closeStart()
    .substitution(8, type.string, true)
    .end();
  w.open("Data", true)
    .attribute("Name")
    .text("Groups")
    .closeStart()
    .substitution(9, type.string | type.arrayFlag)
    .end();
  w.processingInstruction("audit", "note");
  w.end();
  w.end();
  w.endOfStream();
}

test("every token kind reads into fields and XML", async () => {
  let definition = 0;
  const file = buildEvtxFile([
    (offset) =>
      new BinXmlWriter(offset)
        .fragmentHeader()
        .templateInstance(
          writeEventTemplate,
          [
            utf16("Microsoft-Windows-Security-Auditing"),
            uint16(16384),
            uint16(4624),
            uint8(0),
            filetime(132399233764652234n),
            uint64(887107n),
            sid,
            utf16("alice"),
            utf16("present"),
            strings("Administrators", "", "Users"),
          ],
          (at) => {
            definition = at;
          },
        )
        .endOfStream()
        .bytes(),
    (offset) =>
      new BinXmlWriter(offset)
        .fragmentHeader()
        .templateReference(definition, [
          utf16("Other"),
          nothing,
          uint16(4625),
          uint8(2),
          nothing,
          uint64(887108n),
          nothing,
          utf16("bob"),
          nothing,
          strings(),
        ])
        .endOfStream()
        .bytes(),
  ]);
  const { records, problems } = await drainEvtx(
    (async function* () {
      yield file;
    })(),
    { includeXml: true, fileLabel: "built.evtx" },
  );
  assert.deepEqual(problems, []);
  const [first, second] = records;
  assert.ok(first !== undefined && second !== undefined);
  assert.equal(first.provider, "Microsoft-Windows-Security-Auditing");
  assert.equal(first.eventId, 4624);
  assert.equal(first.qualifiers, 16384);
  assert.equal(first.channel, "Sec&urity");
  assert.equal(first.computer, "host-01A");
  assert.equal(first.userSid, "S-1-5-18");
  assert.equal(first.timeCreated, "2020-07-22T20:29:36.4652234Z");
  assert.equal(first.writtenTime, "2020-07-22T20:29:36.4652234Z");
  assert.equal(first.eventRecordId, 887107);
  assert.deepEqual(
    { ...first.data },
    {
      TargetUserName: "alice",
      Optional: "present",
      Groups: "Administrators",
      "Groups#2": "",
      "Groups#3": "Users",
    },
  );
  assert.deepEqual(first.strings, ["alice", "present", "Administrators", "", "Users"]);
  assert.equal(
    first.xml,
    [
      '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
      "  <System>",
      '    <Provider Name="Microsoft-Windows-Security-Auditing"/>',
      '    <EventID Qualifiers="16384">4624</EventID>',
      "    <Level>0</Level>",
      '    <TimeCreated SystemTime="2020-07-22T20:29:36.465223400Z"/>',
      "    <EventRecordID>887107</EventRecordID>",
      "    <Channel>Sec&amp;urity</Channel>",
      "    <Computer>host<![CDATA[-01]]>&#65;</Computer>",
      '    <Security UserID="S-1-5-18"/>',
      "  </System>",
      "  <EventData>",
      '    <Data Name="TargetUserName">alice</Data>',
      '    <Data Name="Optional">present</Data>',
      '    <Data Name="Groups">Administrators</Data>',
      '    <Data Name="Groups"/>',
      '    <Data Name="Groups">Users</Data>',
      "    <?audit note?>",
      "  </EventData>",
      "</Event>",
    ].join("\n"),
  );
  // The second record reuses the template: empty optional values drop their attribute or
  // element, an empty array leaves no element.
  assert.equal(second.eventId, 4625);
  assert.equal(second.qualifiers, undefined);
  assert.equal(second.timeCreated, "");
  assert.equal(second.userSid, undefined);
  assert.deepEqual({ ...second.data }, { TargetUserName: "bob" });
  assert.match(second.xml ?? "", /<EventID>4625<\/EventID>/);
  assert.match(second.xml ?? "", /<Security\/>/);
  assert.doesNotMatch(second.xml ?? "", /Optional|Groups/);
});

test("a substitution of nested BinXML expands into the document", async () => {
  const file = buildEvtxFile([
    (offset) => {
      // The nested fragment must be written at its final offset: build the outer record once
      // with an empty value to learn where the value data starts, then again with the value.
      const outer = (values: WrittenValue[]) =>
        new BinXmlWriter(offset)
          .fragmentHeader()
          .templateInstance((t) => {
            t.fragmentHeader().open("Event").closeStart();
            t.open("System")
              .closeStart()
              .open("EventID")
              .closeStart()
              .substitution(0, type.uint16)
              .end()
              .end();
            t.substitution(1, type.binXml, true);
            t.end().endOfStream();
          }, values)
          .endOfStream()
          .bytes();
      const placeholder = outer([uint16(7036), { type: type.binXml, bytes: Buffer.alloc(0) }]);
      // The nested value starts where the placeholder's (empty) value would be: just before the
      // final end-of-stream token.
      const nestedOffset = offset + placeholder.length - 1;
      const nested = new BinXmlWriter(nestedOffset)
        .fragmentHeader()
        .templateInstance(
          (t) => {
            t.fragmentHeader().open("EventData").closeStart();
            t.open("Data", true)
              .attribute("Name")
              .text("param1")
              .closeStart()
              .substitution(0, type.string)
              .end();
            t.end().endOfStream();
          },
          [utf16("Windows Update")],
        )
        .endOfStream()
        .bytes();
      return outer([uint16(7036), { type: type.binXml, bytes: nested }]);
    },
  ]);
  const { records, problems } = await drainEvtx(
    (async function* () {
      yield file;
    })(),
    { includeXml: true },
  );
  assert.deepEqual(problems, []);
  assert.equal(records[0]?.eventId, 7036);
  assert.deepEqual(records[0]?.strings, ["Windows Update"]);
  assert.match(records[0]?.xml ?? "", /<Data Name="param1">Windows Update<\/Data>/);
});

test("a template that refers to itself is a bad record, not a stack overflow", async () => {
  const file = buildEvtxFile([
    (offset) => {
      const w = new BinXmlWriter(offset).fragmentHeader();
      // Token, unknown byte, identifier, then a definition offset pointing at this very token.
      const self = w.offset;
      w.u8(0x0c)
        .u8(1)
        .u32(1)
        .u32(self + 10)
        .u32(0)
        .raw(Buffer.alloc(16))
        .u32(14);
      w.fragmentHeader()
        .u8(0x0c)
        .u8(1)
        .u32(1)
        .u32(self + 10)
        .u32(0)
        .u8(0);
      return w.u32(0).endOfStream().bytes();
    },
  ]);
  const { records, problems } = await drainEvtx(
    (async function* () {
      yield file;
    })(),
  );
  assert.deepEqual(records, []);
  assert.deepEqual(
    problems.map((problem) => problem.code),
    ["EVTX_BAD_RECORD"],
  );
  assert.match(problems[0]?.message ?? "", /contains an instance of itself/);
});
