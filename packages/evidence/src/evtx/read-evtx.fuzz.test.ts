import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { crc32 } from "node:zlib";
import fc from "fast-check";
import { type EvtxProblemCode, evtxProblemCodes } from "./evtx-problem.ts";
import type { EvtxRecord } from "./evtx-record.ts";
import { assertWithinEvtxBudget } from "./testing/assert-within-evtx-budget.ts";
import { type DrainedEvtx, drainEvtx } from "./testing/drain-evtx.ts";
import { listEvtxCorpus } from "./testing/evtx-corpus.ts";
import {
  applyEvtxMutation,
  type EvtxMutation,
  evtxMutationArbitrary,
  resealEvtx,
} from "./testing/evtx-mutation.ts";
import {
  buildDeepElements,
  buildDeepTemplates,
  buildExpansionBomb,
  buildLongNameArray,
  buildManyData,
  buildTextBomb,
} from "./testing/hostile-evtx.ts";

// Seeded fuzzing of readEvtx (the seed comes from test/fast-check-setup.ts; FC_SEED replays
// or explores): slices of the corpus and crafted hostile files, mutated by bit flips, field
// and token corruption, truncation, splices and deletions, checksums optionally resealed so
// that the damage reaches the BinXML. For every input: no exception escapes, every record of
// the original is read or its chunk reports a problem, untouched chunks read exactly as before,
// and the work (counted by the reader) stays within docs/limits.md, as does what records hold.
// `npm run fuzz` runs many more cases (FUZZ_RUNS).

const runs = Number(process.env.FUZZ_RUNS ?? 150);
const label = "fuzzed.evtx";
const chunkSize = 65536;
const chunkStart = (index: number) => 4096 + index * chunkSize;

const corpus = listEvtxCorpus().map((file) => readFileSync(file));

type Base =
  | {
      readonly kind: "corpus";
      readonly file: number;
      readonly chunk: number;
      readonly chunks: number;
    }
  | { readonly kind: "expansion"; readonly fanOut: number; readonly depth: number }
  | {
      readonly kind: "text";
      readonly fanOut: number;
      readonly depth: number;
      readonly length: number;
    }
  | { readonly kind: "deepElements"; readonly levels: number }
  | { readonly kind: "deepTemplates"; readonly levels: number }
  | { readonly kind: "manyData"; readonly count: number }
  | { readonly kind: "longName"; readonly nameLength: number; readonly count: number };

