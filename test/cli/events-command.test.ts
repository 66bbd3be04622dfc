import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { scratchDirectory } from "../scratch-directory.ts";
import { root, runCli } from "./run-cli.ts";

const corpus = join(root, "../shared/corpus/evtx");
const fixtures = join(root, "packages/evidence/fixtures");
const dir = scratchDirectory("calwise-events-");

const jsonLines = (text: string) =>
  text
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

test("calwise events", async (t) => {
  await t.test(
    "prints every record of an EVTX file as one JSON object per line, like evtx_dump",
    () => {
      const r = runCli(["events", join(corpus, "lm-wmi-4624-4688-targethost.evtx")]);
      assert.equal(r.code, 0, r.stderr);
      const lines = jsonLines(r.stdout);
      assert.equal(lines.length, 8);
      const logon = lines.find((l) => l.record === 563300) as {
        eventId: number;
        computer: string;
        channel: string;
        data: Record<string, string>;
      };
      assert.equal(logon.eventId, 4624);
      assert.equal(logon.channel, "Security");
      assert.equal(logon.computer, "WIN-77LTAPHIQ1R.example.corp");
      assert.equal(logon.data.TargetUserName, "user01");
      assert.equal(logon.data.IpAddress, "10.0.2.17");
    },
  );

  await t.test(
    "prints the same records from the XML, CSV and Winlogbeat exports, whatever the extension",
    () => {
      const counts = ["logons.wevtutil.xml", "logons.csv", "logons.winlogbeat.ndjson"].map((f) => {
        const r = runCli(["events", join(fixtures, "events", f)]);
        assert.equal(r.code, 0, r.stderr);
        const lines = jsonLines(r.stdout);
        const samir = lines.find((l) => l.record === 2988529) as { data: Record<string, string> };
        assert.equal(samir.data.TargetUserName, "samir", f);
        assert.equal(samir.data.WorkstationName, "02694W-WIN10", f);
        return lines.length;
      });
      assert.deepEqual(counts, [45, 45, 45]);
    },
  );

  await t.test("prints UAL records too, and expands a glob itself", () => {
    const r = runCli(["events", join(fixtures, "ual", "*.csv")]);
    assert.equal(r.code, 0, r.stderr);
    const lines = jsonLines(r.stdout);
    assert.deepEqual(
      lines.map((l) => l.format),
      ["ual-device-csv", "ual-device-csv", "ual-user-csv", "ual-user-csv", "ual-user-csv"],
    );
  });

  await t.test(
    "reports bad records on standard error with file and line, and keeps going (exit 0)",
    () => {
      const path = join(dir, "bad.ndjson");
      writeFileSync(
        path,
        `{"@timestamp":"2026-11-20T08:00:00Z","winlog":{"event_id":4624,"computer_name":"S"}}\n{oops\n`,
      );
      const r = runCli(["events", path]);
      assert.equal(r.code, 0);
      assert.equal(jsonLines(r.stdout).length, 1);
      assert.match(r.stderr, new RegExp(`${path}:2: JSON_BAD_LINE: not JSON`));
    },
  );

  await t.test(
    "exits 2 for a missing file, an unknown format or a pattern matching nothing",
    () => {
      const other = join(dir, "notes.txt");
      writeFileSync(other, "hello\n");
      const r = runCli(["events", join(dir, "missing.evtx"), other, join(dir, "*.evtx")]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /missing\.evtx: cannot read the file: no such file/);
      assert.match(r.stderr, /notes\.txt: not a known evidence format/);
      assert.match(r.stderr, /\*\.evtx: no file matches this pattern/);
    },
  );
});
