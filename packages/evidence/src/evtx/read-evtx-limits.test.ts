import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { bytesSource } from "../source/byte-source.ts";
import { evtxLimits } from "./evtx-limits.ts";
import { evtxValueType as type } from "./evtx-value-type.ts";
import { readEvtxEvents } from "./read-evtx-events.ts";
import { assertWithinEvtxBudget } from "./testing/assert-within-evtx-budget.ts";
import { buildEvtxFile } from "./testing/build-evtx-file.ts";
import { type DrainedEvtx, drainEvtx } from "./testing/drain-evtx.ts";
import {
  buildDeepElements,
  buildDeepTemplates,
  buildExpansionBomb,
  buildLongNameArray,
  buildManyData,
  buildTextBomb,
} from "./testing/hostile-evtx.ts";
import { firstContentIndex, testEventRecord } from "./testing/test-event-record.ts";

// The crafted files of issue 9. Each holds a valid event, the hostile record and another valid
// event: the hostile one is skipped with its own code and offset, its neighbours are read, and
// the work done (counted, never timed) stays within the budget of docs/limits.md.

/** File offset of the hostile record: header block, chunk header, then the first record. */
const firstRecordOffset = 4096 + 512;

let scratch: string;
before(async () => {
  scratch = await mkdtemp(join(tmpdir(), "calwise-evtx-limits-"));
});
after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function read(file: Buffer, includeXml = false): Promise<DrainedEvtx> {
  return drainEvtx(
    (async function* () {
      yield file;
    })(),
    { fileLabel: "crafted.evtx", includeXml },
  );
}

function assertNeighboursRead(result: DrainedEvtx): void {
  assert.deepEqual(
    result.records.map((record) => [record.eventRecordId, record.data.TargetUserName]),
    [
      [101, "alice"],
      [103, "bob"],
    ],
  );
}

function assertSkippedAs(result: DrainedEvtx, code: string, message: RegExp): void {
  assert.equal(result.problems.length, 1, JSON.stringify(result.problems));
  const [problem] = result.problems;
  assert.equal(problem?.code, code);
  assert.equal(problem?.chunk, 0);
  assert.ok(problem !== undefined && problem.offset > firstRecordOffset, "the second record");
  assert.match(problem.message, /^record 2: /);
  assert.match(problem.message, message);
  assert.doesNotMatch(problem.message, /call stack|outside the chunk/);
}

test("exponential template expansion (16^8 elements from 69 KB) skips the record within budget", async () => {
  const file = buildExpansionBomb(16, 9);
  assert.equal(file.length, 69632);
  for (const includeXml of [false, true]) {
    const result = await read(file, includeXml);
    assertSkippedAs(
      result,
      "EVTX_RECORD_TOO_COMPLEX",
      /budget of 16 BinXML nodes per byte of its \d+ bytes .*record skipped$/,
    );
    assert.equal(result.problems[0]?.expected, `at most ${16 * recordSize(file, 1)} BinXML nodes`);
    assertNeighboursRead(result);
    assertWithinEvtxBudget(result, file.length);
    // 16^8 elements would be 4.3e9 nodes; the work done is that of a few small records.
    assert.ok(result.summary.work.nodes < 100_000, `${result.summary.work.nodes} nodes`);
  }
});

test("a text repeated exponentially (half a billion characters) stops at the character budget", async () => {
  const file = buildTextBomb();
  for (const includeXml of [false, true]) {
    const result = await read(file, includeXml);
    assertSkippedAs(result, "EVTX_RECORD_TOO_COMPLEX", /budget of 64 characters per byte/);
    assertNeighboursRead(result);
    assertWithinEvtxBudget(result, file.length);
    assert.ok(result.summary.work.maxRecordCharacters <= 64 * recordSize(file, 1));
  }
});

test("a 16,000-character name repeated by a 30,000-item array stops at the character budget", async () => {
  // Each copy would carry the name as its data key (#2, #3…): 480 million characters, 47 s.
  const file = buildLongNameArray();
  for (const includeXml of [false, true]) {
    const result = await read(file, includeXml);
    assertSkippedAs(result, "EVTX_RECORD_TOO_COMPLEX", /budget of 64 characters per byte/);
    assertNeighboursRead(result);
    assertWithinEvtxBudget(result, file.length);
  }
});

test("4,000 nested elements are too deep, reported as such and not as a stack overflow", async () => {
  const file = buildDeepElements(4000);
  const result = await read(file, true);
  assertSkippedAs(result, "EVTX_RECORD_TOO_DEEP", /nests deeper than the limit/);
  assert.equal(result.problems[0]?.expected, "at most 64 levels");
  assertNeighboursRead(result);
  assertWithinEvtxBudget(result, file.length);
});

