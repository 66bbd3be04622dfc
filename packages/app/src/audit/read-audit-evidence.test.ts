import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import {
  type AdUser,
  accessFormats,
  type ByteSource,
  bytesSource,
  type DirectPiece,
  EventDeduplicator,
  type EventFormat,
  eventFormats,
  groupLogonEvents,
  readAggregatedLogons,
  readLogonEvents,
  readUalCsv,
} from "@calwise/evidence";
import fc from "fast-check";
import { listEvtxCorpus } from "../../../evidence/src/evtx/testing/evtx-corpus.ts";
import { AuditReading } from "./audit-reading.ts";
import { type AuditLedger, createAuditLedger } from "./create-audit-ledger.ts";
import { detectAuditSources } from "./detect-audit-sources.ts";
import { InventoryIndex } from "./inventory-index.ts";
import { isInventoryFormat } from "./is-inventory-format.ts";
import { readAuditEvidence } from "./read-audit-evidence.ts";

const owned = [
  { name: "FS1.example.corp", product: "ws2019-standard" },
  { name: "SRV2", product: "ws2019-standard" },
];

/**
 * The reference: every source through its streaming reader, one event at a time, deduplicated and
 * recorded as the audit did before it grouped events (a single event is a group of one). A row of an
 * accesses file is recorded as the events it stands for: one at its first seen, the rest at its last.
 */
async function readOneByOne(sources: readonly ByteSource[], since: string | undefined) {
  const detected = await detectAuditSources(sources);
  const reading = new AuditReading(detected);
  const ledger = createAuditLedger(owned, new InventoryIndex(), since ? { since } : {});
  const dedupe = new EventDeduplicator();
  for (const { source, format } of detected) {
    if (isInventoryFormat(format)) continue;
    if (eventFormats.has(format))
      await reading.readSource(async () => {
        const reader = readLogonEvents(source, format as EventFormat, {
          ...reading.optionsFor(source.name),
          eventIds: new Set([4624]),
        });
        for (;;) {
          const next = await reader.next();
          if (next.done) return next.value;
          const e = next.value;
          ledger.tally.logonEvents++;
          if (dedupe.isFirst(e.computer, e.channel, e.eventId, e.recordId)) ledger.recordLogon(e);
          else ledger.tally.duplicates++;
        }
      });
    else if (accessFormats.has(format))
      await reading.readSource(async () => {
        const reader = readAggregatedLogons(
          source,
          format as "accesses-csv" | "accesses-jsonl",
          reading.optionsFor(source.name),
        );
        for (;;) {
          const next = await reader.next();
          if (next.done) return next.value;
          const { logon, firstSeen, events } = next.value;
          for (let i = 0; i < events; i++) {
            ledger.tally.logonEvents++;
            ledger.recordLogon(i === 0 ? { ...logon, time: firstSeen } : logon);
          }
        }
      });
    else
      await reading.readSource(async () => {
        const reader = readUalCsv(source, reading.optionsFor(source.name));
        let at = 2 ** 52;
        for (;;) {
          const next = await reader.next();
          if (next.done) return next.value;
          ledger.recordUal(next.value, at++);
        }
      });
  }
  return { reading, ledger };
}

/** Pieces of groups the direct path recorded by number, in every test: each test checks it took some. */
let directPieces = 0;

/**
 * The audit's read step as it runs: groups of events, replayed with their counts; `direct`: with the
 * rules on names (the sink the audit gives), so Winlogbeat groups whose names decide their access
 * go to the ledger by number, else every group from its event.
 */
