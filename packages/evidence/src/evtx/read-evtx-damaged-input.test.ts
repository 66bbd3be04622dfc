import assert from "node:assert/strict";
import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { crc32 } from "node:zlib";
import type { EvtxProblemCode } from "./evtx-problem.ts";
import type { EvtxRecord } from "./evtx-record.ts";
import { type DrainedEvtx, drainEvtx } from "./testing/drain-evtx.ts";
import { evtxCorpusDirectory } from "./testing/evtx-corpus.ts";

// Damage is made from a real multi-chunk log (10 chunks, 1247 records) so that every test can
// say exactly which records must survive: all those outside the damaged part, unchanged.

const label = "damaged.evtx";
const chunkSize = 65536;
const chunkStart = (index: number) => 4096 + index * chunkSize;
let original: Buffer;
let complete: EvtxRecord[];
let scratch: string;

before(async () => {
  original = await readFile(join(evtxCorpusDirectory, "system-ts-evtx.evtx"));
  const clean = await drainEvtx(streamOf(original), { fileLabel: label });
  assert.deepEqual(clean.problems, []);
  complete = clean.records;
  scratch = await mkdtemp(join(tmpdir(), "calwise-evtx-"));
});

after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function* streamOf(bytes: Buffer, pieceSize = 1 << 20): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += pieceSize) yield bytes.subarray(at, at + pieceSize);
}

function read(bytes: Buffer): Promise<DrainedEvtx> {
  return drainEvtx(streamOf(bytes), { fileLabel: label });
}

function codes(result: DrainedEvtx): EvtxProblemCode[] {
  return result.problems.map((problem) => problem.code);
}

function recordsOutsideChunks(...chunks: number[]): EvtxRecord[] {
  return complete.filter((record) => !chunks.includes(record.location.chunk));
}

/** Rewrites a chunk's records checksum and header checksum after its bytes were edited. */
function resealChunk(bytes: Buffer, index: number): void {
  const chunk = bytes.subarray(chunkStart(index), chunkStart(index + 1));
  chunk.writeUInt32LE(crc32(chunk.subarray(512, chunk.readUInt32LE(48))), 52);
  chunk.writeUInt32LE(crc32(chunk.subarray(128, 512), crc32(chunk.subarray(0, 120))), 124);
}

/** The chunk-relative offsets of the records of one chunk. */
function recordOffsets(bytes: Buffer, index: number): number[] {
  const chunk = bytes.subarray(chunkStart(index), chunkStart(index + 1));
  const offsets: number[] = [];
  for (let at = 512; at < chunk.readUInt32LE(48); at += chunk.readUInt32LE(at + 4))
    offsets.push(at);
  return offsets;
}

test("a file cut inside a chunk keeps every earlier record and reports the truncation", async () => {
  const cut = chunkStart(3) + 30000;
  const result = await read(original.subarray(0, cut));
  assert.deepEqual(codes(result), ["EVTX_TRUNCATED"]);
  assert.equal(result.problems[0]?.chunk, 3);
  assert.equal(result.problems[0]?.offset, chunkStart(3));
  const before = recordsOutsideChunks(3, 4, 5, 6, 7, 8, 9);
  assert.ok(
    result.records.length > before.length,
    "records wholly inside the cut chunk are kept too",
  );
  assert.deepEqual(result.records, complete.slice(0, result.records.length));
  const last = result.records.at(-1);
  assert.ok(last !== undefined && last.location.offset + 100 < cut);
});

test("cuts at other offsets give the right problem and only whole records", async (t) => {
  const cases: [number, EvtxProblemCode[], number][] = [
    [0, ["EVTX_NOT_EVTX"], 0],
    [100, ["EVTX_TRUNCATED"], 0],
    [4095, ["EVTX_TRUNCATED"], 0],
    [4096, ["EVTX_TRUNCATED"], 0],
    [chunkStart(0) + 300, ["EVTX_TRUNCATED"], 0],
    [chunkStart(6), ["EVTX_TRUNCATED"], recordsOutsideChunks(6, 7, 8, 9).length],
    // The last written chunk loses only its unused tail: every record is still there.
    [chunkStart(10) - 1, ["EVTX_TRUNCATED"], complete.length],
    // Preallocated, never-written chunks carry nothing, so cutting one short loses nothing.
    [original.length - 1, [], complete.length],
  ];
  for (const [cut, expected, recordCount] of cases) {
    await t.test(`cut at ${cut}`, async () => {
      const result = await read(original.subarray(0, cut));
      assert.deepEqual(codes(result), expected);
      assert.equal(result.records.length, recordCount);
      assert.deepEqual(result.records, complete.slice(0, recordCount));
    });
  }
});

