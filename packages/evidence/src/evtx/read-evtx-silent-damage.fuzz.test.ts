import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { fuzzRuns } from "../../../../test/fuzz/fuzz-runs.ts";
import type { EvtxRecord } from "./evtx-record.ts";
import { assertWithinEvtxBudget } from "./testing/assert-within-evtx-budget.ts";
import { type DrainedEvtx, drainEvtx } from "./testing/drain-evtx.ts";
import { listEvtxCorpus } from "./testing/evtx-corpus.ts";
import {
  applyEvtxMutation,
  type EvtxMutation,
  evtxMutationArbitrary,
} from "./testing/evtx-mutation.ts";

// Seeded fuzzing of whole corpus files damaged in place (bit flips, field and token overwrites,
// overwriting splices, chunk header fields) with their checksums left as they were: the file
// header's and every chunk's checksums cover what a record is read from, so a damaged record
// must be refused (its chunk reports a problem), never read with different content. A record
// that differs from the original's at the same place is silent corruption: an audit would count
// a user or device that is not in the log. (read-evtx.fuzz.test.ts reseals the checksums to
// reach the BinXML; this one checks that the checksums themselves are enforced.)

const corpus = listEvtxCorpus().map((path) => ({
  name: basename(path),
  bytes: readFileSync(path),
}));
const chunkSize = 65536;

async function* streamOf(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += 50_000) yield bytes.subarray(at, at + 50_000);
}

const read = (bytes: Buffer, includeXml: boolean): Promise<DrainedEvtx> =>
  drainEvtx(streamOf(bytes), { fileLabel: "damaged.evtx", includeXml });

const keyOf = (record: EvtxRecord) => `${record.location.chunk}@${record.location.offset}`;

/** The original records of each corpus file by place, read once per file and XML setting. */
const originals = new Map<string, Map<string, EvtxRecord>>();
async function originalRecords(file: number, includeXml: boolean) {
  const key = `${file}:${includeXml}`;
  let records = originals.get(key);
  if (records === undefined) {
    const result = await read(corpus[file]?.bytes as Buffer, includeXml);
    records = new Map(result.records.map((record) => [keyOf(record), record]));
    originals.set(key, records);
  }
  return records;
}

/** A chunk header field (chunk-relative offset): record numbers, offsets, checksums, flags. */
const chunkHeaderFields = [8, 16, 24, 32, 40, 44, 48, 52, 120, 124, 128, 200, 384, 511];

type Damage =
  | { readonly kind: "mutation"; readonly mutation: EvtxMutation }
  | {
      readonly kind: "chunk-header";
      readonly chunk: number;
      readonly field: number;
      readonly value: number;
    };

const inPlace = evtxMutationArbitrary.filter(
  (mutation) =>
    mutation.kind === "flip" ||
    mutation.kind === "field" ||
    mutation.kind === "token" ||
    (mutation.kind === "splice" && !mutation.insert),
);

const damageArbitrary: fc.Arbitrary<Damage> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("mutation" as const), mutation: inPlace }),
  },
  fc.record({
    kind: fc.constant("chunk-header" as const),
    chunk: fc.nat(),
    field: fc.constantFrom(...chunkHeaderFields),
    value: fc.oneof(fc.constantFrom(0, 1, 0x200, 0xffff, 0x10000, 0xffffffff), fc.nat()),
  }),
);

function applyDamage(input: Buffer, damage: Damage): Buffer {
  if (damage.kind === "mutation") return applyEvtxMutation(input, damage.mutation, input);
  const chunks = Math.floor((input.length - 4096) / chunkSize);
  const at = 4096 + (damage.chunk % chunks) * chunkSize + damage.field;
  const bytes = Buffer.from(input);
  bytes.writeUInt32LE(damage.value >>> 0, at);
  return bytes;
}

test("in-place damage with the checksums left alone: every record read is the original's, never altered", async () => {
  assert.ok(corpus.length > 0, "the EVTX corpus (../shared/corpus/evtx) is present");
  let damagedRuns = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.nat(),
      fc.array(damageArbitrary, { minLength: 1, maxLength: 3 }),
      fc.boolean(),
      async (fileIndex, damages, includeXml) => {
        const file = fileIndex % corpus.length;
        const original = corpus[file]?.bytes as Buffer;
        let input = original;
        for (const damage of damages) input = applyDamage(input, damage);
        if (input.equals(original)) return;
        damagedRuns++;
        const expected = await originalRecords(file, includeXml);
        const result = await read(input, includeXml);
        assertWithinEvtxBudget(result, input.length);
        for (const record of result.records) {
          const before = expected.get(keyOf(record));
          assert.ok(
            before,
            `record ${record.recordId} at ${keyOf(record)} is not in the original file`,
          );
          assert.deepEqual(
            record,
            before,
            `record ${record.recordId} at ${keyOf(record)} of ${corpus[file]?.name} was altered without a problem`,
          );
        }
      },
    ),
    { numRuns: fuzzRuns(40) },
  );
  assert.ok(damagedRuns > 0, "some runs damaged a file");
});