async function readGrouped(
  sources: readonly ByteSource[],
  since: string | undefined,
  inventory = new InventoryIndex(),
  takeEveryBytes?: number,
  takeHeldGroups = 0,
  direct = true,
) {
  const detected = await detectAuditSources(sources);
  const reading = new AuditReading(detected);
  const ledger = createAuditLedger(owned, inventory, since ? { since } : {});
  const directJudge = (base: number, file: string) => {
    const judge = ledger.directJudge(base, file);
    return {
      ...judge,
      take: (piece: DirectPiece) => {
        directPieces++;
        return judge.take(piece);
      },
    };
  };
  const read = await readAuditEvidence(
    detected,
    reading,
    {
      logonGroup: ledger.recordLogonGroup,
      widenLogonGroup: ledger.widenLogonGroup,
      ...(direct ? { widenLogonAt: ledger.widenLogonAt, directJudge } : {}),
      ual: ledger.recordUal,
    },
    {
      ualServer: undefined,
      dedupe: new EventDeduplicator(),
      splitAtMs: ledger.sinceMs,
      ...(takeEveryBytes !== undefined ? { takeEveryBytes, takeHeldGroups } : {}),
    },
  );
  ledger.tally.logonEvents += read.logons;
  ledger.tally.duplicates += read.duplicates;
  return { reading, ledger };
}

/** Everything the later steps read of the ledger and the reading, positions left out. */
function observe({ reading, ledger }: { reading: AuditReading; ledger: AuditLedger }) {
  const plain = (value: unknown): unknown =>
    value instanceof Map
      ? [...value].map(([k, v]) => [k, plain(v)])
      : value instanceof Set
        ? [...value]
        : typeof value === "object" && value !== null
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]))
          : value;
  const { newestAt: _, ...tally } = ledger.tally;
  return {
    accesses: Array.from(ledger.ledger.since(Number.NEGATIVE_INFINITY), (id) => {
      const { firstAt: _f, lastAt: _l, ...record } = ledger.ledger.record(id);
      return plain(record);
    }),
    files: ledger.ledger.files,
    // Later steps number names by their ids: the order they were first met in is read too.
    names: ledger.ledger.nameTable,
    tally: plain(tally),
    summaries: reading.summaries,
    problems: reading.problems,
    problemCount: reading.problemCount,
  };
}

async function assertSameReading(sources: readonly ByteSource[], since?: string) {
  const oneByOne = observe(await readOneByOne(sources, since));
  assert.deepEqual(observe(await readGrouped(sources, since)), oneByOne);
  assert.deepEqual(
    observe(await readGrouped(sources, since, undefined, undefined, 0, false)),
    oneByOne,
  );
}

/** Mostly `usual`, sometimes one of `others`: events share groups, yet meet every odd case. */
const mostly = <T>(usual: T, ...others: T[]) =>
  fc.oneof(
    { arbitrary: fc.constant(usual), weight: 5 },
    { arbitrary: fc.constantFrom(...others), weight: 2 },
  );

// Events that differ only in padding or spelling, and times that tie to the millisecond.
const times = [
  "2026-11-20T08:00:00Z",
  "2026-11-20T08:00:00.000Z",
  "2026-11-20T08:00:00.0001234Z",
  "2026-09-01T00:00:00.5Z",
  "2026-11-20 08:00:00",
  "2024-02-29T23:59:59.999Z",
  "2026-01-31T10:00:00Z",
  "2026-11-20T09:00:00+01:00",
];
const eventArbitrary = fc.record({
  computer: mostly("FS1.example.corp", " FS1.example.corp", "fs1", "SRV2", "WS9", ""),
  host: mostly("", "fs1.example.corp"),
  user: mostly(
    "ann",
    "bob",
    " ann",
    "ren\\u00e9",
    "rené",
    "ANONYMOUS LOGON",
    "svc$",
    "e\u0085ve",
    "d\u007fel",
    "-",
  ),
  domain: mostly<string | null>("EXAMPLE", null, "", "NT AUTHORITY", "example "),
  workstation: mostly<string | null>("PC01", null, "-", "", "FS1", " PC02", "PC03é"),
  address: mostly<string | null>(
    null,
    "10.0.0.1",
    "-",
    "127.0.0.1",
    "8.8.8.8",
    "::ffff:10.0.0.2",
    "",
  ),
  logonType: mostly<string | null>(
    '"3"',
    null,
    '"2"',
    '"10"',
    '" 3"',
    '"03"',
    '"x"',
    "3",
    '"1000"',
  ),
  eventId: mostly('"4624"', "4624", '"4634"'),
  recordId: fc.option(fc.constantFrom("1", "2", "3", '"4"', '"5"', '""', "-1")),
  time: fc.constantFrom(...times),
  odd: mostly("", "blank", "broken", "repeat", "message", "spaces"),
});

