import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { type AuditReport, auditEvidenceForReport, TrailList } from "@calwise/app";
import { loadCatalog } from "@calwise/catalog";
import { openFileByteSource, readDocumentFile } from "@calwise/node-files";
import fc from "fast-check";
import { formatAuditJsonBytes } from "./format-audit-json.ts";

const root = fileURLToPath(new URL("../../../..", import.meta.url));

/**
 * What the CLI writes: the pieces joined, byte for byte the UTF-8 of JSON.stringify of the same report
 * (which escapes lone surrogates, so its text is well-formed UTF-16), and read back the same value.
 */
function assertWrittenAsStringify(report: AuditReport): void {
  const written = Buffer.concat([...formatAuditJsonBytes(report)]);
  const expected = JSON.stringify(report, null, 2);
  assert.equal(written.toString("utf8"), expected);
  assert.ok(written.equals(Buffer.from(expected, "utf8")));
  assert.deepEqual(JSON.parse(written.toString("utf8")), JSON.parse(expected));
}

// Texts of every kind JSON escapes or keeps: quotes, backslashes, controls, lone surrogates, non-ASCII.
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom("CORP\\u000086", 'a"b', "\u2028", "\ud800", "rené", ""),
);
const texts = fc.array(text, { maxLength: 4 });
const count = fc.oneof(fc.nat(), fc.constant(2 ** 40));
const holderEvidence = fc.record({
  id: text,
  type: fc.constantFrom("user", "device"),
  firstSeen: text,
  lastSeen: text,
  servers: texts,
  events: count,
  files: texts,
  sample: fc.oneof(
    fc.record({ file: text, line: fc.nat(), record: fc.nat() }),
    fc.record({ file: text, record: fc.nat(), offset: fc.nat() }, { requiredKeys: ["file"] }),
    fc.record({ file: text, line: fc.constant(undefined), nested: fc.jsonValue() }),
  ),
  flags: texts,
});
const countedHolder = fc.record({
  id: text,
  type: fc.constantFrom("user", "device"),
  events: count,
  firstSeen: text,
  lastSeen: text,
  cal: fc.boolean(),
  flags: texts,
  accesses: fc.array(
    fc.record({ server: text, events: count, firstSeen: text, lastSeen: text, with: texts }),
    { maxLength: 4 },
  ),
});
const atServer = fc.record({ server: text, user: text, events: count, rule: text });

test("the audit JSON writer writes JSON.stringify(report, null, 2) for any entries of the trail's shapes", () => {
  fc.assert(
    fc.property(
      fc.record({
        schemaVersion: fc.constant(1),
        evaluation: fc.jsonValue(),
        holders: fc.array(holderEvidence, { maxLength: 5 }),
        countedUsers: fc.array(countedHolder, { maxLength: 5 }),
        countedDevices: fc.array(countedHolder, { maxLength: 5 }),
        atServer: fc.array(atServer, { maxLength: 5 }),
        skipped: fc.constant(undefined),
        notes: fc.array(text),
      }),
      fc.boolean(),
      (fields, asTrailLists) => {
        const report = {
          ...fields,
          ...(asTrailLists
            ? {
                countedUsers: new TrailList(fields.countedUsers.length, () =>
                  fields.countedUsers.values(),
                ),
                countedDevices: new TrailList(fields.countedDevices.length, () =>
                  fields.countedDevices.values(),
                ),
              }
            : {}),
        } as unknown as AuditReport;
        assertWrittenAsStringify(report);
      },
    ),
  );
});

test("a long trail comes in pieces of about a megabyte", () => {
  const holder = {
    id: "CORP\\u1",
    type: "user",
    events: 3,
    firstSeen: "2026-10-01T00:00:00.000Z",
    lastSeen: "2026-10-01T00:00:00.000Z",
    cal: true,
    flags: [],
    accesses: [{ server: "S", events: 3, firstSeen: "x", lastSeen: "y", with: ["WS-1", "WS-2"] }],
  };
  const users = Array.from({ length: 20_000 }, (_, k) => ({ ...holder, id: `CORP\\ü${k}` }));
  // An entry longer than a piece (a shared device's users, say) goes whole in one piece.
  const crowd = Array.from({ length: 10_000 }, (_, k) => `WS-${k}`);
  users[7_000] = { ...holder, accesses: [{ ...holder.accesses[0], with: crowd }] } as never;
  const report = {
    schemaVersion: 1,
    holders: [],
    countedUsers: new TrailList(users.length, () => users.values()),
    countedDevices: new TrailList(0, () => [].values()),
    atServer: [],
  } as unknown as AuditReport;
  const pieces = [...formatAuditJsonBytes(report)];
  assert.ok(pieces.length > 5);
  // No piece much past a megabyte: the long entry goes whole into the piece it ends.
  assert.ok(pieces.every((piece) => piece.length < 2 << 20));
  assertWrittenAsStringify(report);
});

test("the audits of every event fixture and of the EVTX corpus are written as JSON.stringify writes them", async () => {
  const catalog = loadCatalog();
  const example = (name: string) => join(root, "examples/audit", name);
  const ownedPath = example("licences.yaml");
  const document = readDocumentFile(ownedPath);
  const fixtures = join(root, "packages/evidence/fixtures/events");
  const corpus = join(root, "../shared/corpus/evtx");
  const sources = [
    ...readdirSync(fixtures).map((name) => [join(fixtures, name)]),
    readdirSync(corpus)
      .filter((name) => name.endsWith(".evtx"))
      .map((name) => join(corpus, name)),
  ];
  for (const paths of sources) {
    const report = await auditEvidenceForReport(
      {
        evidence: paths.map(openFileByteSource),
        inventory: [example("ad-users.csv"), example("ad-computers.csv")].map(openFileByteSource),
        owned: { name: ownedPath, data: document.data, locate: (f) => document.locate(f) },
        since: "2019-01-01",
      },
      catalog,
    );
    assertWrittenAsStringify(report);
  }
});
