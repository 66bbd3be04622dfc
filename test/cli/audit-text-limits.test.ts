import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import type { AuditResult } from "@calwise/app";
import { scratchDirectory } from "../scratch-directory.ts";
import { root, runCli } from "./run-cli.ts";

const dir = scratchDirectory("calwise-audit-limits-");
const people = 1005;

/** A Winlogbeat line of a network logon of `user` from `workstation` to the one server. */
const logonLine = (user: string, workstation: string, record: number) =>
  JSON.stringify({
    "@timestamp": new Date(Date.UTC(2026, 9, 1, 8, 0, record)).toISOString(),
    winlog: {
      channel: "Security",
      computer_name: "srv-one.corp.example",
      event_data: {
        LogonType: "3",
        TargetDomainName: "CORP",
        TargetUserName: user,
        WorkstationName: workstation,
      },
      event_id: "4624",
      record_id: String(record),
    },
  });

// Every person logs on from a workstation of their own and from one shared kiosk: 1,005 users and
// 1,006 devices, the kiosk used by all of them.
const lines: string[] = [];
for (let i = 0; i < people; i++) {
  const user = `u${String(i).padStart(4, "0")}`;
  lines.push(logonLine(user, `WS-${String(i).padStart(4, "0")}`, 2 * i + 1));
  lines.push(logonLine(user, "KIOSK", 2 * i + 2));
}
const events = join(dir, "logons.ndjson");
writeFileSync(events, `${lines.join("\n")}\n`);
const owned = join(dir, "owned.yaml");
writeFileSync(
  owned,
  "name: limits\nservers:\n  - { name: srv-one.corp.example, product: ws2019-standard, processors: 2 }\n",
);

test("the text report lists at most 1,000 entries a list and 20 names a line; --json lists all", () => {
  const text = runCli(["audit", "--events", events, "--owned", owned]);
  assert.equal(text.code, 1, text.stderr);
  const report = text.stdout;
  assert.match(report, /^Counted users \(1005; /m);
  assert.match(report, /^Counted devices \(1006; /m);
  // The first 1,000 of each list, then one line for the rest.
  assert.match(report, /^ {2}CORP\\u0999: /m);
  assert.doesNotMatch(report, /^ {2}CORP\\u1000: /m);
  assert.match(report, /^ {2}… 5 more \(see --json\)$/m);
  assert.match(report, /^ {2}… 6 more \(see --json\)$/m);
  // The kiosk's users: 20 named, the rest counted.
  assert.match(
    report,
    /^ {6}srv-one\.corp\.example: 1005 events, .*; used by CORP\\u0000, (CORP\\u\d{4}, ){18}CORP\\u0019 and 985 more$/m,
  );

  // The JSON of 2,011 holders is over spawnSync's default 1 MB of output.
  const json = spawnSync(
    process.execPath,
    [`${root}/apps/cli/bin/calwise.js`, "audit", "--events", events, "--owned", owned, "--json"],
    { encoding: "utf8", maxBuffer: 64 << 20 },
  );
  assert.equal(json.status, 1, json.stderr);
  const result = JSON.parse(json.stdout) as AuditResult;
  assert.equal(result.countedUsers.length, people);
  assert.equal(result.countedDevices.length, people + 1);
  const kiosk = result.countedDevices.find((d) => d.id === "KIOSK");
  assert.equal(kiosk?.accesses[0]?.with.length, people);
});
