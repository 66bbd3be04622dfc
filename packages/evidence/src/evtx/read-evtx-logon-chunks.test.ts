import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import fc from "fast-check";
import type { EvidenceProblem } from "../event/evidence-problem.ts";
import { groupLogonEvents } from "../logon/group-logon-events.ts";
import { type ByteSource, bytesSource } from "../source/byte-source.ts";
import { bundleWorker } from "../testing/bundle-worker.ts";
import { groupLogonsByReference } from "../testing/group-logons-by-reference.ts";
import type { ReadWorkerOptions } from "./read-evtx-logon-chunks.ts";
import { listEvtxCorpus } from "./testing/evtx-corpus.ts";
import { applyEvtxMutation, evtxMutationArbitrary } from "./testing/evtx-mutation.ts";
import { buildExpansionBomb, buildManyData } from "./testing/hostile-evtx.ts";

const directory = mkdtempSync(join(tmpdir(), "calwise-evtx-workers-"));
after(() => rmSync(directory, { recursive: true, force: true }));

const script = bundleWorker(new URL("./evtx-chunk-worker.ts", import.meta.url), directory);
const workers: ReadWorkerOptions = { script, count: 2, minBytes: 0 };
/** Read as logons: the corpus's commonest ids besides 4624, so the comparison covers many events. */
const eventIds = new Set([4624, 4625, 4634, 4648, 4672, 4688, 4769, 4776, 5145, 5156, 1, 3, 4104]);

/** Everything a grouped read gives: groups with their evidence, counts, summary, problems in order. */
async function grouped(source: ByteSource, readWorkers?: ReadWorkerOptions) {
  const problems: EvidenceProblem[] = [];
  const grouping = await groupLogonEvents(source, "evtx", {
    onProblem: (p) => problems.push(p),
    eventIds,
    splitAtMs: Date.parse("2019-06-01T00:00:00Z"),
    ...(readWorkers ? { readWorkers } : {}),
  });
  return { ...grouping, groups: [...grouping.groups()], problems };
}

/** The reference: the streaming reader's logon events, recorded one at a time. */
function streamed(source: ByteSource) {
  return groupLogonsByReference(source, "evtx", eventIds, Date.parse("2019-06-01T00:00:00Z"));
}

const corpus = listEvtxCorpus().map((file) => ({ file, bytes: readFileSync(file) }));

test("EVTX read by chunks, on workers or not, groups the corpus exactly as the streaming reader", async () => {
  let logons = 0;
  for (const { file, bytes } of corpus) {
    const source = bytesSource(file, bytes, 10_000);
    const expected = await streamed(source);
    assert.deepEqual(await grouped(source, workers), expected, file);
    assert.deepEqual(await grouped(source), expected, file);
    logons += expected.logons;
  }
  assert.ok(logons > 500, `${logons} logons`);
});

test("damaged and hostile EVTX read on workers gives the streaming reader's groups and located problems", async () => {
  const hostile = [buildExpansionBomb(), buildManyData(4096)];
  for (const [index, bytes] of hostile.entries()) {
    const source = bytesSource(`hostile-${index}.evtx`, bytes);
    assert.deepEqual(await grouped(source, workers), await streamed(source));
  }
  const donor = corpus[0]?.bytes as Buffer;
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: corpus.length - 1 }),
      evtxMutationArbitrary,
      async (which, mutation) => {
        const bytes = applyEvtxMutation(
          (corpus[which] as { bytes: Buffer }).bytes,
          mutation,
          donor,
        );
        const source = bytesSource("mutated.evtx", bytes, 30_000);
        assert.deepEqual(await grouped(source, workers), await streamed(source));
      },
    ),
    { numRuns: 15 },
  );
});

test("a worker that throws or runs out of its heap is replaced by this thread's reading: same result", async () => {
  const throwing = join(directory, "throwing-worker.mjs");
  writeFileSync(
    throwing,
    `import { parentPort } from "node:worker_threads";
parentPort.on("message", () => { throw new Error("worker failure"); });`,
  );
  const hungry = join(directory, "hungry-worker.mjs");
  writeFileSync(
    hungry,
    `import { parentPort } from "node:worker_threads";
const kept = [];
parentPort.on("message", () => { for (;;) kept.push(new Array(1e5).fill(kept.length)); });`,
  );
  const { file, bytes } = corpus.reduce((a, b) => (b.bytes.length > a.bytes.length ? b : a));
  const source = bytesSource(file, bytes);
  const expected = await streamed(source);
  assert.deepEqual(await grouped(source, { ...workers, script: throwing }), expected);
  assert.deepEqual(await grouped(source, { ...workers, script: hungry, heapMb: 16 }), expected);
});
