import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { type CoverEdge, chooseCalMix } from "./choose-cal-mix.ts";

/** Brute force over every tier choice (none, 0..top) of every holder: the minimum cost and, at it, the fewest CALs. */
function bruteForce(
  edges: readonly CoverEdge[],
  userCost: number[],
  deviceCost: number[],
  held: ReadonlyMap<string, number> = new Map(),
) {
  const holders: { id: string; type: "user" | "device"; top: number }[] = [];
  const seen = new Map<string, number>();
  for (const e of edges) {
    if (e.user !== undefined && !e.deviceOnly)
      seen.set(`u:${e.user}`, Math.max(seen.get(`u:${e.user}`) ?? -1, e.tier));
    if (e.device !== undefined && !e.userOnly)
      seen.set(`d:${e.device}`, Math.max(seen.get(`d:${e.device}`) ?? -1, e.tier));
  }
  for (const [key, top] of seen)
    holders.push({ id: key.slice(2), type: key[0] === "u" ? "user" : "device", top });
  let best = { cost: Number.POSITIVE_INFINITY, count: Number.POSITIVE_INFINITY };
  const tiers = holders.map(() => -1);
  const recurse = (i: number) => {
    if (i === holders.length) {
      const tierOf = (type: string, id: string | undefined) => {
        if (id === undefined) return -1;
        const j = holders.findIndex((h) => h.type === type && h.id === id);
        return j < 0 ? -1 : (tiers[j] as number);
      };
      for (const e of edges) {
        const ut = e.deviceOnly ? -1 : tierOf("user", e.user);
        const dt = e.userOnly ? -1 : tierOf("device", e.device);
        if (ut < e.tier && dt < e.tier) return;
      }
      let cost = 0;
      let count = 0;
      holders.forEach((h, j) => {
        const t = tiers[j] as number;
        if (t >= 0) {
          // A holder already holding tier `held` pays nothing up to it (assigned entitlements).
          if (t > (held.get(h.id) ?? -1))
            cost += (h.type === "user" ? userCost : deviceCost)[t] as number;
          count++;
        }
      });
      if (cost < best.cost || (cost === best.cost && count < best.count)) best = { cost, count };
      return;
    }
    for (let t = -1; t <= (holders[i] as (typeof holders)[number]).top; t++) {
      tiers[i] = t;
      recurse(i + 1);
    }
  };
  recurse(0);
  return best;
}

const monotone = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 30 }), { minLength: n, maxLength: n }).map((steps) => {
    let sum = 0;
    return steps.map((s) => (sum += s));
  });

const graph = fc.record({
  edges: fc.array(
    fc.record({
      user: fc.option(
        fc.integer({ min: 0, max: 3 }).map((i) => `U${i}`),
        { nil: undefined },
      ),
      device: fc.integer({ min: 0, max: 3 }).map((i) => `D${i}`),
      tier: fc.integer({ min: 0, max: 2 }),
      userOnly: fc.boolean(),
    }),
    { minLength: 1, maxLength: 9 },
  ),
  userCost: monotone(3),
  deviceCost: monotone(3),
});