type GeneratedEvent = typeof eventArbitrary extends fc.Arbitrary<infer T> ? T : never;
/** A generated event, its record id any text (the arbitraries above pick from a few). */
type LineEvent = Omit<GeneratedEvent, "recordId"> & { readonly recordId: string | null };
const usual: GeneratedEvent = {
  computer: "FS1.example.corp",
  host: "",
  user: "ann",
  domain: "EXAMPLE",
  workstation: "PC01",
  address: null,
  logonType: '"3"',
  eventId: '"4624"',
  recordId: "1",
  time: times[0] as string,
  odd: "",
};
/** A name with a C1 control character, raw in the line: refused, line after line. */
const refused: GeneratedEvent = { ...usual, user: "e\u0085ve", recordId: null };

/** One Winlogbeat line (or an odd one) from a generated event. */
function toLine(e: LineEvent): string {
  if (e.odd === "blank") return "   ";
  if (e.odd === "broken") return `{"winlog":{"event_id":"4624","computer_name":"${e.computer}"`;
  const data: string[] = [`"TargetUserName":"${e.user}"`];
  if (e.domain !== null) data.push(`"TargetDomainName":"${e.domain}"`);
  if (e.workstation !== null) data.push(`"WorkstationName":"${e.workstation}"`);
  if (e.address !== null) data.push(`"IpAddress":"${e.address}"`);
  if (e.logonType !== null) data.push(`"LogonType":${e.logonType}`);
  if (e.odd === "repeat") data.push(`"TargetUserName":"other"`);
  const winlog = [
    `"channel":"Security"`,
    `"computer_name":"${e.computer}"`,
    `"event_data":{${data.join(",")}}`,
    ...(e.recordId !== null ? [`"record_id":${e.recordId}`] : []),
    `"event_id":${e.eventId}`,
  ];
  const message = e.odd === "message" ? `"message":"a \\"quoted\\" \\u0041 text",` : "";
  const space = e.odd === "spaces" ? " " : "";
  return `{${space}"@timestamp":${space}"${e.time}",${message}"host":{"name":"${e.host}"},"winlog":{${winlog.join(",")}}}`;
}

// Rows of an accesses file: distinct instants (one event per row cannot stand for two times).
const rowTimes = [
  "2026-09-01T00:00:00Z",
  "2026-10-01T00:00:00Z",
  "2026-11-20T08:00:00Z",
  "2026-11-21T10:30:00Z",
];
const rowArbitrary = fc.record({
  user: mostly("EXAMPLE\\ann", "bob", "EXAMPLE\\bob", "NT AUTHORITY\\SYSTEM", "svc$", ""),
  device: mostly("PC01", "", "FS1", "PC02"),
  address: mostly("", "10.0.0.1", "127.0.0.1"),
  server: mostly("FS1.example.corp", "SRV2", "WS9", "fs1"),
  logonType: mostly("3", "2", "10", "x"),
  span: fc
    .tuple(fc.nat(rowTimes.length - 1), fc.nat(rowTimes.length - 1))
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
  count: mostly(2, 3, 7, 0),
});
type GeneratedRow = typeof rowArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** An accesses CSV of the rows that do not straddle `since` (a row cannot be split there). */
function toAccessesCsv(rows: readonly GeneratedRow[], since: string | undefined): string {
  const sinceMs = since === undefined ? undefined : Date.parse(`${since}T00:00:00Z`);
  const lines = rows
    .map((r) => ({
      ...r,
      first: rowTimes[r.span[0]] as string,
      last: rowTimes[r.span[1]] as string,
    }))
    .filter(
      (r) =>
        sinceMs === undefined || Date.parse(r.first) < sinceMs === Date.parse(r.last) < sinceMs,
    )
    .map((r) =>
      [r.user, r.device, r.address, r.server, r.logonType, r.first, r.last, r.count].join(","),
    );
  return ["user,device,address,server,logon_type,first_seen,last_seen,count", ...lines].join("\n");
}

