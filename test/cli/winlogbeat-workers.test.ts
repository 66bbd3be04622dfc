import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { bytesSource, groupLogonEvents } from "@calwise/evidence";
import { root } from "./run-cli.ts";

const bundledWorker = join(root, "apps/cli/dist/winlogbeat-range-worker.mjs");
const text = readFileSync(
  join(root, "packages/evidence/fixtures/events/logons.winlogbeat.ndjson"),
  "utf8",
).repeat(200);

async function grouping(winlogbeatScript?: string) {
  const read = await groupLogonEvents(bytesSource("w.ndjson", text), "winlogbeat-jsonl", {
    eventIds: new Set([4624, 4625]),
    ...(winlogbeatScript ? { readWorkers: { winlogbeatScript, rangeBytes: 1 << 16 } } : {}),
  });
  return { ...read, groups: [...read.groups()] };
}

test("the CLI build's Winlogbeat range worker runs on this Node and groups as the calling thread does", async () => {
  assert.ok(existsSync(bundledWorker), "npm run build writes the worker beside the CLI bundle");
  const inline = await grouping();
  assert.ok(inline.logons > 200, `${inline.logons} logons`);
  assert.deepEqual(await grouping(bundledWorker), inline);
});
