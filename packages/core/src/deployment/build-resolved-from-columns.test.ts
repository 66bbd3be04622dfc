import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { smallTestCatalog } from "../catalog/small-test-catalog.ts";
import type { Validated } from "../errors/input-problem.ts";
import {
  buildResolvedFromColumns,
  type ColumnsDeployment,
  describeColumnsDeployment,
} from "./build-resolved-from-columns.ts";
import { expandRange } from "./expand-range.ts";
import { resolveDeployment } from "./resolve-deployment.ts";
import type { ResolvedDeployment } from "./resolved-deployment.ts";

const catalog = smallTestCatalog();

/** The name table: index 0 is none, as in the audit's ledger; some names are ones the schema refuses. */
const names = [undefined, "alice", "bob", "carol", "dave", "PC1", "PC2", "PC3", "S1", "S2", "S3"];
const badNames = ["", "U{1..2}", "S9"];
const services = ["admin", "rds", "sql", "nope"];
const id = (name: string) => names.indexOf(name);

/** The base: servers of known and (rarely) unknown products, declared principals, owned CALs. */
const servers = [
  { name: "S1", product: "ws2012-standard" },
  { name: "S2", product: "ws2016-standard", processors: 2 },
  { name: "S3", product: "ws2012-standard" },
];
const baseArbitrary = fc.record({
  servers: fc.oneof(fc.constant(servers), fc.subarray(servers, { minLength: 1 })),
  users: fc.subarray(["alice", { id: "bob", kind: "external" as const }]),
  devices: fc.subarray(["PC1", { id: "PC2", unattended: true }]),
  owned: fc.subarray([
    {
      family: "ws-cal",
      version: "2012",
      type: "user" as const,
      quantity: 2,
      assignedTo: ["carol"],
    },
    { family: "ws-cal", version: "2012", type: "device" as const, quantity: 5 },
  ]),
});

/** Accesses that name principals of the table (users first) and servers; services now and then. */
const accessArbitrary = (userIds: number[], deviceIds: number[], serverIds: number[]) =>
  fc.record({
    user: fc.constantFrom(-1, ...userIds),
    device: fc.constantFrom(-1, ...deviceIds),
    server: fc.constantFrom(...serverIds),
    service: fc.constantFrom(-1, -1, -1, 0, 1, 2),
  });

/** A columns deployment shaped as the audit builds it: every access's principals declared. */
const auditShaped = fc
  .tuple(
    baseArbitrary,
    fc.array(accessArbitrary([1, 2, 3, 4], [5, 6, 7], [8, 9, 10]), { maxLength: 12 }),
  )
  .map(([base, all]): ColumnsDeployment => {
    // An audit's access names a user or a device, and a service only where the server offers it.
    const rows = all.map((r) => ({
      ...r,
      user: r.user < 0 && r.device < 0 ? 1 : r.user,
      service: r.service === 1 && r.server === id("S2") ? -1 : r.service === 2 ? 0 : r.service,
    }));
    const usedUsers = new Set(rows.filter((r) => r.user >= 0).map((r) => names[r.user] as string));
    const usedDevices = new Set(
      rows.filter((r) => r.device >= 0).map((r) => names[r.device] as string),
    );
    const declared = (list: readonly (string | { id: string })[]) =>
      new Set(list.map((x) => (typeof x === "string" ? x : x.id)));
    const knownUsers = declared(base.users);
    const knownDevices = declared(base.devices);
    return columnsOf(
      base,
      [...usedUsers].filter((u) => !knownUsers.has(u)).sort(),
      [...usedDevices].filter((d) => !knownDevices.has(d)).sort(),
      rows,
      names,
    );
  });

/** Anything: bad names, names both user and device, unknown servers, nothing declared, too few. */
const wild = fc
  .tuple(
    baseArbitrary,
    fc.subarray(["carol", "dave", "alice", "", "U{1..2}", "PC1"]),
    fc.subarray(["PC3", "PC1", "alice", ""]),
    fc.array(accessArbitrary([1, 2, 3, 5, 11, 12], [5, 6, 7, 1, 11], [8, 9, 10, 13, 0]), {
      maxLength: 8,
    }),
    fc.boolean(),
  )
  .map(([base, addedUsers, addedDevices, rows, bare]) =>
    columnsOf(bare ? { servers: base.servers } : base, addedUsers, addedDevices, rows, [
      ...names,
      ...badNames,
    ]),
  );

function columnsOf(
  base: ColumnsDeployment["base"],
  addedUsers: string[],
  addedDevices: string[],
  rows: readonly { user: number; device: number; server: number; service: number }[],
  table: readonly (string | undefined)[],
): ColumnsDeployment {
  return {
    base,
    addedUsers,
    addedDevices,
    accesses: {
      names: table,
      services,
      user: Int32Array.from(rows, (r) => r.user),
      device: Int32Array.from(rows, (r) => r.device),
      server: Int32Array.from(rows, (r) => r.server),
      service: Int32Array.from(rows, (r) => r.service),
    },
  };
}

/**
 * What the engine reads of a resolution: every field, the access objects, and per access its columns'
 * source, server, service, via and fromServer (the records behind them may differ: the document's
 * are its access entries, the columns' one per service).
 */
