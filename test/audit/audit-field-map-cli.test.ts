import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { runCli } from "../cli/run-cli.ts";

// `calwise audit --field-map` and `--format` as a user runs them.

const dir = mkdtempSync(join(tmpdir(), "calwise-field-map-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const owned = write(
  "owned.yaml",
  "servers:\n  - { name: FS01, product: ws2016-standard }\nowned:\n  - { family: ws-cal, version: '2016', type: user, quantity: 1 }\n",
);
const export_ = write(
  "lake.csv",
  "ts,dest_host,event_code,user,user_domain,logon_kind,src_host\n2026-03-04T09:05:01Z,FS01,4624,alice,CORP,3,PC07\n2026-03-05T09:05:01Z,FS01,4624,bob,CORP,3,PC08\n",
);

test("--field-map reads any CSV export by the names it gives", () => {
  const map = write(
    "map.yaml",
    "eventId: event_code\ntime: ts\ncomputer: dest_host\nTargetUserName: user\nTargetDomainName: user_domain\nLogonType: logon_kind\nWorkstationName: src_host\n",
  );
  const r = runCli(["audit", "--events", export_, "--field-map", map, "--owned", owned, "--json"]);
  assert.equal(r.code, 1, r.stderr);
  const result = JSON.parse(r.stdout) as {
    files: { format: string }[];
    counts: { counted: number };
  };
  assert.equal(result.files[0]?.format, "mapped-csv");
  assert.equal(result.counts.counted, 2, "alice and bob: one user CAL owned, one short");
});

test("a bad field map is refused with its file and line; so is a bad --format", () => {
  const map = write(
    "bad-map.yaml",
    "eventId: event_code\ntime: ts\ncomputer: 7\nTargetUser: user\n",
  );
  const r = runCli(["audit", "--events", export_, "--field-map", map, "--owned", owned]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /bad-map\.yaml:3:\d+/, r.stderr);
  assert.match(r.stderr, /TargetUser\b/);
  const format = runCli(["audit", "--events", export_, "--format", "sentinel", "--owned", owned]);
  assert.equal(format.code, 2);
  assert.match(format.stderr, /--format.*sentinel-csv/s);
});
