import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { scratchDirectory } from "../test/scratch-directory.ts";
import { parseResourceUsage, runMeasuredProcess } from "./bench-measure-process.ts";

test("parseResourceUsage reads process.resourceUsage()'s JSON: microseconds and KiB", () => {
  assert.deepEqual(
    parseResourceUsage(
      JSON.stringify({ userCPUTime: 1_500_000, systemCPUTime: 500_000, maxRSS: 204_800 }),
    ),
    { cpuSeconds: 2, peakRssMb: 200 },
  );
  assert.equal(parseResourceUsage("not json"), undefined);
  assert.equal(parseResourceUsage(JSON.stringify({ userCPUTime: 1 })), undefined);
});

test("a measured process reports its own peak memory and CPU, and its output goes to the file", async () => {
  const directory = scratchDirectory("calwise-measure-");
  const script = join(directory, "allocate.mjs");
  writeFileSync(
    script,
    "const block = Buffer.alloc(96 * 1024 * 1024, 1); let sum = 0; for (let i = 0; i < block.length; i += 4096) sum += block[i]; console.log('touched', sum);",
  );
  const output = join(directory, "out.txt");
  const run = await runMeasuredProcess(script, [], { stdoutFile: output, timeoutMs: 120_000 });
  assert.equal(run.status, "ok");
  assert.ok(run.peakRssMb >= 96, `peak ${run.peakRssMb} MB`);
  assert.ok(run.cpuSeconds > 0);
  assert.equal(readFileSync(output, "utf8"), `touched ${96 * 256}\n`);
});

test("a process that fails is reported as failed with its last words, not thrown", async () => {
  const directory = scratchDirectory("calwise-measure-");
  const script = join(directory, "fail.mjs");
  writeFileSync(script, "console.error('no such file: x.evtx'); process.exit(2);");
  const run = await runMeasuredProcess(script, [], { timeoutMs: 120_000, okExitCodes: [0, 1] });
  assert.equal(run.status, "failed");
  assert.equal(run.exitCode, 2);
  assert.match(run.detail, /no such file: x\.evtx/);
});