function comparable(result: Validated<ResolvedDeployment>) {
  if (!result.success) return result;
  const { accesses, accessColumns: c, users, devices, ...rest } = result.value;
  assert.ok(c !== undefined, "no access columns");
  return {
    ...rest,
    // The columns' route keeps its principals as tables: compared by their entries.
    users: new Map(users),
    devices: new Map(devices),
    accesses: [...accesses],
    count: c.count,
    userIds: c.userIds,
    deviceIds: c.deviceIds,
    perAccess: Array.from({ length: c.count }, (_, k) => {
      const r = c.records[c.record[k] as number];
      return [c.source[k], c.serverNames[c.server[k] as number], r?.service, r?.via, r?.fromServer];
    }),
  };
}

/** Both routes on one deployment, as the engine reads them: the columns' and the document's. */
function bothRoutes(columns: ColumnsDeployment) {
  const fromColumns = buildResolvedFromColumns(columns, catalog);
  const fromDocument = resolveDeployment(describeColumnsDeployment(columns), catalog);
  assert.deepStrictEqual(comparable(fromColumns), comparable(fromDocument));
  return { fromColumns, fromDocument };
}

test("buildResolvedFromColumns gives resolveDeployment's result on audit-shaped deployments", () => {
  let resolved = 0;
  fc.assert(
    fc.property(auditShaped, (columns) => {
      if (bothRoutes(columns).fromColumns.success) resolved++;
    }),
    { numRuns: 400 },
  );
  // The property must hold on resolved deployments, not only on problems the document route reports.
  assert.ok(resolved > 200, `only ${resolved} of 400 resolved`);
});

test("buildResolvedFromColumns gives resolveDeployment's result and problems on any deployment", () => {
  let failed = 0;
  fc.assert(
    fc.property(wild, (columns) => {
      if (!bothRoutes(columns).fromColumns.success) failed++;
    }),
    { numRuns: 400 },
  );
  assert.ok(failed > 100, `only ${failed} of 400 had problems`);
});

test("buildResolvedFromColumns declares the accesses' principals when the deployment declares none", () => {
  const columns = columnsOf(
    { servers: [{ name: "S1", product: "ws2012-standard" }] },
    [],
    [],
    [
      { user: id("bob"), device: id("PC2"), server: id("S1"), service: -1 },
      { user: id("alice"), device: -1, server: id("S1"), service: 1 },
      { user: id("bob"), device: id("PC1"), server: id("S1"), service: 0 },
    ],
    names,
  );
  const { fromColumns } = bothRoutes(columns);
  assert.ok(fromColumns.success);
  assert.deepEqual([...fromColumns.value.users.keys()], ["bob", "alice"]);
  assert.deepEqual([...fromColumns.value.principals.accessDevice], [0, -1, 1]);
  assert.equal(fromColumns.value.accesses[1]?.service, "rds");
});

/** Ranges of every shape the principal tables take as ranges or by names: padded, overlapping, bad. */
const rangeNames = [undefined, "U1", "U5", "U10", "U08", "U01", "U12", "U13", "X1z", "E2", "PC1"];
const moreRangeNames = ["PC01", "PC2", "PC-8", "K1", "U7", "S1", "S2", "S3", "1", "U", "U100"];
const rangeTable = [...rangeNames, ...moreRangeNames];
const at = (name: string) => rangeTable.indexOf(name);
const ranged = fc
  .tuple(
    fc.subarray([
      "U{1..12}",
      "U{10..11}",
      "U{08..10}",
      "U1{0..3}",
      "U5",
      "X{0..2}z",
      { id: "E{1..3}", kind: "external" as const },
      "PC{1..2}",
      "U{99..100}",
    ]),
    // Now and then a range the schema's resolution refuses.
    fc.constantFrom([], [], [], [], ["{1..2}"], ["U{3..1}"]),
    fc.subarray([
      "PC{1..3}",
      "PC{01..03}",
      "PC-{7..9}",
      "U7",
      "PC2",
      { id: "K{0..1}", unattended: true },
    ]),
    fc.array(
      accessArbitrary(
        ["U1", "U5", "U10", "U08", "U01", "U12", "U13", "X1z", "E2", "U100"].map(at),
        ["PC1", "PC01", "PC2", "PC-8", "K1", "U7"].map(at),
        [at("S1"), at("S2"), at("S3")],
      ),
      { maxLength: 6 },
    ),
    fc.constantFrom(-1, -1, -1, at("U"), at("1")),
  )
  .map(([users, bad, devices, rows, stray]) => {
    // Most accesses name declared principals (else nearly every case is a problem).
    const declared = (list: readonly (string | { id: string })[]) =>
      new Set(list.flatMap((x) => expandRange(typeof x === "string" ? x : x.id) ?? []));
    const knownUsers = declared(users);
    const knownDevices = declared(devices);
    const known = (id: number, names: Set<string>) =>
      id >= 0 && names.has(rangeTable[id] as string) ? id : -1;
    const kept = rows
      .map((r) => ({
        ...r,
        user: known(r.user, knownUsers),
        device: known(r.device, knownDevices),
      }))
      .filter((r) => r.user >= 0 || r.device >= 0);
    return columnsOf(
      { servers, users: [...users, ...bad], devices },
      [],
      [],
      [...kept, ...(stray < 0 ? [] : [{ user: stray, device: -1, server: at("S1"), service: -1 }])],
      rangeTable,
    );
  });

test("buildResolvedFromColumns gives resolveDeployment's result on declared ranges of any shape", () => {
  let resolved = 0;
  fc.assert(
    fc.property(ranged, (columns) => {
      if (bothRoutes(columns).fromColumns.success) resolved++;
    }),
    { numRuns: 600 },
  );
  assert.ok(resolved > 60, `only ${resolved} of 600 resolved`);
});