const baseArbitrary: fc.Arbitrary<Base> = fc.oneof(
  {
    weight: corpus.length === 0 ? 0 : 4,
    arbitrary: fc.record({
      kind: fc.constant("corpus" as const),
      file: fc.nat(),
      chunk: fc.nat(),
      chunks: fc.integer({ min: 1, max: 2 }),
    }),
  },
  fc.record({
    kind: fc.constant("expansion" as const),
    fanOut: fc.integer({ min: 1, max: 20 }),
    depth: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({
    kind: fc.constant("text" as const),
    fanOut: fc.integer({ min: 1, max: 16 }),
    depth: fc.integer({ min: 1, max: 6 }),
    length: fc.nat({ max: 7000 }),
  }),
  fc.record({
    kind: fc.constant("deepElements" as const),
    levels: fc.integer({ min: 1, max: 4500 }),
  }),
  fc.record({
    kind: fc.constant("deepTemplates" as const),
    levels: fc.integer({ min: 1, max: 2300 }),
  }),
  fc.record({ kind: fc.constant("manyData" as const), count: fc.nat({ max: 30000 }) }),
  fc.record({
    kind: fc.constant("longName" as const),
    nameLength: fc.integer({ min: 1, max: 16000 }),
    count: fc.nat({ max: 30000 }),
  }),
);

/** The header block and one or two whole chunks of a corpus file, or a crafted file. */
function buildBase(base: Base): Buffer {
  switch (base.kind) {
    case "corpus": {
      const file = corpus[base.file % corpus.length] as Buffer;
      const chunkCount = Math.floor((file.length - 4096) / chunkSize);
      const first = base.chunk % chunkCount;
      const end = Math.min(chunkCount, first + base.chunks);
      const slice = Buffer.concat([
        file.subarray(0, 4096),
        file.subarray(chunkStart(first), chunkStart(end)),
      ]);
      // The header declares the chunks the slice holds, so that the slice itself reads cleanly.
      slice.writeUInt16LE(end - first, 42);
      slice.writeUInt32LE(crc32(slice.subarray(0, 120)), 124);
      return slice;
    }
    case "expansion":
      return buildExpansionBomb(base.fanOut, base.depth);
    case "text":
      return buildTextBomb(base.fanOut, base.depth, base.length);
    case "deepElements":
      return buildDeepElements(base.levels);
    case "deepTemplates":
      return buildDeepTemplates(base.levels);
    case "manyData":
      return buildManyData(base.count);
    case "longName":
      return buildLongNameArray(base.nameLength, base.count);
  }
}

const donors = { expansion: buildExpansionBomb(), deep: buildDeepElements() };

async function* streamOf(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += 50_000) yield bytes.subarray(at, at + 50_000);
}

function read(bytes: Buffer, includeXml: boolean): Promise<DrainedEvtx> {
  return drainEvtx(streamOf(bytes), { fileLabel: label, includeXml });
}

const knownCodes = new Set<EvtxProblemCode>(evtxProblemCodes);

function recordsOfChunk(records: readonly EvtxRecord[], chunk: number): EvtxRecord[] {
  return records.filter((record) => record.location.chunk === chunk);
}

function sameBytes(a: Buffer, b: Buffer, start: number, end: number): boolean {
  return (
    end <= a.length && end <= b.length && a.subarray(start, end).equals(b.subarray(start, end))
  );
}

/** Problems are data about this input: known codes, offsets inside it, never a caught crash. */
function checkProblems(input: Buffer, result: DrainedEvtx): void {
  for (const problem of result.problems) {
    assert.ok(knownCodes.has(problem.code), problem.code);
    assert.equal(problem.file, label);
    assert.ok(problem.offset >= 0 && problem.offset <= input.length, `offset ${problem.offset}`);
    // Never an echo of the input: names are quoted short and escaped.
    assert.ok(problem.message.length > 0 && problem.message.length <= 300, problem.message);
    assert.doesNotMatch(problem.message, /call stack|Invalid string length|is not a function/);
  }
  assert.equal(result.summary.records, result.records.length);
}

/** Every record of the unmutated input is read again or its chunk reports a problem. */
function checkRecordsAccountedFor(
  input: Buffer,
  original: Buffer,
  before: DrainedEvtx,
  after: DrainedEvtx,
): void {
  const fatal = after.problems.some(
    (problem) => problem.code === "EVTX_NOT_EVTX" || problem.code === "EVTX_UNREADABLE",
  );
  const chunkCount = Math.ceil((original.length - 4096) / chunkSize);
  for (let chunk = 0; chunk < chunkCount; chunk++) {
    const start = chunkStart(chunk);
    const expected = recordsOfChunk(before.records, chunk);
    const got = recordsOfChunk(after.records, chunk);
    if (
      !fatal &&
      sameBytes(input, original, 0, 4096) &&
      sameBytes(input, original, start, start + chunkSize)
    ) {
      assert.deepEqual(got, expected, `chunk ${chunk} is untouched`);
    }
    if (got.length < expected.length && sameBytes(input, original, start, start + 512)) {
      assert.ok(
        fatal ||
          after.problems.some(
            (problem) =>
              problem.chunk === chunk ||
              (problem.code === "EVTX_TRUNCATED" && problem.chunk === null),
          ),
        `chunk ${chunk}: ${expected.length - got.length} records lost without a problem`,
      );
    }
  }
}

test("mutated corpus slices and crafted files are read or refused as data, within the work budget", async () => {
  await fc.assert(
    fc.asyncProperty(
      baseArbitrary,
      fc.array(evtxMutationArbitrary, { maxLength: 3 }),
      fc.constantFrom("self", "expansion", "deep"),
      fc.nat({ max: 3 }).map((n) => n > 0),
      fc.boolean(),
      async (base, mutations: EvtxMutation[], donorName, reseal, includeXml) => {
        const original = buildBase(base);
        const before = await read(original, includeXml);
        const donor = donorName === "self" ? original : donors[donorName];
        let input = original;
        for (const mutation of mutations) input = applyEvtxMutation(input, mutation, donor);
        if (reseal && mutations.length > 0) {
          input = Buffer.from(input);
          resealEvtx(input);
        }
        const after = await read(input, includeXml);
        if (mutations.length === 0) assert.deepEqual(after.problems, before.problems);
        checkProblems(input, after);
        assertWithinEvtxBudget(after, input.length);
        checkRecordsAccountedFor(input, original, before, after);
        if (base.kind !== "corpus" && mutations.length === 0) {
          // A crafted file keeps its two valid neighbours whatever its middle record does.
          const users = after.records.map((record) => record.data.TargetUserName);
          assert.deepEqual([users[0], users.at(-1)], ["alice", "bob"]);
        }
      },
    ),
    { numRuns: runs },
  );
});
