import assert from "node:assert/strict";
import { test } from "node:test";
import { EvtxFormatError } from "./evtx-format-error.ts";
import { evtxValueType as type } from "./evtx-value-type.ts";
import { renderEvtxArray, renderEvtxValue } from "./render-evtx-value.ts";

const render = (valueType: number, bytes: number[] | Buffer) => {
  const buffer = Buffer.concat([Buffer.from([0xee]), Buffer.from(bytes)]); // values rarely start at 0
  return renderEvtxValue(buffer, valueType, 1, buffer.length - 1);
};
const le64 = (value: bigint, signed = false) => {
  const bytes = Buffer.alloc(8);
  if (signed) bytes.writeBigInt64LE(value);
  else bytes.writeBigUInt64LE(value);
  return bytes;
};

test("strings drop their NUL terminator; ANSI strings too", () => {
  assert.equal(render(type.string, Buffer.from("Günter\0", "utf16le")), "Günter");
  assert.equal(render(type.string, []), "");
  assert.equal(render(type.ansiString, Buffer.from("caf\xe9\0", "latin1")), "café");
});

test("integers render in decimal, exactly, including 64-bit and negative values", () => {
  assert.equal(render(type.int8, [0xff]), "-1");
  assert.equal(render(type.uint8, [0xff]), "255");
  assert.equal(render(type.int16, [0x00, 0x80]), "-32768");
  assert.equal(render(type.uint16, [0x10, 0x27]), "10000");
  assert.equal(render(type.int32, [0x02, 0x00, 0x07, 0x80]), "-2147024894");
  assert.equal(render(type.uint32, [0xff, 0xff, 0xff, 0xff]), "4294967295");
  assert.equal(render(type.uint64, le64(18446744073709551615n)), "18446744073709551615");
  assert.equal(render(type.uint64, le64(887107n)), "887107");
  assert.equal(render(type.int64, le64(-9223372036854775808n, true)), "-9223372036854775808");
  assert.equal(render(type.int64, le64(-5n, true)), "-5");
});

test("hex integers and size_t are zero-padded lower-case hex", () => {
  assert.equal(render(type.hexInt32, [0x10, 0, 0, 0]), "0x00000010");
  assert.equal(render(type.hexInt64, le64(0x3a17an)), "0x000000000003a17a");
  assert.equal(render(type.hexInt64, le64(0x8010000000000000n)), "0x8010000000000000");
  assert.equal(render(type.sizeT, [0x34, 0x12, 0, 0]), "0x00001234");
  assert.equal(render(type.sizeT, le64(0x7ff612340000n)), "0x00007ff612340000");
});

test("reals, booleans and binary", () => {
  assert.equal(render(type.real32, Buffer.from(new Float32Array([0.1]).buffer)), "0.1");
  assert.equal(render(type.real64, Buffer.from(new Float64Array([-2.5]).buffer)), "-2.5");
  assert.equal(render(type.boolean, [1, 0, 0, 0]), "true");
  assert.equal(render(type.boolean, [0, 0, 0, 0]), "false");
  assert.equal(render(type.binary, [0xd9, 0x06, 0x00, 0x00]), "D9060000");
});

test("GUIDs are upper-case in braces; SIDs are S-R-A-…", () => {
  const guid = Buffer.from("25968454785494 49a5ba3e3b0328c30d".replace(" ", ""), "hex");
  assert.equal(render(type.guid, guid), "{54849625-5478-4994-A5BA-3E3B0328C30D}");
  const sid = [
    1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 0xb0, 0x62, 0x69, 0x12, 0xcd, 0x4d, 0x35, 0x1e, 0xca, 0x5c,
    0x2b, 0xc7, 0x52, 0x04, 0, 0,
  ];
  assert.equal(render(type.sid, sid), "S-1-5-21-308896432-506809805-3341507786-1106");
  assert.equal(render(type.sid, [1, 0, 0, 0, 0, 0, 0, 0]), "S-1-0");
  assert.throws(() => render(type.sid, [1, 2, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0]), EvtxFormatError);
});

test("FILETIME renders as Windows does, SYSTEMTIME to the millisecond", () => {
  assert.equal(render(type.filetime, le64(132399233764652234n)), "2020-07-22T20:29:36.465223400Z");
  const systemtime = [0xe4, 0x07, 7, 0, 3, 0, 22, 0, 20, 0, 29, 0, 36, 0, 0x41, 0x01];
  assert.equal(render(type.systemtime, systemtime), "2020-07-22T20:29:36.321Z");
});

test("arrays split into items; a joined rendering is used only outside elements", () => {
  const strings = Buffer.from("a\0\0c\0", "utf16le");
  assert.deepEqual(renderEvtxArray(strings, type.string | type.arrayFlag, 0, strings.length), [
    "a",
    "",
    "c",
  ]);
  const numbers = Buffer.from([1, 0, 2, 0]);
  assert.deepEqual(renderEvtxArray(numbers, type.uint16 | type.arrayFlag, 0, 4), ["1", "2"]);
  assert.deepEqual(renderEvtxArray(numbers, type.uint16 | type.arrayFlag, 0, 0), []);
  assert.equal(renderEvtxValue(numbers, type.uint16 | type.arrayFlag, 0, 4), "1, 2");
});

test("sizes that contradict the type and unknown types are format errors", () => {
  assert.throws(() => render(type.uint32, [1, 2]), EvtxFormatError);
  assert.throws(() => render(type.guid, [1, 2, 3]), EvtxFormatError);
  assert.throws(() => render(0x7f, [1]), EvtxFormatError);
  assert.throws(() => render(type.uint32 | type.arrayFlag, [1, 2, 3]), EvtxFormatError);
});
