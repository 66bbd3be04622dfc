import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { smallTestCatalog } from "../catalog/small-test-catalog.ts";
import { resolveCleanColumns } from "../deployment/build-resolved-from-columns.ts";
import { resolveDeployment } from "../deployment/resolve-deployment.ts";
import { evaluateDeployment } from "../evaluate/evaluate-deployment.ts";
import { parseDocumentText } from "./parse-document.ts";
import { type ScannedDeploymentJson, scanDeploymentJson } from "./scan-deployment-json.ts";

const catalog = smallTestCatalog();

/** The document a scan stands for: its base with the accesses rebuilt from the columns. */
function documentOf(scanned: ScannedDeploymentJson): unknown {
  const { base, accesses: a } = scanned.columns;
  const name = (id: number) => (id < 0 ? undefined : a.names[id]);
  const accesses = Array.from(a.server, (server, k) => {
    const record: Record<string, string> = {};
    const user = name(a.user[k] as number);
    const device = name(a.device[k] as number);
    const service = a.service[k] as number;
    if (user !== undefined) record.user = user;
    if (device !== undefined) record.device = device;
    record.server = name(server) as string;
    if (service >= 0) record.service = a.services[service] as string;
    return record;
  });
  return { ...base, accesses };
}

const servers = [
  { name: "S1", product: "ws2012-standard" },
  { name: "S2", product: "ws2016-standard", processors: 2 },
];
const name = fc.constantFrom("alice", "bob", "PC1", "PC2", "S1", "S2", "S9", "é-ü", "U{1..2}", "");
/** An access record: mostly plain, sometimes with a field or a value the scan does not take. */
const plainName = fc.constantFrom(
  "alice",
  "bob",
  "PC1",
  "PC2",
  "S1",
  "S2",
  "a-rather-long-user-name",
  "a-rather-long-user-nam",
  "ürsula",
  "服务器",
  "abcdefgh",
  "abcdefgi",
);
const plainAccess = fc.record(
  {
    user: plainName,
    device: plainName,
    server: fc.constantFrom("S1", "S2", "S1", "S9"),
    service: fc.constantFrom("admin", "rds"),
  },
  { requiredKeys: ["server"] },
);
const wildAccess = fc.record(
  {
    user: name,
    device: name,
    server: fc.oneof(name, fc.constant(["S1", "S2"])),
    service: fc.constantFrom("admin", "rds", ""),
    via: name,
    note: fc.constantFrom("a \\ note", 'say "hi"', "ok"),
  },
  { requiredKeys: [] },
);
const access = fc.oneof(
  { arbitrary: plainAccess, weight: 5 },
  { arbitrary: wildAccess, weight: 1 },
);
const deployment = fc.record(
  {
    name: fc.constantFrom("d", "accesses"),
    servers: fc.constant(servers),
    users: fc.subarray(["alice", { id: "bob", kind: "external" }]),
    devices: fc.subarray(["PC1", "PC2"]),
    accesses: fc.array(access, { maxLength: 6 }),
    owned: fc.constant([{ family: "ws-cal", version: "2012", type: "user", quantity: 1 }]),
  },
  { requiredKeys: ["servers", "accesses"] },
);
/** JSON text of a value with one of several spacings. */
const text = fc
  .tuple(deployment, fc.constantFrom(undefined, 2, "\t", " \r\n"))
  .map(([value, space]) =>
    typeof space === "string" && space.trim() === ""
      ? JSON.stringify(value, null, 1).replaceAll("\n", space)
      : JSON.stringify(value, null, space),
  );

/** Text changed at one place: a character inserted, removed or replaced, or a key written twice. */
const mutated = fc
  .tuple(
    text,
    fc.nat(),
    fc.constantFrom("", '"', ",", "{", "}", "]", ":", " ", "\u007f", "\\", "\u0001", '"user":"x",'),
    fc.boolean(),
  )
  .map(([t, at, piece, replace]) => {
    const i = t.length === 0 ? 0 : at % t.length;
    return t.slice(0, i) + piece + t.slice(replace ? i + 1 : i);
  });

function assertSameAsParsed(t: string): void {
  const scanned = scanDeploymentJson(t);
  if (scanned === undefined) return;
  const parsed = parseDocumentText(t);
  assert.ok("document" in parsed, `scanned, but parseDocumentText refuses: ${t}`);
  assert.deepStrictEqual(documentOf(scanned), parsed.document.data);
  assert.deepStrictEqual(scanned.data, parsed.document.data);
}

test("a scanned deployment is the document parseDocumentText reads from the same text", () => {
  fc.assert(fc.property(text, assertSameAsParsed), { numRuns: 400 });
});

test("text changed at one place is scanned only when parseDocumentText reads it the same way", () => {
  fc.assert(fc.property(mutated, assertSameAsParsed), { numRuns: 2000 });
});

test("every document of plain records is scanned", () => {
  const plain = fc
    .array(
      fc.record(
        {
          user: fc.constantFrom("alice", "U1", "a-rather-long-user-name", "abcdefgh", "ab"),
          device: fc.constantFrom("PC1", "PC 2", "服务器", "abcdefgi", "abcdefghi"),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 5 },
    )
    .map((records) =>
      JSON.stringify({
        servers,
        accesses: records.map((r, k) => ({
          ...(r.user === undefined && r.device === undefined ? { user: "bob" } : r),
          server: k % 2 === 0 ? "S1" : "S2",
          ...(k === 3 ? { service: "rds" } : {}),
        })),
        users: ["alice"],
      }),
    );
  fc.assert(
    fc.property(plain, (t) => {
      assert.ok(scanDeploymentJson(t) !== undefined, t);
      assertSameAsParsed(t);
    }),
  );
});

test("resolved from the scan's columns, a deployment evaluates as resolved from its document", () => {
  fc.assert(
    fc.property(text, (t) => {
      const scanned = scanDeploymentJson(t);
      if (scanned === undefined) return;
      const fromColumns = resolveCleanColumns(scanned.columns, catalog);
      const fromDocument = resolveDeployment(scanned.data, catalog);
      if (fromColumns === undefined) return;
      assert.ok(fromDocument.success, "the columns resolve, the document does not");
      assert.deepStrictEqual(
        evaluateDeployment(fromColumns, catalog),
        evaluateDeployment(fromDocument.value, catalog),
      );
    }),
    { numRuns: 300 },
  );
});

test("the scan leaves out what it does not take", () => {
  const plain = '{"servers":[],"accesses":[{"user":"a","server":"S1"}]}';
  assert.ok(scanDeploymentJson(plain) !== undefined);
  for (const t of [
    '{"servers":[],"accesses":[{"user":"a","server":"S1","via":"x"}]}',
    '{"servers":[],"accesses":[{"user":"a","user":"b","server":"S1"}]}',
    '{"servers":[],"accesses":[{"user":"a\\u0062","server":"S1"}]}',
    '{"servers":[],"accesses":[{"user":"","server":"S1"}]}',
    '{"servers":[],"accesses":[{"server":"S1"}]}',
    '{"servers":[],"accesses":[]}, "accesses":[]}',
    '{"servers":[],"accesses":[],"accesses":[]}',
    '{"servers":[]}',
    '["accesses"]',
    '{"servers":[\u007f],"accesses":[]}',
    ' {"servers":[],"accesses":[{"user":"a","server":"S1"}]',
  ])
    assert.equal(scanDeploymentJson(t), undefined, t);
});
