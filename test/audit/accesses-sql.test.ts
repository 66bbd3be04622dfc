import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { type AuditResult, auditEvidence, type NamedDocument } from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import { logonDataFields, readWindowsEvents } from "@calwise/evidence";
import { openFileByteSource, readDocumentFile } from "@calwise/node-files";
import { DuckDBInstance } from "@duckdb/node-api";
import { readDocumentedAccessesQuery } from "../../scripts/read-documented-accesses-query.ts";
import { runCli } from "../cli/run-cli.ts";

// docs/audit-at-scale.md's SQL, run on DuckDB over flat events, gives the accesses file from which
// `calwise audit --accesses` reaches the same compliance position as calwise reading the events.

const root = fileURLToPath(new URL("../..", import.meta.url));
const corpus = join(root, "../shared/corpus/evtx");
const example = (name: string) => join(root, "examples/audit", name);
const catalog = loadCatalog();
const work = mkdtempSync(join(tmpdir(), "calwise-accesses-sql-"));
after(() => rmSync(work, { recursive: true, force: true }));

/** Runs the documented query over flat JSON lines and writes the accesses CSV DuckDB makes. */
async function writeAccesses(events: string, accesses: string): Promise<number> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await instance.connect();
  try {
    await connection.run(
      `CREATE VIEW events AS SELECT * FROM read_ndjson('${events}', columns = ${duckColumns})`,
    );
    await connection.run(`COPY (${readDocumentedAccessesQuery(root)}) TO '${accesses}' (HEADER)`);
    const rows = await connection.runAndReadAll(
      `SELECT count(*) AS n FROM read_csv('${accesses}')`,
    );
    return Number(rows.getRowObjects()[0]?.n);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The flat export's columns, typed as a SIEM export types them (the event data as text). */
const duckColumns = `{${[
  "EventID: 'INTEGER'",
  "TimeCreated: 'VARCHAR'",
  "Computer: 'VARCHAR'",
  "EventRecordID: 'BIGINT'",
  "Channel: 'VARCHAR'",
  ...logonDataFields.map((f) => `${f}: 'VARCHAR'`),
].join(", ")}}`;

/** One event in the flat JSON lines shape (docs/audit-at-scale.md, `flat-json`). */
interface FlatEvent {
  readonly EventID: number;
  readonly TimeCreated: string;
  readonly Computer: string;
  readonly EventRecordID: number | null;
  readonly Channel: string;
  readonly [field: string]: string | number | null;
}

const ownedExample = (): NamedDocument => readDocumentFile(example("licences.yaml"));
const inventory = () =>
  [example("ad-users.csv"), example("ad-computers.csv")].map(openFileByteSource);

async function audit(files: { evidence?: string[]; accesses?: string[] }): Promise<AuditResult> {
  return auditEvidence(
    {
      evidence: (files.evidence ?? []).map(openFileByteSource),
      accesses: (files.accesses ?? []).map(openFileByteSource),
      inventory: inventory(),
      owned: ownedExample(),
      since: "2019-01-01",
    },
    catalog,
  );
}

/** What the compliance position is made of: the verdict, the money, who holds a CAL and why. */
function position(r: AuditResult) {
  return {
    compliant: r.evaluation.compliant,
    purchaseTotal: r.evaluation.purchaseTotal,
    findings: r.evaluation.findings.map((f) => f.code),
    holders: r.holders.map((h) => `${h.type} ${h.id} ${h.servers.join(",")} ${h.events}`),
    users: r.countedUsers.map((u) => `${u.id} ${u.events} ${u.cal}`),
    devices: r.countedDevices.map((d) => `${d.id} ${d.events} ${d.cal}`),
    window: r.window.start,
  };
}

test("the documented SQL on DuckDB over the corpus gives calwise's own position", async () => {
  const events: FlatEvent[] = [];
  for (const name of readdirSync(corpus)
    .filter((f) => f.endsWith(".evtx"))
    .sort())
    for await (const e of readWindowsEvents(openFileByteSource(join(corpus, name)), "evtx")) {
      const data: Record<string, string> = {};
      for (const f of logonDataFields) if (e.data[f] !== undefined) data[f] = e.data[f];
      events.push({
        EventID: e.eventId,
        TimeCreated: e.time,
        Computer: e.computer,
        EventRecordID: e.recordId,
        Channel: e.channel,
        ...data,
      });
    }
  const flat = join(work, "corpus.ndjson");
  writeFileSync(flat, `${events.map((e) => JSON.stringify(e)).join("\n")}\n`);
  const accesses = join(work, "corpus-accesses.csv");
  const rows = await writeAccesses(flat, accesses);
  assert.ok(rows > 0 && rows < events.length, `${rows} rows from ${events.length} events`);

  const fromEvtx = await audit({
    evidence: readdirSync(corpus)
      .filter((f) => f.endsWith(".evtx"))
      .map((f) => join(corpus, f)),
  });
  const fromFlat = await audit({ evidence: [flat] });
  const fromAccesses = await audit({ accesses: [accesses] });
  assert.equal(fromEvtx.counts.duplicates, 0, "no event twice, so event counts compare too");
  assert.deepEqual(position(fromFlat), position(fromEvtx), "the flat file is the same events");
  assert.deepEqual(position(fromAccesses), position(fromEvtx));
  assert.ok(fromAccesses.holders.length > 0, "somebody needs a CAL");
  assert.equal(fromAccesses.files.at(-1)?.format, "accesses-csv");

  // And as a user runs it: the CLI's exit code and figures match.
  const cli = runCli([
    ...["audit", "--accesses", accesses, "--owned", example("licences.yaml")],
    ...["--inventory", example("ad-users.csv"), "--inventory", example("ad-computers.csv")],
    ...["--since", "2019-01-01", "--json"],
  ]);
  assert.equal(cli.code, fromEvtx.evaluation.compliant ? 0 : 1, cli.stderr);
  assert.deepEqual(position(JSON.parse(cli.stdout) as AuditResult), position(fromEvtx));
});

/** A seeded generator (mulberry32), so the generated file is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Logons of every kind the rules tell apart: people from workstations and addresses, console and
 * loopback logons, service and batch types, the built-in identities by SID, name, domain and
 * pattern, machine accounts, anonymous logons, names with padding, other event ids, computers that
 * are not servers, and a window's worth of days.
 */
function generateEvents(count: number): FlatEvent[] {
  const next = random(11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const servers = ["WIN-77LTAPHIQ1R", "01566S-WIN16-IR", "01566s-win16-ir.threebeesco.com", "PC01"];
  const people = Array.from({ length: 30 }, (_, i) => `user${String(i).padStart(2, "0")}`);
  const accounts: readonly (readonly [string, string, string])[] = [
    ...people.map((p) => [p, "THREEBEESCO", "S-1-5-21-1-2-3-1001"] as const),
    ...people.slice(0, 8).map((p) => [` ${p} `, "EXAMPLE", ""] as const),
    ["lgrove", "3B", "S-1-5-21-1-2-3-1105"],
    ["administrator", "THREEBEESCO", "S-1-5-21-1-2-3-500"],
    ["SYSTEM", "NT AUTHORITY", "S-1-5-18"],
    ["Système", "AUTORITE NT", "S-1-5-18"],
    ["ANONYMOUS LOGON", "NT AUTHORITY", "S-1-5-7"],
    ["DWM-3", "Window Manager", "S-1-5-90-0-3"],
    ["UMFD-1", "Font Driver Host", "S-1-5-96-0-1"],
    ["DefaultAppPool", "IIS APPPOOL", "S-1-5-82-1"],
    ["defaultuser0", "PC01", ""],
    ["IUSR", "NT AUTHORITY", "S-1-5-17"],
    ["PC07$", "THREEBEESCO", "S-1-5-21-1-2-3-2001"],
    ["-", "-", "S-1-0-0"],
    ["alice", "-", ""],
  ];
  const types = [
    "2",
    "3",
    "3",
    "3",
    "3",
    "10",
    "10",
    "7",
    "8",
    "11",
    "12",
    "13",
    "0",
    "4",
    "5",
    "9",
    " 3",
    "x",
  ];
  const workstations = ["PC01", "pc02.threebeesco.com", "PC03", "-", "", "WIN-77LTAPHIQ1R", "NULL"];
  const addresses = [
    "10.0.0.5",
    "10.0.0.6",
    "::ffff:10.0.0.7",
    "127.0.0.1",
    "::1",
    "-",
    "",
    "203.0.113.9",
  ];
  const start = Date.parse("2026-01-01T00:00:00Z");
  const events: FlatEvent[] = [];
  for (let i = 0; i < count; i++) {
    const [name, domain, sid] = pick(accounts);
    const time = new Date(start + Math.floor(next() * 200 * 86_400_000)).toISOString();
    events.push({
      EventID: next() < 0.85 ? 4624 : pick([4625, 4634, 4672]),
      TimeCreated: time,
      Computer: pick(servers),
      EventRecordID: i + 1,
      Channel: "Security",
      TargetUserName: name,
      TargetDomainName: domain,
      TargetUserSid: sid,
      LogonType: pick(types),
      WorkstationName: pick(workstations),
      IpAddress: pick(addresses),
    });
  }
  return events;
}

test("the documented SQL on DuckDB over a generated file gives calwise's own position", async () => {
  const events = generateEvents(6000);
  const flat = join(work, "generated.ndjson");
  writeFileSync(flat, `${events.map((e) => JSON.stringify(e)).join("\n")}\n`);
  const accesses = join(work, "generated-accesses.csv");
  const rows = await writeAccesses(flat, accesses);
  assert.ok(rows > 50, `${rows} accesses`);
  const fromEvents = await audit({ evidence: [flat] });
  const fromAccesses = await audit({ accesses: [accesses] });
  assert.equal(fromEvents.files.at(-1)?.format, "flat-json");
  assert.ok(fromEvents.holders.length > 20, "many people need a CAL");
  assert.deepEqual(position(fromAccesses), position(fromEvents));
  assert.equal(fromAccesses.counts.counted, fromEvents.counts.counted, "every counted logon");
  assert.deepEqual(fromAccesses.atServer, fromEvents.atServer, "the console logons alike");
});