test("a flipped byte in a chunk header skips that chunk only", async () => {
  const damaged = Buffer.from(original);
  damaged[chunkStart(2) + 20] = (damaged[chunkStart(2) + 20] as number) ^ 0xff;
  const result = await read(damaged);
  assert.deepEqual(codes(result), ["EVTX_BAD_CHUNK"]);
  assert.equal(result.problems[0]?.chunk, 2);
  assert.match(result.problems[0]?.message ?? "", /header checksum/);
  assert.deepEqual(result.records, recordsOutsideChunks(2));
});

test("a broken chunk signature is reported with what was found", async () => {
  const damaged = Buffer.from(original);
  damaged.write("XlfChnk\0", chunkStart(5), "latin1");
  const result = await read(damaged);
  assert.deepEqual(codes(result), ["EVTX_BAD_CHUNK"]);
  assert.equal(
    result.problems[0]?.message,
    'chunk 5 skipped: expected chunk signature ElfChnk\\0, found "XlfChnk\\x00"',
  );
  assert.deepEqual(result.records, recordsOutsideChunks(5));
});

test("a flipped byte among a chunk's records fails its records checksum", async () => {
  const damaged = Buffer.from(original);
  damaged[chunkStart(4) + 9000] = (damaged[chunkStart(4) + 9000] as number) ^ 0x01;
  const result = await read(damaged);
  assert.deepEqual(codes(result), ["EVTX_BAD_CHUNK"]);
  assert.match(result.problems[0]?.message ?? "", /records checksum/);
  assert.deepEqual(result.records, recordsOutsideChunks(4));
});

test("a record with broken BinXML in a sound chunk is skipped alone", async () => {
  const damaged = Buffer.from(original);
  const offset = recordOffsets(damaged, 1)[7] as number;
  damaged[chunkStart(1) + offset + 24] = 0xff; // the fragment header token
  resealChunk(damaged, 1);
  const result = await read(damaged);
  assert.deepEqual(codes(result), ["EVTX_BAD_RECORD"]);
  assert.equal(result.problems[0]?.chunk, 1);
  assert.equal(result.problems[0]?.offset, chunkStart(1) + offset);
  const lost = complete.find((record) => record.location.offset === chunkStart(1) + offset);
  assert.deepEqual(
    result.records,
    complete.filter((record) => record !== lost),
  );
});

test("a record with a broken size is skipped and reading resumes at the next record", async () => {
  const damaged = Buffer.from(original);
  const offset = recordOffsets(damaged, 7)[3] as number;
  damaged.writeUInt32LE(7, chunkStart(7) + offset + 4);
  resealChunk(damaged, 7);
  const result = await read(damaged);
  assert.deepEqual(codes(result), ["EVTX_BAD_RECORD"]);
  assert.match(result.problems[0]?.message ?? "", /record size 7/);
  assert.equal(result.records.length, complete.length - 1);
});

test("a damaged file header is reported and the chunks are still read", async () => {
  const damaged = Buffer.from(original);
  damaged[60] = 0x55;
  const result = await read(damaged);
  assert.deepEqual(codes(result), ["EVTX_BAD_FILE_HEADER"]);
  assert.deepEqual(result.records, complete);
});

test("a file that is not EVTX gives one clear problem", async () => {
  const garbage = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 7919 + 13) % 256));
  const result = await read(garbage);
  assert.deepEqual(codes(result), ["EVTX_NOT_EVTX"]);
  assert.match(
    result.problems[0]?.message ?? "",
    /^expected signature ElfFile\\0 at offset 0, found "/,
  );
  assert.deepEqual(result.records, []);
  assert.equal(result.summary.records, 0);
});