test("the grouped read gives the one-by-one reading's accesses, counts, problems and trail", async (t) => {
  await t.test("on generated Winlogbeat files, with and without --since", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArbitrary, { minLength: 1, maxLength: 60 }),
        fc.array(eventArbitrary, { maxLength: 20 }),
        fc.constantFrom(undefined, "2026-11-20", "2026-10-01"),
        async (first, second, since) => {
          const sources = [
            bytesSource("a.ndjson", `${first.map(toLine).join("\n")}\n`, 97),
            // A second export that repeats part of the first: its duplicates are left out.
            bytesSource("b.ndjson", [...second, ...first.slice(0, 5)].map(toLine).join("\n")),
          ];
          await assertSameReading(sources, since);
        },
      ),
      {
        numRuns: 60,
        examples: [[[refused, usual, refused, { ...refused, recordId: "2" }], [], undefined]],
      },
    );
  });

  await t.test("with a generated accesses file beside the events, rows as groups", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArbitrary, { minLength: 1, maxLength: 30 }),
        fc.array(rowArbitrary, { minLength: 1, maxLength: 30 }),
        fc.constantFrom(undefined, "2026-11-20", "2026-10-01"),
        async (events, rows, since) => {
          const sources = [
            bytesSource("a.ndjson", events.map(toLine).join("\n")),
            bytesSource("accesses.csv", toAccessesCsv(rows, since), 61),
          ];
          await assertSameReading(sources, since);
        },
      ),
      { numRuns: 40 },
    );
  });

  await t.test("on the event fixtures of every format and the UAL samples", async () => {
    const fixtures = join(import.meta.dirname, "../../../evidence/fixtures");
    const sources = [
      "events/logons.winlogbeat.ndjson",
      "events/logons.csv",
      "events/logons.wevtutil.xml",
      "ual/ual-users.csv",
      "events/logons.eventviewer.xml",
      "events/logons.utf16.csv",
    ].map((name) => bytesSource(name, readFileSync(join(fixtures, name))));
    await assertSameReading(sources);
    await assertSameReading(sources, "2019-03-20");
  });

  await t.test("on the EVTX corpus", async () => {
    const files = listEvtxCorpus();
    // The corpus is part of the test setup (read-evtx.test.ts fails without it): without it this would check nothing.
    assert.ok(files.length > 0, "the EVTX corpus (../shared/corpus/evtx) is present");
    await assertSameReading(files.map((file) => bytesSource(file, readFileSync(file))));
  });
});

test("an accesses row across --since counts whole, with its first seen before the window", async () => {
  const csv = [
    "user,device,address,server,logon_type,first_seen,last_seen,count",
    "EXAMPLE\\ann,PC01,,FS1.example.corp,3,2026-09-01T00:00:00Z,2026-11-20T08:00:00Z,3",
    "EXAMPLE\\bob,PC02,,FS1.example.corp,3,2026-09-01T00:00:00Z,2026-09-02T00:00:00Z,4",
  ].join("\n");
  const { ledger } = await readGrouped([bytesSource("accesses.csv", csv)], "2026-10-01");
  assert.equal(ledger.tally.logonEvents, 7);
  assert.equal(ledger.tally.counted, 3);
  assert.equal(ledger.tally.beforeWindow, 4);
  assert.deepEqual(
    Array.from(ledger.ledger.since(Number.NEGATIVE_INFINITY), (id) => {
      const r = ledger.ledger.record(id);
      return [r.user, r.firstSeen, r.lastSeen, r.events];
    }),
    [["EXAMPLE\\ann", "2026-09-01T00:00:00Z", "2026-11-20T08:00:00Z", 3]],
  );
});