test("2,000 templates nested through BinXML values are too deep as well", async () => {
  const file = buildDeepTemplates(2000);
  for (const includeXml of [false, true]) {
    const result = await read(file, includeXml);
    assertSkippedAs(result, "EVTX_RECORD_TOO_DEEP", /nests deeper than the limit/);
    assertNeighboursRead(result);
  }
});

test("nesting up to the depth limit is read; one level more is not", async () => {
  // The record, its template, <Event> and <EventData> take 4 levels, each nested element 1 more.
  const deepest = await read(buildDeepElements(evtxLimits.maxDepth - 4), true);
  assert.deepEqual(deepest.problems, []);
  assert.equal(deepest.records[1]?.data.Deep, "x");
  const tooDeep = await read(buildDeepElements(evtxLimits.maxDepth - 3), true);
  assert.deepEqual(
    tooDeep.problems.map((problem) => problem.code),
    ["EVTX_RECORD_TOO_DEEP"],
  );
  // Each link of a template chain takes 3: the nested value, its template and the element.
  const chain = await read(buildDeepTemplates((evtxLimits.maxDepth - 4) / 3), true);
  assert.deepEqual(chain.problems, []);
  const longerChain = await read(buildDeepTemplates((evtxLimits.maxDepth - 4) / 3 + 1), true);
  assert.deepEqual(
    longerChain.problems.map((problem) => problem.code),
    ["EVTX_RECORD_TOO_DEEP"],
  );
});

test("32k unnamed Data elements are named Data, Data#2 … Data#32768 with linear work", async () => {
  const count = 32768;
  const result = await read(buildManyData(count));
  assert.deepEqual(result.problems, []);
  const record = result.records[1];
  assert.ok(record !== undefined);
  const keys = Object.keys(record.data);
  assert.equal(keys.length, count + 1);
  assert.deepEqual(keys.slice(0, 4), ["TargetUserName", "Data", "Data#2", "Data#3"]);
  assert.equal(keys.at(-1), `Data#${count}`);
  assert.ok(keys.slice(2).every((key, i) => key === `Data#${i + 2}`));
  assert.equal(record.strings.length, count + 1);
  // Every key tried is counted (its characters): naming n repeats by trying Data#2, Data#3…
  // afresh for each would count n²/2 keys, half a billion here.
  const { maxRecordNodes: nodes, maxRecordCharacters: characters } = result.summary.work;
  assert.ok(nodes < 5 * count, `${nodes} nodes for ${count} elements`);
  assert.ok(characters < 24 * count, `${characters} characters for ${count} elements`);
  const quarter = (await read(buildManyData(count / 4))).summary.work;
  for (const ratio of [nodes / quarter.maxRecordNodes, characters / quarter.maxRecordCharacters]) {
    assert.ok(ratio > 3.5 && ratio < 4.5, `4 times the elements, ${ratio} times the work`);
  }
});

test("a repeated name skips suffixes already taken by a Data element of that name", async () => {
  const file = buildEvtxFile([
    testEventRecord(4624, 1, "carol", {
      eventData: (t) => {
        t.open("Data", true).attribute("Name").text("Data#3").closeStart().text("named").end();
        t.open("Data")
          .closeStart()
          .substitution(firstContentIndex, type.uint8 | type.arrayFlag);
        t.end();
      },
      values: [{ type: type.uint8 | type.arrayFlag, bytes: Buffer.from([1, 2, 3, 4]) }],
    }),
  ]);
  const result = await read(file);
  assert.deepEqual(result.problems, []);
  assert.deepEqual(
    { ...result.records[0]?.data },
    {
      TargetUserName: "carol",
      "Data#3": "named",
      Data: "1",
      "Data#2": "2",
      "Data#4": "3",
      "Data#5": "4",
    },
  );
});

test("readEvtxEvents counts a record over its budget as skipped and passes the problem on", async () => {
  const path = join(scratch, "bomb.evtx");
  await writeFile(path, buildExpansionBomb());
  const events = [];
  const reader = readEvtxEvents(bytesSource(path, await readFile(path)));
  let step = await reader.next();
  for (; step.done !== true; step = await reader.next()) events.push(step.value);
  assert.equal(events.length, 2);
  assert.equal(step.value.skipped, 1);
  assert.deepEqual(step.value.problemCounts, { EVTX_RECORD_TOO_COMPLEX: 1 });
  assert.match(step.value.problems[0]?.message ?? "", /^chunk 0: record 2: template expansion/);
});

/** The size of record `index` (0-based) of a file built by buildEvtxFile. */
function recordSize(file: Buffer, index: number): number {
  let offset = firstRecordOffset;
  for (let i = 0; i < index; i++) offset += file.readUInt32LE(offset + 4);
  return file.readUInt32LE(offset + 4);
}
