import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { auditEvidence, auditResultSchema, type NamedDocument } from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import type { CalwiseError } from "@calwise/core";
import { bytesSource } from "@calwise/evidence";
import { openFileByteSource, readDocumentFile } from "@calwise/node-files";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixtures = join(root, "packages/evidence/fixtures");
const example = (name: string) => join(root, "examples/audit", name);
const inventory = [example("ad-users.csv"), example("ad-computers.csv")].map(openFileByteSource);
const catalog = loadCatalog();
/** The example's owned deployment as the CLI gives it: parsed, named, able to locate its fields. */
const ownedExample = (): NamedDocument => {
  const path = example("licences.yaml");
  const document = readDocumentFile(path);
  return { name: path, data: document.data, locate: (field) => document.locate(field) };
};

/** A 2016 Windows Server CAL price of 44.00 USD, of type user or device. */
const price = (sku: string, type: string) => ({
  sku,
  family: "ws-cal",
  version: "2016",
  type,
  price: 4400,
});

const holdersOf = (r: Awaited<ReturnType<typeof auditEvidence>>) =>
  r.holders.map((h) => `${h.type} ${h.id} ${h.servers.join(",")} ${h.events}`);

test("gives the same position from the XML, CSV, Winlogbeat and SIEM exports as from the EVTX files", async () => {
  const results = await Promise.all(
    [
      "logons.wevtutil.xml",
      "logons.eventviewer.xml",
      "logons.csv",
      "logons.winlogbeat.ndjson",
      "logons.sentinel.csv",
      "logons.sentinel.json",
      "logons.splunk.ndjson",
      "logons.flat.ndjson",
    ].map((f) =>
      auditEvidence(
        {
          evidence: [openFileByteSource(join(fixtures, "events", f))],
          inventory,
          owned: ownedExample(),
          since: "2019-01-01",
        },
        catalog,
      ),
    ),
  );
  const [first, ...rest] = results;
  assert.ok(first);
  assert.deepEqual(holdersOf(first), [
    "user EXAMPLE.CORP\\user01 WIN-77LTAPHIQ1R 1",
    "user THREEBEESCO.COM\\lgrove 01566S-WIN16-IR 4",
    "user THREEBEESCO.COM\\samir 01566S-WIN16-IR 2",
  ]);
  for (const r of results) auditResultSchema.parse(JSON.parse(JSON.stringify(r)));
  for (const r of rest) {
    assert.deepEqual(holdersOf(r), holdersOf(first));
    assert.equal(r.evaluation.purchaseTotal, first.evaluation.purchaseTotal);
  }
});

test("pairs UAL users and devices the logs did not show, and lets the optimiser pick the cheaper side", async () => {
  const owned = {
    name: "owned.yaml",
    data: {
      servers: [{ name: "01566S-WIN16-IR", product: "ws2016-standard" }],
      prices: { currency: "USD", items: [price("U", "user"), price("D", "device")] },
    },
  };
  const progress: number[] = [];
  const result = await auditEvidence(
    {
      evidence: [
        openFileByteSource(join(fixtures, "ual", "ual-users.csv")),
        openFileByteSource(join(fixtures, "ual", "ual-devices.csv")),
      ],
      inventory,
      owned,
      onProgress: (read) => progress.push(read),
    },
    catalog,
  );
  // Users samir, mchen (svc-backup is a service account); devices 02694W-WIN10 and 172.16.66.77.
  assert.deepEqual(
    result.serviceAccounts.map((a) => a.id),
    ["THREEBEESCO.COM\\svc-backup"],
  );
  assert.ok(result.notes.some((n) => /2 users and 2 devices without pairing/.test(n)));
  const ws = result.evaluation.families.find((f) => f.family === "ws-cal");
  assert.equal(ws?.holders.length, 2, "two CALs cover a complete 2 × 2 pairing");
  assert.equal(result.window.newest, "2026-11-20T16:55:02Z");
  assert.ok(progress.length > 0 && progress.at(-1) === progress.toSorted((a, b) => a - b).at(-1));
  for (const h of result.holders) assert.ok(h.sample.file.includes("ual-"), h.id);
});

/** A Get-ADComputer export with the RD Session Host and the client PC02 at 10.0.2.18. */
const rdsComputers = bytesSource(
  "ad-computers.csv",
  [
    '"Name","DNSHostName","IPv4Address","OperatingSystem","Enabled","DistinguishedName"',
    '"WIN-77LTAPHIQ1R","win-77ltaphiq1r.example.corp","10.0.2.15","Windows Server 2012 R2 Standard","True","CN=WIN-77LTAPHIQ1R,DC=example,DC=corp"',
    '"PC02","pc02.example.corp","10.0.2.18","Windows 7 Professional","True","CN=PC02,CN=Computers,DC=example,DC=corp"',
  ].join("\r\n"),
);

/** A Winlogbeat line: an RDP logon (type 10) on the RD Session Host from the client 10.0.2.18. */
const rdpLogon = (user: string, record: number) =>
  JSON.stringify({
    "@timestamp": "2026-11-20T08:00:00.000Z",
    winlog: {
      channel: "Security",
      computer_name: "WIN-77LTAPHIQ1R.example.corp",
      event_id: "4624",
      record_id: String(record),
      event_data: {
        TargetUserName: user,
        TargetDomainName: "EXAMPLE",
        LogonType: "10",
        WorkstationName: "WIN-77LTAPHIQ1R",
        IpAddress: "10.0.2.18",
      },
    },
  });

