import assert from "node:assert/strict";
import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import type { AuditResult } from "@calwise/app";
import { readEvtx } from "@calwise/evidence";
import { openFileByteSource } from "@calwise/node-files";
import { scratchDirectory } from "../scratch-directory.ts";
import { root, runCli } from "./run-cli.ts";

const corpus = join(root, "../shared/corpus/evtx");
const example = (name: string) => join(root, "examples/audit", name);
const dir = scratchDirectory("calwise-audit-");

const corpusAudit = (...extra: string[]) =>
  runCli([
    "audit",
    "--events",
    join(corpus, "*.evtx"),
    "--inventory",
    example("ad-users.csv"),
    "--inventory",
    example("ad-computers.csv"),
    "--owned",
    example("licences.yaml"),
    "--since",
    "2019-01-01",
    ...extra,
  ]);

test("calwise audit", async (t) => {
  await t.test(
    "on the shared corpus: every counted user traces back to a 4624 event in the logs",
    async () => {
      const r = corpusAudit("--json");
      assert.equal(r.code, 1, r.stderr);
      assert.equal(r.stderr, "", "quiet in --json mode");
      const result = JSON.parse(r.stdout) as AuditResult;
      const counted = new Set(
        result.evaluation.families.flatMap((f) =>
          f.holders.filter((h) => h.type === "user").map((h) => h.id),
        ),
      );
      assert.deepEqual([...counted].sort(), [
        "EXAMPLE.CORP\\user01",
        "THREEBEESCO.COM\\lgrove",
        "THREEBEESCO.COM\\samir",
      ]);
      for (const id of counted) {
        const trail = result.holders.find((h) => h.type === "user" && h.id === id);
        assert.ok(trail, `${id} has an evidence trail`);
        assert.ok(trail.events > 0 && trail.files.length > 0);
        // Open the sample event where the trail says it is and check it is this user's logon.
        const account = id.split("\\")[1] as string;
        let found = false;
        for await (const record of readEvtx(openFileByteSource(trail.sample.file)))
          if (record.recordId === trail.sample.record) {
            found = true;
            assert.equal(record.eventId, 4624);
            assert.equal(record.data.TargetUserName?.toLowerCase(), account);
            assert.ok(
              trail.servers.some((s) => record.computer.toUpperCase().startsWith(s)),
              record.computer,
            );
            assert.ok(Date.parse(record.timeCreated) >= Date.parse(trail.firstSeen));
          }
        assert.ok(
          found,
          `${id}: the sample record ${trail.sample.record} is in ${trail.sample.file}`,
        );
      }
      const sum = result.evaluation.families.find((f) => f.family === "ws-cal")?.required;
      assert.deepEqual(
        sum?.map((x) => [x.version, x.type, x.count, x.shortfall]),
        [
          ["2012", "user", 1, 0],
          ["2016", "user", 2, 2],
        ],
      );
      assert.deepEqual(
        result.adminOnlyAccounts.map((a) => a.id),
        ["EXAMPLE.CORP\\administrator", "THREEBEESCO.COM\\administrator"],
      );
      assert.deepEqual(
        result.disabledAccounts.map((a) => a.id),
        ["THREEBEESCO.COM\\lgrove"],
      );
      // The corpus's ANONYMOUS LOGONs come from the server itself and an internal address: not the
      // engine's anonymous Internet access, but logons not counted under the anonymous-logon rule.
      assert.ok(!result.evaluation.exemptions.some((e) => e.rule === "anonymous-internet"));
      const anonymous = result.notCounted.find((x) => x.rule === "anonymous-logon");
      assert.equal(anonymous?.account, "NT AUTHORITY\\ANONYMOUS LOGON");
      assert.match(anonymous?.description ?? "", /unauthenticated session/);
      assert.ok(
        result.computersNotCounted.some(
          (c) => c.computer === "PC01.example.corp" && /not a server/.test(c.reason),
        ),
      );
      assert.equal(result.counts.logonEvents, 42);
    },
  );

  await t.test("prints a readable report with what to buy and the evidence trail", () => {
    const r = corpusAudit();
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /Result: NOT COMPLIANT/);
    assert.match(r.stdout, /Windows Server CAL 2016 user: 2 units/);
    assert.match(r.stdout, /Evidence trail/);
    assert.match(r.stdout, /Counted users \(5;/);
    assert.match(r.stdout, /Counted devices \(4;/);
    assert.match(r.stdout, /NT AUTHORITY\\SYSTEM: 2 logons on .*; rule local-system/);
    assert.match(r.stdout, /Logon rules named above\n {2}person-logon: /);
    assert.match(r.stdout, /user THREEBEESCO\.COM\\samir: 2 events on 01566S-WIN16-IR/);
    assert.match(r.stdout, /Disabled in AD but logged on: THREEBEESCO\.COM\\lgrove/);
  });

  await t.test("does not count an event twice when files overlap", () => {
    const once = JSON.parse(corpusAudit("--json").stdout) as AuditResult;
    // The same log exported again under another name: an overlapping file.
    const copy = join(dir, "dc-security-export.evtx");
    copyFileSync(join(corpus, "remote-sam-registry-access-via-backup-operator-priv.evtx"), copy);
    const twice = JSON.parse(corpusAudit("--json", "--events", copy).stdout) as AuditResult;
    assert.equal(twice.counts.duplicates, 7);
    assert.equal(twice.counts.counted, once.counts.counted);
    assert.deepEqual(twice.holders, once.holders);
  });

  await t.test("the default window is the 90 days before the newest event", () => {
    const r = runCli([
      "audit",
      "--events",
      join(corpus, "*.evtx"),
      "--inventory",
      example("ad-users.csv"),
      "--inventory",
      example("ad-computers.csv"),
      "--owned",
      example("licences.yaml"),
      "--json",
    ]);
    const result = JSON.parse(r.stdout) as AuditResult;
    assert.equal(result.window.rule, "ninety-days-before-newest");
    assert.equal(result.window.newest, "2022-02-16T10:37:20.5211620Z");
    // lgrove's logons of 2021-12-12 are 66 days before the newest event; user01's of 2019 are not.
    assert.deepEqual(
      result.holders.map((h) => h.id),
      ["THREEBEESCO.COM\\lgrove", "THREEBEESCO.COM\\samir"],
    );
  });

  await t.test("exits 2 when a pattern matches nothing or a file is not evidence", () => {
    const r1 = runCli(["audit", "--events", join(dir, "none", "*.evtx")]);
    assert.equal(r1.code, 2);
    assert.match(r1.stderr, /no file matches this pattern/);
    const junk = join(dir, "junk.bin");
    writeFileSync(junk, "hello");
    const r2 = runCli(["audit", "--events", junk]);
    assert.equal(r2.code, 2);
    assert.match(r2.stderr, /junk\.bin: not a known evidence format/);
    const r3 = runCli(["audit", "--events", junk, "--since", "last week"]);
    assert.equal(r3.code, 2);
    assert.match(r3.stderr, /--since: not a date \(expected YYYY-MM-DD, found last week\)/);
    const r4 = runCli(["audit", "--events", join(corpus, "kerberos-pwd-spray-4771.evtx")]);
    assert.equal(r4.code, 2);
    assert.match(r4.stderr, /no server to audit/);
  });
});