test("an empty file is not EVTX, and says it ended", async () => {
  const path = join(scratch, "empty.evtx");
  await writeFile(path, Buffer.alloc(0));
  const result = await drainEvtx(path);
  assert.deepEqual(codes(result), ["EVTX_NOT_EVTX"]);
  assert.equal(
    result.problems[0]?.message,
    "expected signature ElfFile\\0 at offset 0, found end of input",
  );
  assert.equal(result.problems[0]?.file, path);
});

test("a missing file is unreadable, not an exception", async () => {
  const result = await drainEvtx(join(scratch, "missing.evtx"));
  assert.deepEqual(codes(result), ["EVTX_UNREADABLE"]);
  assert.match(result.problems[0]?.message ?? "", /ENOENT/);
});

test("a failing stream ends the pass with EVTX_UNREADABLE after the records read so far", async () => {
  async function* failing(): AsyncGenerator<Buffer> {
    yield original.subarray(0, chunkStart(2));
    throw new Error("connection reset");
  }
  const result = await drainEvtx(failing(), { fileLabel: label });
  assert.deepEqual(codes(result), ["EVTX_UNREADABLE"]);
  assert.deepEqual(result.records, recordsOutsideChunks(2, 3, 4, 5, 6, 7, 8, 9));
});

test("a file path and a read stream in small pieces give the same records", async () => {
  const path = join(evtxCorpusDirectory, "system-ts-evtx.evtx");
  const fromPath = await drainEvtx(path);
  const fromStream = await drainEvtx(createReadStream(path, { highWaterMark: 1000 }), {
    fileLabel: path,
  });
  assert.deepEqual(fromStream.records, fromPath.records);
  assert.equal(fromPath.summary.records, complete.length);
  assert.equal(fromPath.summary.chunks, 10);
});

test("the summary keeps a bounded number of problems but counts them all", async () => {
  const noise = Buffer.alloc(chunkSize, 0x41);
  async function* manyBadChunks(): AsyncGenerator<Buffer> {
    yield original.subarray(0, 4096);
    for (let i = 0; i < 300; i++) yield noise;
  }
  const result = await drainEvtx(manyBadChunks(), { fileLabel: label, keepProblems: 10 });
  assert.equal(result.problems.length, 300, "onProblem still receives every problem");
  assert.equal(result.summary.problems.length, 10);
  assert.equal(result.summary.problemsNotKept, 290);
  assert.deepEqual(result.summary.problemCounts, { EVTX_BAD_CHUNK: 300 });
});

test("a long stream is read chunk by chunk", async () => {
  const chunk = original.subarray(chunkStart(0), chunkStart(1));
  const perChunk = recordsOutsideChunks(1, 2, 3, 4, 5, 6, 7, 8, 9).length;
  async function* longLog(): AsyncGenerator<Buffer> {
    yield original.subarray(0, 4096);
    for (let i = 0; i < 400; i++) yield chunk; // 26 MB from one 64 KiB buffer
  }
  const result = await drainEvtx(longLog(), { fileLabel: label });
  assert.deepEqual(codes(result), []);
  assert.equal(result.records.length, 400 * perChunk);
  assert.equal(
    result.records.at(-1)?.location.offset,
    chunkStart(399) + (complete[perChunk - 1]?.location.offset ?? 0) - chunkStart(0),
  );
});

test("random damage inside sealed chunks never throws and is always reported as data", async () => {
  // A fixed-seed linear congruential generator keeps the run reproducible.
  let seed = 20240611;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let round = 0; round < 50; round++) {
    const index = Math.floor(random() * 10);
    const damaged = Buffer.from(original.subarray(0, chunkStart(10)));
    const chunk = damaged.subarray(chunkStart(index), chunkStart(index + 1));
    const recordsEnd = chunk.readUInt32LE(48);
    for (let flips = 1 + Math.floor(random() * 12); flips > 0; flips--) {
      const at = 512 + Math.floor(random() * (recordsEnd - 512));
      chunk[at] = Math.floor(random() * 256);
    }
    resealChunk(damaged, index);
    const result = await read(damaged);
    for (const problem of result.problems) {
      assert.equal(problem.code, "EVTX_BAD_RECORD", problem.message);
      assert.equal(problem.chunk, index);
      assert.equal(problem.file, label);
    }
    assert.deepEqual(
      result.records.filter((record) => record.location.chunk !== index),
      recordsOutsideChunks(index),
      "other chunks are untouched",
    );
  }
});