test("names an RD Session Host's remote-interactive logons as RDS access, from the client device (in memory)", async () => {
  // Two users from one client: the cheapest cover is one device CAL for PC02, which is only right if
  // the device is the client address resolved through AD, not the server named as workstation.
  const log = bytesSource(
    "rdp.ndjson",
    `${rdpLogon("user01", 1)}\n${rdpLogon("user01", 1)}\n${rdpLogon("user02", 2)}\n`,
    7, // pieces that cut lines, as a network stream would
  );
  const result = await auditEvidence(
    {
      evidence: [log],
      inventory: [rdsComputers],
      owned: {
        name: "rds.yaml",
        data: { servers: [{ name: "WIN-77LTAPHIQ1R", product: "ws2012r2-standard" }] },
      },
      domainAliases: new Map([["EXAMPLE", "example.corp"]]),
      rdsHosts: ["WIN-77LTAPHIQ1R"],
    },
    catalog,
  );
  assert.equal(result.counts.duplicates, 1);
  assert.equal(result.counts.counted, 2);
  assert.deepEqual(result.unresolvedAddresses, []);
  const holdersIn = (family: string) =>
    result.evaluation.families
      .find((f) => f.family === family)
      ?.holders.map((h) => `${h.type} ${h.id}`);
  assert.deepEqual(holdersIn("rds-cal"), ["device PC02"]);
  assert.deepEqual(holdersIn("ws-cal"), ["device PC02"]);
  const trail = result.holders.find((h) => h.id === "PC02");
  assert.equal(trail?.events, 2, "two distinct logons (the duplicate is not counted)");
  assert.deepEqual(trail?.sample, { file: "rdp.ndjson", line: 1, record: 1 });
});

test("gives a user CAL for RDS to a single user, and names the source that cannot be read", async () => {
  const owned = {
    name: "rds.yaml",
    data: { servers: [{ name: "WIN-77LTAPHIQ1R", product: "ws2012r2-standard" }] },
  };
  const request = {
    inventory: [rdsComputers],
    owned,
    domainAliases: new Map([["EXAMPLE", "example.corp"]]),
    rdsHosts: ["WIN-77LTAPHIQ1R"],
  };
  const result = await auditEvidence(
    { ...request, evidence: [bytesSource("rdp.ndjson", `${rdpLogon("user01", 1)}\n`)] },
    catalog,
  );
  const rds = result.evaluation.families.find((f) => f.family === "rds-cal");
  assert.deepEqual(
    rds?.holders.map((h) => h.id),
    ["EXAMPLE.CORP\\user01"],
  );
  await assert.rejects(
    auditEvidence({ ...request, evidence: [bytesSource("notes.txt", "hello\n")] }, catalog),
    (error: CalwiseError) => {
      assert.equal(error.code, "INPUT_UNREADABLE");
      assert.equal(error.problems[0]?.file, "notes.txt");
      assert.equal(error.problems[0]?.code, "FORMAT");
      return true;
    },
  );
});

/** A Winlogbeat line: a network logon (type 3) on FS1 by `user` from PC02 at `time`. */
const shareLogon = (user: string, record: number, time: string) =>
  JSON.stringify({
    "@timestamp": time,
    winlog: {
      channel: "Security",
      computer_name: "FS1.example.corp",
      event_id: 4624,
      record_id: record,
      event_data: {
        TargetUserName: user,
        TargetDomainName: "EXAMPLE",
        LogonType: "3",
        WorkstationName: "PC02",
        IpAddress: "10.0.2.18",
      },
    },
  });

test("names every counted user and device with its accesses when device CALs are the cheaper cover (in memory)", async () => {
  const lines = [
    shareLogon("ann", 1, "2026-11-20T08:00:00.000Z"),
    shareLogon("ann", 2, "2026-11-21T09:30:00.000Z"),
    shareLogon("bob", 3, "2026-11-20T10:00:00.000Z"),
    shareLogon("cat", 4, "2026-11-22T11:00:00.000Z"),
  ];
  const result = await auditEvidence(
    {
      evidence: [bytesSource("fs1.ndjson", `${lines.join("\n")}\n`)],
      inventory: [],
      owned: {
        name: "owned.yaml",
        data: {
          servers: [{ name: "FS1", product: "ws2016-standard" }],
          prices: { currency: "USD", items: [price("U", "user"), price("D", "device")] },
        },
      },
    },
    catalog,
  );
  const json = JSON.parse(JSON.stringify(result));
  auditResultSchema.parse(json);
  // One device CAL for PC02 is cheaper than three user CALs: the CAL holders are the device only…
  assert.deepEqual(holdersOf(result), ["device PC02 FS1 4"]);
  // …and the report still names the three users behind it, each with its accesses.
  assert.deepEqual(
    json.countedUsers.map(
      (u: { id: string; cal: boolean; events: number }) => `${u.id} ${u.cal} ${u.events}`,
    ),
    ["EXAMPLE\\ann false 2", "EXAMPLE\\bob false 1", "EXAMPLE\\cat false 1"],
  );
  assert.deepEqual(json.countedUsers[0].accesses, [
    {
      server: "FS1",
      events: 2,
      firstSeen: "2026-11-20T08:00:00.000Z",
      lastSeen: "2026-11-21T09:30:00.000Z",
      with: ["PC02"],
    },
  ]);
  assert.equal(json.countedUsers[0].firstSeen, "2026-11-20T08:00:00.000Z");
  assert.equal(json.countedUsers[0].lastSeen, "2026-11-21T09:30:00.000Z");
  assert.deepEqual(
    json.countedDevices.map(
      (d: { id: string; cal: boolean; events: number }) => `${d.id} ${d.cal} ${d.events}`,
    ),
    ["PC02 true 4"],
  );
  assert.deepEqual(json.countedDevices[0].accesses[0].with, [
    "EXAMPLE\\ann",
    "EXAMPLE\\bob",
    "EXAMPLE\\cat",
  ]);
});
