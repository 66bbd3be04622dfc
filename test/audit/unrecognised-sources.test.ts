import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { auditEvidence } from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import type { CalwiseError } from "@calwise/core";
import { type ByteSource, bytesSource, type EvidenceFormat } from "@calwise/evidence";
import { buildEvtxFile } from "../../packages/evidence/src/evtx/testing/build-evtx-file.ts";
import { root, runCli } from "../cli/run-cli.ts";

// A file in which no record is recognised is bad input (exit 2) naming the fields it has, never an
// audit with 0 accesses: for every reader.

const catalog = loadCatalog();
const owned = {
  name: "owned.yaml",
  data: { servers: [{ name: "FS01", product: "ws2016-standard" }] },
};

async function refusal(
  source: ByteSource,
  options: { eventFormat?: EvidenceFormat; as?: "inventory" | "accesses" } = {},
): Promise<CalwiseError> {
  try {
    await auditEvidence(
      {
        evidence: options.as === undefined ? [source] : [],
        inventory: options.as === "inventory" ? [source] : [],
        accesses: options.as === "accesses" ? [source] : [],
        owned,
        ...(options.eventFormat ? { eventFormat: options.eventFormat } : {}),
      },
      catalog,
    );
  } catch (error) {
    return error as CalwiseError;
  }
  assert.fail(`${source.name} was audited`);
}

const header = (columns: string) => `${columns}\r\n`;

test("no record recognised: every reader's file is refused with the fields it holds", async (t) => {
  const cases: {
    name: string;
    source: ByteSource;
    options?: Parameters<typeof refusal>[1];
    fields: RegExp;
  }[] = [
    {
      name: "EVTX without records",
      source: bytesSource("empty.evtx", buildEvtxFile([])),
      fields: /no fields/,
    },
    {
      name: "event XML without an event",
      source: bytesSource("empty.xml", "<Events></Events>\n"),
      fields: /no fields/,
    },
    {
      name: "Get-WinEvent CSV with a header only",
      source: bytesSource("header.csv", header('"Message","Id","MachineName","TimeCreated"')),
      fields: /fields Message, Id, MachineName, TimeCreated/,
    },
    {
      name: "Winlogbeat lines without event ids",
      source: bytesSource("beats.ndjson", '{"winlog":{"channel":"Security"}}\n{"winlog":{}}\n'),
      fields: /no fields/,
    },
    {
      name: "Sentinel CSV whose rows have no time",
      source: bytesSource("sentinel.csv", "EventID,TimeGenerated,Computer\n4624,soon,FS01\n"),
      fields: /fields EventID, TimeGenerated, Computer/,
    },
    {
      name: "flat JSON forced on a file of other fields",
      source: bytesSource(
        "other.ndjson",
        '{"ts":"2026-01-01T00:00:00Z","host":"FS01","code":4624}\n',
      ),
      options: { eventFormat: "flat-json" },
      fields: /fields ts, host, code/,
    },
    {
      name: "UAL users with a header only",
      source: bytesSource("ual.csv", header('"UserName","RoleName","FirstSeen","LastSeen"')),
      fields: /fields UserName, RoleName/,
    },
    {
      name: "AD users with a header only",
      source: bytesSource("ad.csv", header('"SamAccountName","Enabled","DistinguishedName"')),
      options: { as: "inventory" },
      fields: /fields SamAccountName, Enabled, DistinguishedName/,
    },
    {
      name: "accesses with bad rows only",
      source: bytesSource(
        "accesses.csv",
        "user,server,logon_type,first_seen,last_seen,count\nalice,FS01,3,2026-01-01,yesterday,1\n",
      ),
      options: { as: "accesses" },
      fields: /fields user, server, logon_type/,
    },
  ];
  for (const c of cases)
    await t.test(c.name, async () => {
      const error = await refusal(c.source, c.options);
      assert.equal(error.code, "INPUT_UNREADABLE", String(error));
      assert.match(error.message, /no record calwise recognises/);
      const problem = error.problems[0];
      assert.equal(problem?.file, c.source.name);
      assert.match(problem?.message ?? "", /no record was recognised as/);
      assert.match(problem?.received ?? "", c.fields);
    });
});

test("an --accesses file that is an event log is refused before reading", async () => {
  const error = await refusal(bytesSource("events.ndjson", '{"winlog":{"event_id":4624}}\n'), {
    as: "accesses",
  });
  assert.equal(error.code, "INPUT_UNREADABLE");
  assert.match(
    error.problems[0]?.message ?? "",
    /not an accesses file: it reads as winlogbeat-jsonl/,
  );
});

test("the CLI exits 2 on an export with nothing recognised, naming its fields", () => {
  const file = join(root, "packages/evidence/fixtures/events/logons.sentinel.json");
  const r = runCli(["audit", "--events", file, "--format", "splunk-json"]);
  assert.equal(r.code, 2, r.stdout);
  assert.match(r.stderr, /no record calwise recognises/);
  assert.match(r.stderr, /splunk-json/);
  assert.match(r.stderr, /TimeGenerated/);
});