/**
 * The read step as it was before groups went to the ledger as they were read: each event source's
 * groups whole, after the source.
 */
async function readGroupedWhole(
  sources: readonly ByteSource[],
  since: string | undefined,
  inventory: InventoryIndex,
) {
  const detected = await detectAuditSources(sources);
  const reading = new AuditReading(detected);
  const ledger = createAuditLedger(owned, inventory, since ? { since } : {});
  const dedupe = new EventDeduplicator();
  for (const [index, { source, format }] of detected.entries()) {
    await reading.readSource(async () => {
      const grouping = await groupLogonEvents(source, format as EventFormat, {
        ...reading.optionsFor(source.name),
        eventIds: new Set([4624]),
        dedupe,
        ...(ledger.sinceMs !== undefined ? { splitAtMs: ledger.sinceMs } : {}),
      });
      ledger.tally.logonEvents += grouping.logons;
      ledger.tally.duplicates += grouping.duplicates;
      for (const group of grouping.groups()) ledger.recordLogonGroup(group, index * 2 ** 32);
      return grouping.summary;
    });
  }
  return { reading, ledger };
}

/** AD users of two domains: a NetBIOS name's alias is inferred by the first account found in one. */
function aliasInventory(): InventoryIndex {
  const inventory = new InventoryIndex();
  const user = (name: string, domain: string, memberOf: string[] = []): AdUser => ({
    samAccountName: name,
    enabled: name !== "dave",
    distinguishedName: `CN=${name},${domain
      .split(".")
      .map((label) => `DC=${label}`)
      .join(",")}`,
    domain,
    userPrincipalName: `${name}@${domain}`,
    sid: "",
    description: "",
    memberOf,
    servicePrincipalNames: [],
    objectClass: "user",
    location: { file: "ad.csv" },
  });
  inventory.addUser(user("alice", "corp.example"));
  inventory.addUser(user("bob", "corp.example"));
  inventory.addUser(user("bob", "sales.example"));
  inventory.addUser(user("carol", "sales.example"));
  // Disabled, and admin-only: their groups count more than the access they widen.
  inventory.addUser(user("dave", "corp.example"));
  inventory.addUser(user("erin", "corp.example", ["Domain Admins"]));
  return inventory;
}

test("groups handed to the ledger as they are read give the audit of whole groups, aliases inferred on the way", async () => {
  // NetBIOS domains (LEGACY, SALES) whose alias the first AD account logged under them infers: a name
  // resolved before that stays unresolved for its whole group, also for the events read after.
  const named = fc
    .tuple(
      eventArbitrary,
      fc.constantFrom("zed", "alice", "bob", "carol", "ann", "dave", "erin"),
      fc.constantFrom("LEGACY", "SALES", "EXAMPLE"),
      // FS1: a logon at the server itself, whose group does more than widen its access.
      fc.constantFrom("PC01", "PC02", "FS1"),
      // Few duplicates, so that a group's events fall on both sides of a handing on.
      fc.option(fc.integer({ min: 1, max: 10_000 }).map(String), { freq: 3 }),
    )
    .map(([e, user, domain, workstation, recordId]) => ({
      ...e,
      computer: e.computer === "" ? e.computer : "FS1.example.corp",
      user,
      domain,
      workstation,
      recordId,
      odd: "",
    }));
  const sameAsWhole = async (
    first: readonly LineEvent[],
    second: readonly LineEvent[],
    since: string | undefined,
    every: number,
  ) => {
    const sources = () => [
      bytesSource("a.ndjson", `${first.map(toLine).join("\n")}\n`, 97),
      bytesSource("b.ndjson", [...second, ...first.slice(0, 5)].map(toLine).join("\n"), 131),
    ];
    assert.deepEqual(
      observe(await readGrouped(sources(), since, aliasInventory(), every)),
      observe(await readGroupedWhole(sources(), since, aliasInventory())),
    );
  };
  const since = fc.constantFrom(undefined, "2026-11-20");
  // Any events: names met in every order, so aliases are inferred between a group's pieces.
  await fc.assert(
    fc.asyncProperty(
      fc.array(named, { minLength: 20, maxLength: 60 }),
      fc.array(named, { maxLength: 20 }),
      since,
      fc.constantFrom(1, 150, 400, 1500),
      sameAsWhole,
    ),
    { numRuns: 100 },
  );
  // A few distinct events at various times: groups with many events on both sides of a handing on.
  const repeated = fc
    .tuple(
      fc.array(named, { minLength: 1, maxLength: 3 }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...times)), { minLength: 30, maxLength: 80 }),
    )
    .map(([distinct, picks]) =>
      picks.map(([k, time]) => ({
        ...(distinct[k % distinct.length] as (typeof distinct)[number]),
        time,
        // Not the same record id again: a duplicate is left out.
        recordId: null,
      })),
    );
  await fc.assert(
    fc.asyncProperty(
      repeated,
      fc.array(named, { maxLength: 20 }),
      since,
      fc.constantFrom(400, 3000),
      sameAsWhole,
    ),
    { numRuns: 100 },
  );
});

