import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import type { AuditResult } from "@calwise/app";
import { groupLogonEvents } from "@calwise/evidence";
import { openFileByteSource } from "@calwise/node-files";
import { buildCorpusEvtx } from "../../packages/evidence/src/evtx/testing/build-corpus-evtx.ts";
import { root, runCli } from "./run-cli.ts";

const dir = mkdtempSync(join(tmpdir(), "calwise-evtx-workers-"));
after(() => rmSync(dir, { recursive: true, force: true }));

// 140 chunks of the corpus (9.2 MB): past the 8 MiB from which the audit reads EVTX on workers.
const large = join(dir, "large.evtx");
writeFileSync(large, buildCorpusEvtx(140));
const bundledWorker = join(root, "apps/cli/dist/evtx-chunk-worker.mjs");

async function grouping(script?: string) {
  const read = await groupLogonEvents(openFileByteSource(large), "evtx", {
    eventIds: new Set([4624, 4625, 4634, 4672, 4688]),
    ...(script ? { readWorkers: { script } } : {}),
  });
  return { ...read, groups: [...read.groups()] };
}

test("the CLI build's EVTX chunk worker runs on this Node and groups as the calling thread does", async () => {
  assert.ok(existsSync(bundledWorker), "npm run build writes the worker beside the CLI bundle");
  const inline = await grouping();
  assert.ok(inline.logons > 200, `${inline.logons} logons`);
  assert.deepEqual(await grouping(bundledWorker), inline);
});

test("calwise audit of a large EVTX (read on workers) gives the audit of the corpus files it holds", () => {
  const audit = (events: string) => {
    const r = runCli([
      "audit",
      "--events",
      events,
      "--owned",
      join(root, "examples/audit/licences.yaml"),
      "--since",
      "2019-01-01",
      "--json",
    ]);
    assert.equal(r.stderr, "");
    return JSON.parse(r.stdout) as AuditResult;
  };
  // The large file repeats the corpus's chunks: the repeats are duplicates, so the CAL answer is
  // the corpus's own.
  assert.deepEqual(
    audit(large).evaluation,
    audit(join(root, "../shared/corpus/evtx/*.evtx")).evaluation,
  );
});