test("a Sentinel CSV export without its LogonType column is refused, not audited as compliant", async () => {
  const rows = [
    '"TimeGenerated [UTC]","Computer","EventID","TargetUserName","TargetDomainName","WorkstationName","IpAddress"',
    '"11/2/2026, 8:01:12.431 AM","FS01","4624","samir","CORP","PC-1","10.0.0.5"',
    '"11/2/2026, 8:02:12.431 AM","FS01","4624","alice","CORP","PC-2","10.0.0.6"',
  ];
  const error = await refusal(bytesSource("missing.csv", `${rows.join("\r\n")}\r\n`));
  assert.equal(error.code, "INPUT_UNREADABLE", String(error));
  assert.match(error.message, /logons have no logon type/);
  const problem = error.problems[0];
  assert.equal(problem?.file, "missing.csv");
  assert.equal(problem?.code, "CSV_MISSING_COLUMN");
  assert.match(
    problem?.message ?? "",
    /^2 logons \(4624\) read as sentinel-csv, and the header has no LogonType column$/,
  );
  assert.match(problem?.received ?? "", /fields TimeGenerated \[UTC\], Computer, EventID/);

  // With the column, the same logons are audited.
  const withType = [`${rows[0]},"LogonType"`, `${rows[1]},"3"`, `${rows[2]},"3"`];
  const result = await auditEvidence(
    {
      evidence: [bytesSource("typed.csv", `${withType.join("\r\n")}\r\n`)],
      inventory: [],
      accesses: [],
      owned,
    },
    catalog,
  );
  assert.equal(result.counts.counted, 2);
  assert.equal(result.counts.distinctAccesses, 2);
});

/** Two logons as one JSON export's records, with the logon type given to the first and/or the second. */
function jsonLogons(
  format: "sentinel-json" | "splunk-json" | "flat-json",
  typed: readonly [string | undefined, string | undefined],
): string[] {
  const users = [
    { user: "samir", workstation: "PC-1", address: "10.0.0.5", second: 12 },
    { user: "alice", workstation: "PC-2", address: "10.0.0.6", second: 13 },
  ];
  return users.map(({ user, workstation, address, second }, k) => {
    const type = typed[k];
    if (format === "splunk-json")
      return JSON.stringify({
        preview: false,
        result: {
          _time: `2026-11-02T08:01:${second}.431+00:00`,
          ComputerName: "FS01",
          EventCode: "4624",
          Account_Name: user,
          Account_Domain: "CORP",
          ...(type !== undefined ? { Logon_Type: type } : {}),
          Workstation_Name: workstation,
          Source_Network_Address: address,
        },
      });
    return JSON.stringify({
      ...(format === "sentinel-json"
        ? { TimeGenerated: `2026-11-02T08:01:${second}.431Z`, Computer: "FS01" }
        : { EventTime: `2026-11-02 08:01:${second}`, Hostname: "FS01" }),
      EventID: 4624,
      TargetUserName: user,
      TargetDomainName: "CORP",
      ...(type !== undefined ? { LogonType: type } : {}),
      WorkstationName: workstation,
      IpAddress: address,
    });
  });
}

test("a JSON export in which no logon carries a logon type is refused, not audited as compliant", async (t) => {
  const cases = [
    {
      format: "sentinel-json",
      field: "LogonType",
      lines: jsonLogons("sentinel-json", [undefined, undefined]),
    },
    {
      format: "splunk-json",
      field: "Logon_Type or LogonType",
      lines: jsonLogons("splunk-json", [undefined, undefined]),
    },
    {
      format: "flat-json",
      field: "LogonType",
      lines: jsonLogons("flat-json", [undefined, undefined]),
    },
    // Present, but never a logon type the rules can read.
    {
      format: "sentinel-json",
      field: "LogonType",
      lines: jsonLogons("sentinel-json", ["", "Network"]),
    },
  ] as const;
  for (const c of cases)
    for (const array of [false, true])
      await t.test(`${c.format}${array ? " as an array" : ""}: ${c.lines[0]}`, async () => {
        const text = array ? `[${c.lines.join(",\n")}]\n` : `${c.lines.join("\n")}\n`;
        const error = await refusal(bytesSource("untyped.json", text), { eventFormat: c.format });
        assert.equal(error.code, "INPUT_UNREADABLE", String(error));
        assert.match(error.message, /logons have no logon type/);
        const problem = error.problems[0];
        assert.equal(problem?.file, "untyped.json");
        assert.equal(problem?.code, "FORMAT");
        assert.equal(
          problem?.message,
          `2 logons (4624) read as ${c.format}, and none has a logon type in ${c.field}`,
        );
        assert.match(problem?.received ?? "", /^fields .*(TargetUserName|Account_Name)/);
      });

  await t.test("the CLI exits 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "calwise-untyped-"));
    const file = join(dir, "untyped.ndjson");
    writeFileSync(file, `${jsonLogons("sentinel-json", [undefined, undefined]).join("\n")}\n`);
    const r = runCli(["audit", "--events", file]);
    rmSync(dir, { recursive: true });
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stderr, /logons have no logon type/);
    assert.match(r.stderr, /none has a logon type in LogonType/);
  });
});

test("a JSON export in which some logons carry a logon type is audited, the others skipped one by one", async () => {
  for (const format of ["sentinel-json", "splunk-json", "flat-json"] as const)
    for (const typed of [
      ["3", undefined],
      [undefined, "3"],
    ] as const) {
      const result = await auditEvidence(
        {
          evidence: [bytesSource("typed.json", `${jsonLogons(format, typed).join("\n")}\n`)],
          inventory: [],
          accesses: [],
          owned,
          eventFormat: format,
        },
        catalog,
      );
      assert.equal(result.counts.counted, 1, `${format} ${typed}`);
      assert.equal(result.counts.skipped["no-logon-type"], 1, `${format} ${typed}`);
    }
});