/** A JSON token's text without its quotes (a CSV field's or an XML element's text). */
const unquoted = (token: string) => token.replace(/^"(.*)"$/, "$1");

/** The named fields of a generated event, in order (a repeated user name when it is odd so). */
function exportFields(e: LineEvent): [string, string | null][] {
  return [
    ["EventID", e.eventId],
    ["EventRecordId", e.recordId],
    ["TargetUserName", `"${e.user}"`],
    ["TargetDomainName", e.domain === null ? null : `"${e.domain}"`],
    ["WorkstationName", e.workstation === null ? null : `"${e.workstation}"`],
    ["IpAddress", e.address === null ? null : `"${e.address}"`],
    ["LogonType", e.logonType],
  ];
}

/** A generated event as a Sentinel JSON line (odd ones too: blank, broken, a repeated key, spaces). */
function toSentinelJsonLine(e: LineEvent): string {
  if (e.odd === "blank") return "   ";
  if (e.odd === "broken") return `{"EventID":4624,"Computer":"${e.computer}"`;
  const members = exportFields(e)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => `"${name}":${value}`);
  if (e.odd === "repeat") members.push(`"TargetUserName":"other"`);
  const space = e.odd === "spaces" ? " " : "";
  return `{${space}"TimeGenerated":${space}"${e.time}","Computer":"${e.computer}",${members.join(",")}}`;
}

const sentinelCsvHeader = `"TimeGenerated [UTC]","Computer",${exportFields(usual)
  .map(([name]) => `"${name}"`)
  .join(",")}`;

/** A generated event as a Sentinel CSV row (odd ones: blank, a stray quote, a short row). */
function toSentinelCsvRow(e: LineEvent): string {
  if (e.odd === "blank") return "";
  if (e.odd === "broken") return `"${e.time}","${e.computer}","4624`;
  const values = [e.time, e.computer, ...exportFields(e).map(([, v]) => unquoted(v ?? ""))];
  if (e.odd === "repeat") values.pop();
  return values.map((value) => `"${value}"`).join(",");
}

/** A generated event as a wevtutil XML element (odd ones: blank, unclosed, a repeated Data). */
function toEventXml(e: LineEvent): string {
  if (e.odd === "blank") return "";
  const fields = exportFields(e);
  const system = `<System><Provider Name='Microsoft-Windows-Security-Auditing'/><EventID>${unquoted(e.eventId)}</EventID><TimeCreated SystemTime='${e.time}'/>${e.recordId === null ? "" : `<EventRecordID>${unquoted(e.recordId)}</EventRecordID>`}<Channel>Security</Channel><Computer>${e.computer}</Computer></System>`;
  const data = fields
    .slice(2)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => `<Data Name='${name}'>${unquoted(value as string)}</Data>`);
  if (e.odd === "repeat") data.push("<Data Name='TargetUserName'>other</Data>");
  const element = `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>${system}<EventData>${data.join("")}</EventData></Event>`;
  return e.odd === "broken" ? element.slice(0, -8) : element;
}

