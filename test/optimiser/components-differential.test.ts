// Issue 10, the bound by components against the exhaustive reference: small estates shaped like the generated
// ones (two administrators on every device, office users on their own devices, a small ward whose users share
// its devices), owned CALs that bind, 1- and 5-packs. With the exhaustive search off, the plan's bound comes
// from the cuts and the components; every bound must be at most the reference, every optimal equal to it. Few
// runs: the reference takes seconds on these 10-holder cases with several tiers and packs.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "@calwise/catalog";
import { resolveDeployment } from "@calwise/core";
import fc from "fast-check";
import type { CalFamily } from "../../packages/core/src/catalog/catalog-schema.ts";
import { collectOwnedPools } from "../../packages/core/src/evaluate/collect-owned-pools.ts";
import { planFamilyCover } from "../../packages/core/src/optimise/plan-family-cover.ts";
import { createPriceBook } from "../../packages/core/src/price-list/price-book.ts";
import { deriveCalDemand } from "../../packages/core/src/rules/derive-cal-demand.ts";
import { referenceCost } from "./exhaustive-reference.ts";
import { createRandom, VERSIONS } from "./small-deployment.ts";

const catalog = loadCatalog();

/** The shape of a small estate: office users, ward users (on the ward's two devices), the owned device pool. */
interface EstateShape {
  readonly offices: number;
  readonly wardUsers: readonly string[];
  /** Owned 2008 device CALs always, or in half of the estates. */
  readonly devicePool: "always" | "sometimes";
}

/** Two administrators, two office users with one or two devices (three at most), a ward of two users on two devices. */
function generateSmallEstate(
  seed: number,
  shape: EstateShape = { offices: 2, wardUsers: ["W1", "W2"], devicePool: "sometimes" },
): Record<string, unknown> {
  const random = createRandom(seed);
  const servers = [
    { name: "S1", product: "ws2012-standard" },
    { name: "S2", product: random(2) === 0 ? "ws2016-standard" : "ws2008r2-datacenter" },
  ];
  const server = () => (servers[random(random(4) === 0 ? 2 : 1)] as { name: string }).name;
  const users: string[] = ["A1", "A2"];
  const devices: string[] = [];
  const accesses: Record<string, string>[] = [];
  for (let o = 0; o < shape.offices; o++) {
    const user = `O${o}`;
    users.push(user);
    for (let d = 0; d < 1 + random(2) && devices.length < 3; d++) {
      const device = `P${o}-${d}`;
      devices.push(device);
      accesses.push({ user, device, server: server() });
    }
  }
  for (const user of shape.wardUsers) {
    users.push(user);
    for (const device of ["WD1", "WD2"]) accesses.push({ user, device, server: server() });
  }
  devices.push("WD1", "WD2");
  for (const admin of ["A1", "A2"])
    for (const device of devices)
      if (random(3) > 0) accesses.push({ user: admin, device, server: "S1" });
  const owned = [
    { family: "ws-cal", version: "2012", type: "user", quantity: 1 + random(4) },
    ...(shape.devicePool === "always" || random(2) === 0
      ? [{ family: "ws-cal", version: "2008", type: "device", quantity: 1 + random(2) }]
      : []),
  ];
  const items: Record<string, unknown>[] = [];
  for (const [v, version] of VERSIONS.entries())
    for (const type of ["user", "device"] as const) {
      const base = (type === "user" ? 45 : 38) + v * 5 + random(10);
      items.push({
        sku: `WS${version}-${type}-1`,
        family: "ws-cal",
        version,
        type,
        packSize: 1,
        price: base,
      });
      items.push({
        sku: `WS${version}-${type}-5`,
        family: "ws-cal",
        version,
        type,
        packSize: 5,
        price: Math.round(5 * base * 0.85),
      });
    }
  return {
    name: `estate-${seed}`,
    servers,
    users,
    devices,
    accesses,
    owned,
    prices: { name: "generated", currency: "EUR", items },
    assumptions: { "included-cal-type": "either" },
  };
}

