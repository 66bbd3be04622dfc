import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { smallTestCatalog } from "../catalog/small-test-catalog.ts";
import { resolveDeployment } from "../deployment/resolve-deployment.ts";
import { buildFamilyResult } from "../evaluate/build-family-result.ts";
import { planFamilyCover } from "../optimise/plan-family-cover.ts";
import { createPriceBook } from "../price-list/price-book.ts";
import {
  createDemandItem,
  DemandColumns,
  type DemandList,
  demandFlags,
  filterDemand,
} from "./demand-columns.ts";
import { type DemandItem, demandHolderNumbers, deriveCalDemand } from "./derive-cal-demand.ts";

const catalog = smallTestCatalog();

/** Columns of `n` items over small tables, with the items they stand for built one by one (the oracle). */
const columnsAndItems = fc
  .record({
    users: fc.array(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 6 }),
    devices: fc.array(fc.string(), { minLength: 1, maxLength: 6 }),
    servers: fc.array(fc.string(), { minLength: 1, maxLength: 3 }),
    rules: fc.array(fc.array(fc.string(), { maxLength: 3 }), { minLength: 1, maxLength: 8 }),
  })
  .chain((tables) =>
    fc
      .array(
        fc.record({
          tier: fc.nat(3),
          user: fc.integer({ min: -1, max: tables.users.length - 1 }),
          device: fc.integer({ min: -1, max: tables.devices.length - 1 }),
          server: fc.nat(tables.servers.length - 1),
          access: fc.nat(1_000_000),
          deviceOnly: fc.boolean(),
          userOnly: fc.boolean(),
          external: fc.boolean(),
          rules: fc.nat(tables.rules.length - 1),
        }),
        { maxLength: 40 },
      )
      .map((rows) => {
        const column = (read: (row: (typeof rows)[number]) => number) =>
          Int32Array.from(rows, read);
        const columns = new DemandColumns(
          "fam",
          {
            tier: column((r) => r.tier),
            user: column((r) => r.user),
            device: column((r) => r.device),
            server: column((r) => r.server),
            access: column((r) => r.access),
            flags: Uint8Array.from(rows, (r) => demandFlags(r.deviceOnly, r.userOnly, r.external)),
            rules: Uint8Array.from(rows, (r) => r.rules),
          },
          {
            userIds: tables.users,
            deviceIds: tables.devices,
            serverNames: tables.servers,
            ruleLists: tables.rules,
            users: tables.users.length,
            devices: tables.devices.length,
          },
          true,
        );
        const items = rows.map((r) =>
          createDemandItem(
            "fam",
            r.tier,
            r.user < 0 ? undefined : tables.users[r.user],
            r.device < 0 ? undefined : tables.devices[r.device],
            tables.servers[r.server] as string,
            r.deviceOnly,
            r.userOnly,
            r.external,
            r.access,
            tables.rules[r.rules] as string[],
          ),
        );
        return { columns, items };
      }),
  );

test("demand columns read as the items they stand for: by position, in order, and filtered", () => {
  fc.assert(
    fc.property(
      columnsAndItems,
      fc.integer({ min: -45, max: 45 }),
      fc.func(fc.boolean()),
      ({ columns, items }, index, keep) => {
        assert.equal(columns.length, items.length);
        assert.deepEqual([...columns], items);
        assert.deepEqual(columns.at(index), items.at(index));
        // The items' own shapes: no holder field that is not set (JSON and key order as before).
        for (const [k, item] of [...columns].entries())
          assert.deepEqual(Object.keys(item), Object.keys(items[k] as DemandItem));
        assert.equal(demandHolderNumbers(columns)?.user, columns.user);
        const kept = filterDemand(columns, (item) => keep(item.access));
        assert.deepEqual(
          [...kept],
          items.filter((item) => keep(item.access)),
        );
        // A part has no holder numbers, as a filtered array has none.
        assert.equal(demandHolderNumbers(kept), undefined);
        assert.ok(kept instanceof DemandColumns);
      },
    ),
  );
});

/** A family result as JSON, from the items as given. */
function planned(items: DemandList, family: string): string {
  const plan = planFamilyCover(
    catalog.families.get(family) as NonNullable<ReturnType<typeof catalog.families.get>>,
    items,
    [],
    new Map(),
    createPriceBook(undefined, catalog),
    [],
    { exhaustiveSearchHolders: 0 },
  );
  return JSON.stringify({ ...buildFamilyResult(plan, catalog), items: [...plan.items] });
}

test("a family planned from the derived columns is the family planned from the same items as objects", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          user: fc.option(fc.nat(5), { nil: undefined }),
          device: fc.option(fc.nat(5), { nil: undefined }),
          server: fc.constantFrom("S1", "S2"),
        }),
        { minLength: 1, maxLength: 30 },
      ),
      (picks) => {
        const accesses = picks
          .filter((a) => a.user !== undefined || a.device !== undefined)
          .map((a) => ({
            ...(a.user === undefined ? {} : { user: `U${a.user}` }),
            ...(a.device === undefined ? {} : { device: `PC${a.device}` }),
            server: a.server,
          }));
        if (accesses.length === 0) return;
        const resolved = resolveDeployment(
          {
            servers: [
              { name: "S1", product: "ws2012-standard" },
              { name: "S2", product: "ws2012-standard" },
            ],
            users: ["U{0..4}", { id: "U5", kind: "external" }],
            devices: ["PC{0..4}", { id: "PC5", unattended: true }],
            accesses,
          },
          catalog,
        );
        assert.ok(resolved.success);
        const demand = deriveCalDemand(resolved.value, catalog, new Set());
        for (const [family, list] of demand.items) {
          assert.ok(list instanceof DemandColumns);
          // The objects' list is what the planner read before: no holder numbers, names hashed.
          assert.equal(planned(list, family), planned([...list], family));
        }
      },
    ),
  );
});
