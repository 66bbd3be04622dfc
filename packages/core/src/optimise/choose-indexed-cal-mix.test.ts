import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { type CoverEdge, chooseCalMix } from "./choose-cal-mix.ts";
import { chooseIndexedCalMix } from "./choose-indexed-cal-mix.ts";

// Non-decreasing tier costs: n prices sorted.
const tierCosts = (n: number) =>
  fc
    .array(fc.integer({ min: 0, max: 90 }), { minLength: n, maxLength: n })
    .map((prices) => prices.sort((a, b) => a - b));

// Integer edges over 5 users and 5 devices (some of them with no edge at all), -1 for a side that cannot cover.
const graph = fc.record({
  edges: fc.array(
    fc
      .record({
        user: fc.integer({ min: -1, max: 4 }),
        device: fc.integer({ min: -1, max: 4 }),
        tier: fc.integer({ min: 0, max: 2 }),
      })
      .filter((e) => e.user >= 0 || e.device >= 0),
    { minLength: 1, maxLength: 10 },
  ),
  userCost: tierCosts(3),
  deviceCost: tierCosts(3),
});

test("chooseIndexedCalMix gives the cover chooseCalMix gives for the same edges named", () => {
  fc.assert(
    fc.property(graph, ({ edges, userCost, deviceCost }) => {
      const mix = chooseIndexedCalMix({
        edges: {
          userCount: 5,
          deviceCount: 5,
          edgeUser: Int32Array.from(edges.map((e) => e.user)),
          edgeDevice: Int32Array.from(edges.map((e) => e.device)),
          edgeTier: Int32Array.from(edges.map((e) => e.tier)),
        },
        userCost,
        deviceCost,
      });
      const named: CoverEdge[] = edges.map((e) => ({
        ...(e.user >= 0 ? { user: `U${e.user}` } : {}),
        ...(e.device >= 0 ? { device: `D${e.device}` } : {}),
        tier: e.tier,
        deviceOnly: e.user < 0,
        userOnly: e.device < 0,
      }));
      const reference = chooseCalMix({ edges: named, userCost, deviceCost });
      assert.ok(mix.certificate.verified, mix.certificate.problems.join("; "));
      assert.equal(mix.cost, reference.cost);
      assert.equal(mix.tieBreak, reference.tieBreak);
      const chosen = (tiers: Int32Array, prefix: string) =>
        [...tiers].flatMap((t, i) => (t >= 0 ? [[`${prefix}${i}`, t] as const] : []));
      assert.deepEqual(new Map(chosen(mix.userTier, "U")), new Map([...reference.userTier].sort()));
      assert.deepEqual(
        new Map(chosen(mix.deviceTier, "D")),
        new Map([...reference.deviceTier].sort()),
      );
    }),
    { numRuns: 300 },
  );
});