test("chooseCalMix", async (t) => {
  await t.test(
    "matches a brute-force minimum on random tiered access graphs, with fewest CALs among equal costs",
    () => {
      fc.assert(
        fc.property(graph, ({ edges: raw, userCost, deviceCost }) => {
          const edges: CoverEdge[] = raw.map((e) => {
            const userOnly = e.user !== undefined && e.userOnly;
            return {
              ...(e.user !== undefined ? { user: e.user } : {}),
              ...(userOnly ? {} : { device: e.device }),
              tier: e.tier,
              deviceOnly: e.user === undefined,
              userOnly,
            };
          });
          const mix = chooseCalMix({ edges, userCost, deviceCost });
          const brute = bruteForce(edges, userCost, deviceCost);
          assert.equal(mix.cost, brute.cost);
          assert.equal(mix.userTier.size + mix.deviceTier.size, brute.count);
          assert.ok(mix.certificate.verified, mix.certificate.problems.join("; "));
          assert.equal(mix.certificate.maxFlow, mix.certificate.cutCapacity);
        }),
        { numRuns: 400 },
      );
    },
  );

  await t.test(
    "solves the same edges again with other prices (the network and solver arrays reused) exactly",
    () => {
      fc.assert(
        fc.property(graph, monotone(3), monotone(3), (g, userCost2, deviceCost2) => {
          const edges: CoverEdge[] = g.edges.map((e) => ({
            ...(e.user !== undefined ? { user: e.user } : {}),
            device: e.device,
            tier: e.tier,
            deviceOnly: e.user === undefined,
            userOnly: false,
          }));
          // The Lagrangian search's pattern: one edge array, cut after cut with other prices.
          for (const [userCost, deviceCost] of [
            [g.userCost, g.deviceCost],
            [userCost2, deviceCost2],
            [g.userCost, deviceCost2],
          ] as const) {
            const mix = chooseCalMix({ edges, userCost, deviceCost });
            const fresh = chooseCalMix({ edges: [...edges], userCost, deviceCost });
            assert.equal(mix.cost, bruteForce(edges, userCost, deviceCost).cost);
            assert.deepEqual([...mix.userTier], [...fresh.userTier]);
            assert.deepEqual([...mix.deviceTier], [...fresh.deviceTier]);
            assert.ok(mix.certificate.verified, mix.certificate.problems.join("; "));
          }
        }),
        { numRuns: 200 },
      );
    },
  );

  await t.test("matches brute force with holders that already hold a tier (free up to it)", () => {
    fc.assert(
      fc.property(
        graph,
        fc.dictionary(
          fc.constantFrom("U0", "U1", "U2", "U3", "D0", "D1", "D2", "D3"),
          fc.integer({ min: 0, max: 2 }),
        ),
        ({ edges: raw, userCost, deviceCost }, heldObject) => {
          const edges: CoverEdge[] = raw.map((e) => {
            const userOnly = e.user !== undefined && e.userOnly;
            return {
              ...(e.user !== undefined ? { user: e.user } : {}),
              ...(userOnly ? {} : { device: e.device }),
              tier: e.tier,
              deviceOnly: e.user === undefined,
              userOnly,
            };
          });
          const heldTier = new Map(Object.entries(heldObject));
          const mix = chooseCalMix({ edges, userCost, deviceCost, heldTier });
          assert.equal(mix.cost, bruteForce(edges, userCost, deviceCost, heldTier).cost);
          assert.ok(mix.certificate.verified, mix.certificate.problems.join("; "));
        },
      ),
      { numRuns: 300 },
    );
  });

  await t.test(
    "prefers user CALs on a tie and older versions when newer cost the same (T1)",
    () => {
      const mix = chooseCalMix({
        edges: [{ user: "A", device: "PC-A", tier: 0, deviceOnly: false, userOnly: false }],
        userCost: [40, 40],
        deviceCost: [40, 40],
      });
      assert.deepEqual([...mix.userTier], [["A", 0]]);
      assert.equal(mix.deviceTier.size, 0);
      assert.equal(mix.tieBreak, "count-then-user-then-older-version");
    },
  );

  await t.test(
    "gives a chained user the newer CAL once for both servers (T7: one 2012 CAL covers 2008 R2 too)",
    () => {
      const mix = chooseCalMix({
        edges: [
          { user: "U1", device: "PC1", tier: 0, deviceOnly: false, userOnly: false },
          { user: "U1", device: "PC1", tier: 1, deviceOnly: false, userOnly: false },
        ],
        userCost: [40, 40],
        deviceCost: [40, 40],
      });
      assert.deepEqual([...mix.userTier], [["U1", 1]]);
      assert.equal(mix.cost, 40);
    },
  );
});
