import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { smallTestCatalog } from "../catalog/small-test-catalog.ts";
import type { DeploymentInput } from "../deployment/deployment-schema.ts";
import { resolveDeployment } from "../deployment/resolve-deployment.ts";
import { HolderTiers } from "../optimise/holder-tiers.ts";
import { planFamilyCover } from "../optimise/plan-family-cover.ts";
import { createPriceBook } from "../price-list/price-book.ts";
import { demandHolderNumbers, deriveCalDemand } from "../rules/derive-cal-demand.ts";
import { buildFamilyResult } from "./build-family-result.ts";

const catalog = smallTestCatalog();
const products = ["ws2008r2-datacenter", "ws2012-standard", "ws2016-standard"];

/** Packs as well as single CALs, so the cover's free pairs are rebalanced (`balanceFreePairs`) at times. */
const prices = createPriceBook(
  {
    name: "test",
    currency: "EUR",
    items: ["2008", "2012", "2016"].flatMap((version, k) =>
      (["user", "device"] as const).flatMap((type) => [
        {
          sku: `${version}${type}1`,
          family: "ws-cal",
          version,
          type,
          packSize: 1,
          price: 3000 + 100 * k,
        },
        {
          sku: `${version}${type}5`,
          family: "ws-cal",
          version,
          type,
          packSize: 5,
          price: 12_000 + 400 * k + (type === "device" ? 500 : 0),
        },
      ]),
    ),
  },
  catalog,
);

const deployments = fc
  .record({
    servers: fc.array(fc.constantFrom(...products), { minLength: 1, maxLength: 3 }),
    users: fc.integer({ min: 1, max: 8 }),
    devices: fc.integer({ min: 1, max: 8 }),
    external: fc.integer({ min: 0, max: 2 }),
    unattended: fc.integer({ min: 0, max: 2 }),
    accesses: fc.array(
      fc.record({
        user: fc.option(fc.nat(9), { nil: undefined }),
        device: fc.option(fc.nat(9), { nil: undefined }),
        server: fc.nat(2),
      }),
      { minLength: 1, maxLength: 30 },
    ),
  })
  .map(({ servers, users, devices, external, unattended, accesses }): DeploymentInput => {
    const userIds = Array.from({ length: users }, (_, u) => `U${u}`);
    const deviceIds = Array.from({ length: devices }, (_, d) => `D${d}`);
    return {
      servers: servers.map((product, s) => ({ name: `S${s}`, product })),
      users: [
        ...userIds,
        ...Array.from({ length: external }, (_, e) => ({ id: `X${e}`, kind: "external" as const })),
      ],
      devices: [
        ...deviceIds,
        ...Array.from({ length: unattended }, (_, k) => ({ id: `K${k}`, unattended: true })),
      ],
      accesses: accesses.flatMap(({ user, device, server }) => {
        const u =
          user === undefined ? undefined : [...userIds, "X0", "X1"][user % (users + external)];
        const d =
          device === undefined
            ? undefined
            : [...deviceIds, "K0", "K1"][device % (devices + unattended)];
        if (u === undefined && d === undefined) return [];
        return [
          {
            server: `S${server % servers.length}`,
            ...(u === undefined ? {} : { user: u }),
            ...(d === undefined ? {} : { device: d }),
          },
        ];
      }),
    };
  });

test("property: the holder lines read by number from the cut's tiers are the lines read by name", () => {
  let byNumber = 0;
  fc.assert(
    fc.property(deployments, (input) => {
      const resolved = resolveDeployment(input, catalog);
      if (!resolved.success) return;
      const demand = deriveCalDemand(resolved.value, catalog, new Set());
      for (const [familyId, items] of demand.items) {
        const family = catalog.families.get(familyId);
        if (family === undefined) continue;
        const plan = planFamilyCover(family, items, [], new Map(), prices, []);
        const { userTier, deviceTier } = plan.mix;
        if (
          userTier instanceof HolderTiers &&
          userTier.deployment?.source === demandHolderNumbers(plan.items)
        )
          byNumber++;
        // The former path: the same tiers as Maps, every holder found by its name.
        const byName = {
          ...plan,
          mix: { ...plan.mix, userTier: new Map(userTier), deviceTier: new Map(deviceTier) },
        };
        assert.deepEqual(buildFamilyResult(plan, catalog), buildFamilyResult(byName, catalog));
      }
    }),
    { numRuns: 300 },
  );
  // The fast path was taken: the test compares two paths, not one with itself.
  assert.ok(byNumber > 100, `${byNumber} families read by number`);
});