test("the byte readings of the exports hand their groups to the ledger as they read, giving the audit of whole groups", async (t) => {
  const formats = [
    {
      name: "sentinel.ndjson",
      write: (events: readonly LineEvent[]) => events.map(toSentinelJsonLine).join("\n"),
    },
    {
      name: "sentinel.csv",
      write: (events: readonly LineEvent[]) =>
        [sentinelCsvHeader, ...events.map(toSentinelCsvRow)].join("\r\n"),
    },
    {
      name: "events.xml",
      write: (events: readonly LineEvent[]) => events.map(toEventXml).join("\r\n"),
    },
  ];
  const format = {
    "sentinel.ndjson": "sentinel-json",
    "sentinel.csv": "sentinel-csv",
    "events.xml": "event-xml",
  } as const;
  for (const { name, write } of formats)
    await t.test(name, async () => {
      // Few distinct events at various times: groups with many events on both sides of a handing on.
      const events = fc
        .tuple(
          fc.array(eventArbitrary, { minLength: 1, maxLength: 4 }),
          fc.array(fc.tuple(fc.nat(), fc.constantFrom(...times), fc.option(fc.nat(10_000))), {
            minLength: 20,
            maxLength: 80,
          }),
        )
        .map(([distinct, picks]) =>
          picks.map(([k, time, recordId]) => ({
            ...(distinct[k % distinct.length] as GeneratedEvent),
            time,
            recordId: recordId === null ? null : String(recordId),
          })),
        );
      await fc.assert(
        fc.asyncProperty(
          events,
          fc.array(eventArbitrary, { maxLength: 20 }),
          fc.constantFrom(undefined, "2026-11-20"),
          fc.constantFrom(1, 150, 400, 3000),
          // Handed on whenever due, or only while the store holds a few groups.
          fc.constantFrom(0, 3),
          async (first, second, since, every, held) => {
            // Each file starts with a plain record, from which its format is told.
            const sources = () => [
              bytesSource(`a.${name}`, write([usual, ...first]), 97),
              bytesSource(`b.${name}`, write([usual, ...second, ...first.slice(0, 5)]), 131),
            ];
            const eventFormat = format[name as keyof typeof format];
            const detectedAs = (await detectAuditSources(sources())).map((d) => d.format);
            assert.deepEqual(detectedAs, [eventFormat, eventFormat]);
            assert.deepEqual(
              observe(await readGrouped(sources(), since, aliasInventory(), every, held)),
              observe(await readGroupedWhole(sources(), since, aliasInventory())),
            );
          },
        ),
        { numRuns: 60 },
      );
    });

  await t.test("on the event fixtures of every format", async () => {
    const fixtures = join(import.meta.dirname, "../../../evidence/fixtures/events");
    for (const name of [
      "logons.csv",
      "logons.wevtutil.xml",
      "logons.eventviewer.xml",
      "logons.sentinel.csv",
      "logons.sentinel.json",
      "logons.flat.ndjson",
      "logons.splunk.ndjson",
      "logons.utf16.csv",
    ])
      for (const every of [1, 300, 2000]) {
        const sources = () => [bytesSource(name, readFileSync(join(fixtures, name)), 257)];
        assert.deepEqual(
          observe(await readGrouped(sources(), undefined, aliasInventory(), every)),
          observe(await readGroupedWhole(sources(), undefined, aliasInventory())),
          `${name}, every ${every} bytes`,
        );
      }
  });
});

