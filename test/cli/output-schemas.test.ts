import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { auditResultSchema, evidenceRecordSchema } from "@calwise/app";
import { root, runCli } from "./run-cli.ts";

// The schemas in docs/ are the contract the HTTP API will reuse: every line and result the CLI prints
// must match them, for every evidence format.
const fixtures = join(root, "packages/evidence/fixtures");
const example = (name: string) => join(root, "examples/audit", name);

test("every calwise events line, of every format, matches docs/evidence-record.schema.json", () => {
  const r = runCli([
    "events",
    join(root, "../shared/corpus/evtx/lm-wmi-4624-4688-targethost.evtx"),
    join(fixtures, "events/*"),
    join(fixtures, "ual/*.csv"),
    example("ad-*.csv"),
  ]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split("\n");
  const kinds = new Set<string>();
  for (const line of lines) {
    const record = evidenceRecordSchema.parse(JSON.parse(line));
    kinds.add("format" in record ? record.format : "event");
  }
  assert.deepEqual([...kinds].sort(), [
    "ad-computer-csv",
    "ad-user-csv",
    "event",
    "ual-device-csv",
    "ual-user-csv",
  ]);
});

test("calwise audit --json matches docs/audit-result.schema.json", () => {
  const r = runCli([
    "audit",
    "--events",
    join(fixtures, "events/logons.csv"),
    "--events",
    join(fixtures, "ual/*.csv"),
    "--inventory",
    example("ad-*.csv"),
    "--owned",
    example("licences.yaml"),
    "--since",
    "2019-01-01",
    "--json",
  ]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const result = auditResultSchema.parse(JSON.parse(r.stdout));
  assert.equal(result.schemaVersion, 1);
  assert.ok(result.holders.length > 0);
});
