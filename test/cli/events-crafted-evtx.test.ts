import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import {
  buildDeepElements,
  buildExpansionBomb,
  buildManyData,
  buildTextBomb,
} from "../../packages/evidence/src/evtx/testing/hostile-evtx.ts";
import { scratchDirectory } from "../scratch-directory.ts";
import { runCli } from "./run-cli.ts";

// `calwise events` on the crafted EVTX files of issue 9: the hostile record is one line on
// standard error with its code and offset, the valid records around it are printed, exit 0.
// (Before the work budget, the expansion bomb ran for 49 s and the deep one overflowed the stack.)

const dir = scratchDirectory("calwise-crafted-evtx-");

const crafted: [string, Buffer, string][] = [
  ["expansion-bomb.evtx", buildExpansionBomb(), "EVTX_RECORD_TOO_COMPLEX"],
  ["text-bomb.evtx", buildTextBomb(), "EVTX_RECORD_TOO_COMPLEX"],
  ["deep-elements.evtx", buildDeepElements(), "EVTX_RECORD_TOO_DEEP"],
];

test("calwise events skips each crafted record with its code and offset and prints the others", () => {
  const files = crafted.map(([name, bytes]) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return file;
  });
  const manyData = join(dir, "many-data.evtx");
  writeFileSync(manyData, buildManyData(32768));
  const r = runCli(["events", ...files, manyData]);
  assert.equal(r.code, 0, r.stderr);
  const records = r.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { data: Record<string, string> });
  assert.deepEqual(
    records.map((record) => record.data.TargetUserName),
    ["alice", "bob", "alice", "bob", "alice", "bob", "alice", "mallory", "bob"],
  );
  // The record of 32k unnamed Data elements is read whole, every element named.
  const data = records[7]?.data ?? {};
  assert.equal(Object.keys(data).length, 32769);
  assert.equal(data["Data#32768"], "7");
  const problems = r.stderr.trim().split("\n");
  assert.equal(problems.length, crafted.length, r.stderr);
  crafted.forEach(([, , code], i) => {
    assert.match(
      problems[i] ?? "",
      new RegExp(
        `^calwise: ${files[i]}@5\\d{3}: ${code}: chunk 0: record 2: .*record skipped \\(expected at most .*\\)$`,
      ),
    );
  });
});