test("groups named by number (the direct path) give the accesses, counts and trail of groups read from their events", async () => {
  // Times that are their instant's ISO text (the direct path) and a few that are not.
  const isoTimes = [
    "2026-11-20T08:00:00.000Z",
    "2026-11-20T08:00:00.001Z",
    "2026-11-19T23:59:59.999Z",
    "2024-02-29T12:00:00.000Z",
    "2026-10-31T08:00:00.000Z",
    "2026-10-01T00:00:00.000Z",
  ];
  const odd = fc
    .tuple(
      eventArbitrary,
      // Resolved from the names alone (corp.example, and CORP without AD users), inferred (LEGACY,
      // SALES), local (FS1), none, a well-known identity's.
      mostly("corp.example", "CORP", "LEGACY", "SALES", "FS1", "", "-", "NT AUTHORITY"),
      mostly("zed", "alice", "bob", "ann", "dave", "erin", "SYSTEM", "svc$", "ren\\u00e9"),
      // At the server itself by name, none, a label only, a refused character, escaped.
      mostly("PC01", "PC02", "pc01.corp.example", "FS1", "", "-", ".x", "P\u0085C", "P\\u0041"),
      fc.oneof(
        { arbitrary: fc.constantFrom(...isoTimes), weight: 5 },
        {
          arbitrary: fc.constantFrom("2026-11-20T08:00:00Z", "2026-02-30T08:00:00.000Z"),
          weight: 1,
        },
      ),
      mostly('"3"', '"2"', '"8"', '"10"', '"7"', '"5"', "3"),
      // Quoted, as Winlogbeat writes them: a number is read by the streaming reader.
      fc.option(
        fc.integer({ min: 1, max: 10_000 }).map((n) => `"${n}"`),
        { freq: 3 },
      ),
    )
    .map(([e, domain, user, workstation, time, logonType, recordId]) => ({
      ...e,
      domain,
      user,
      workstation,
      time,
      logonType,
      recordId,
    }));
  const inventories = [
    () => new InventoryIndex(),
    aliasInventory,
    () => new InventoryIndex(undefined, new Map([["LEGACY", "corp.example"]])),
  ];
  const sameAsFromEvents = async (
    first: readonly LineEvent[],
    second: readonly LineEvent[],
    since: string | undefined,
    every: number,
    inventory: number,
  ) => {
    const sources = () => [
      bytesSource("a.ndjson", `${first.map(toLine).join("\n")}\n`, 97),
      bytesSource("b.ndjson", [...second, ...first.slice(0, 5)].map(toLine).join("\n"), 131),
    ];
    const make = inventories[inventory] as () => InventoryIndex;
    assert.deepEqual(
      observe(await readGrouped(sources(), since, make(), every, 0, true)),
      observe(await readGrouped(sources(), since, make(), every, 0, false)),
    );
  };
  const since = fc.constantFrom(undefined, "2026-11-20");
  const every = fc.constantFrom(1, 150, 400, 1 << 20);
  const inventory = fc.nat(inventories.length - 1);
  // Any lines: names met in every order and every oddity.
  await fc.assert(
    fc.asyncProperty(
      fc.array(odd, { minLength: 1, maxLength: 60 }),
      fc.array(odd, { maxLength: 20 }),
      since,
      every,
      inventory,
      sameAsFromEvents,
    ),
    { numRuns: 100 },
  );
  // A few distinct lines at many times: groups of many events, on both sides of a handing on.
  const repeated = fc
    .tuple(
      fc.array(odd, { minLength: 1, maxLength: 4 }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...isoTimes, "2026-11-20T08:00:00Z")), {
        minLength: 30,
        maxLength: 80,
      }),
    )
    .map(([distinct, picks]) =>
      picks.map(([k, time]) => ({
        ...(distinct[k % distinct.length] as (typeof distinct)[number]),
        time,
        recordId: null,
      })),
    );
  await fc.assert(
    fc.asyncProperty(
      repeated,
      fc.array(odd, { maxLength: 20 }),
      since,
      every,
      inventory,
      sameAsFromEvents,
    ),
    { numRuns: 100 },
  );
  assert.ok(directPieces > 500, `only ${directPieces} pieces went the direct path`);
});