/**
 * Plans each generated estate without the exhaustive search and holds it against the reference: the estates of
 * `examples` (seeds known to reach the path a test is about) first, then `runs` seeds from fast-check's seed.
 */
function checkAgainstReference(
  runs: number,
  shape?: EstateShape,
  examples: readonly number[] = [],
): { components: number; repaired: number } {
  let components = 0;
  let repaired = 0;
  fc.assert(
    fc.property(fc.noShrink(fc.integer({ min: 0, max: 2 ** 31 - 1 })), (seed) => {
      const data = generateSmallEstate(seed, shape);
      const resolved = resolveDeployment(data, catalog);
      if (!resolved.success) throw new Error(JSON.stringify(resolved.problems));
      const used = new Set<string>();
      const demand = deriveCalDemand(resolved.value, catalog, used);
      const owned = collectOwnedPools(resolved.value, catalog, demand.items, used);
      const plan = planFamilyCover(
        catalog.families.get("ws-cal") as CalFamily,
        demand.items.get("ws-cal") ?? [],
        owned.pools.get("ws-cal") ?? [],
        new Map(),
        createPriceBook(resolved.value.prices, catalog),
        [],
        { exhaustiveSearchHolders: 0 },
      );
      if (plan.method.includes("bound by components")) components++;
      if (plan.method.includes("repaired")) repaired++;
      const reference = referenceCost(data);
      const context = `${data.name}: ${plan.exactness} ${plan.trueCost} (bound ${plan.lowerBound}), reference ${reference}; ${plan.method}`;
      assert.ok(plan.lowerBound <= reference, `the lower bound is valid; ${context}`);
      assert.ok(plan.trueCost >= reference, `no plan beats the exhaustive optimum; ${context}`);
      if (plan.exactness === "optimal")
        assert.equal(plan.trueCost, reference, `optimal means cheapest; ${context}`);
    }),
    { numRuns: runs, examples: examples.map((seed) => [seed]) },
  );
  return { components, repaired };
}

test("the bound by components on small estates with administrators and binding pools: valid, and optimal means cheapest", () => {
  // Estate 2045949927 takes its bound from the components. Seeds drawn at random rarely do (none in 60 runs at
  // FC_SEED=668485374): without it the check below held only on the CI seed.
  const { components } = checkAgainstReference(6, undefined, [2045949927]);
  // Some of these cases take their bound from the components (a check that this test tests something).
  assert.ok(components > 0, `${components} bounds from the components`);
});

test("a ward of three users on two devices of mixed versions, owned 2012 user and 2008 device CALs: the repaired covers and their bounds hold against the reference", () => {
  // The shape where the owned-CAL repair lowers a ward device to an owned 2008 CAL while the users of its
  // newer pairs take owned 2012 user CALs.
  // Estate 192107652 is answered by a repaired cover (none of 40 random seeds at FC_SEED=668485374 was).
  const { repaired } = checkAgainstReference(
    4,
    { offices: 1, wardUsers: ["W1", "W2", "W3"], devicePool: "always" },
    [192107652],
  );
  // Some answers come from a repaired cover (a check that this test tests the repair).
  assert.ok(repaired > 0, `${repaired} answers from a repaired cover`);
});

test("the bound by tiers on small estates whose wards mix versions, several administrators: valid, and optimal means cheapest", () => {
  // Larger wards (four users on the ward's two devices, pairs of both versions) and owned pools of both types:
  // the shape where which devices may stay at 2008 decides the money.
  // (The bound by tiers runs on them; in the seeded cases the other bounds already meet or beat it, so what
  // this holds is validity: its own property test, bound-by-tiers.test.ts, reaches its bounded tables.)
  checkAgainstReference(3, {
    offices: 1,
    wardUsers: ["W1", "W2", "W3", "W4"],
    devicePool: "always",
  });
});
