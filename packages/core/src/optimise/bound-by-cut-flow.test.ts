import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { Need, OwnedPool } from "../compliance/allocate-owned.ts";
import { boundByCutFlow } from "./bound-by-cut-flow.ts";
import { coversEveryEdge, toEdges } from "./cheapest-cover-by-enumeration.test-helper.ts";
import { type CoverEdge, chooseCalMix } from "./choose-cal-mix.ts";
import { cutFlowOf } from "./cut-flow.ts";
import { internCoverEdges } from "./intern-cover-edges.ts";
import { type CalMarket, priceCalNeedsCost } from "./price-cal-needs.ts";

// The bound by the cut's flow against the cheapest real price over every cover (by enumeration, every holder at
// no CAL or any tier): never above it, whatever the answer it is given (at or above the optimum), with several
// versions, 1- and 5-packs (some versions cheaper than older ones), owned and included CALs priced by multipliers.

/** Tiers, and per type and tier the price of one CAL (a 5-pack costs four). */
function marketOf(unit: readonly (readonly [number, number])[]): CalMarket {
  return {
    priced: true,
    tiers: unit.length,
    packs: (type, tier) => {
      const price = (unit[tier] as readonly [number, number])[type === "user" ? 0 : 1];
      return [
        { id: `${type}-${tier}-1`, size: 1, price },
        { id: `${type}-${tier}-5`, size: 5, price: price * 4 },
      ];
    },
    unpricedWeight: () => 1,
  };
}

/** The cut's weights as `planFamilyCover` makes them: each tier's lowest price per unit at or above it, × 5. */
function ratesOf(market: CalMarket, type: "user" | "device"): number[] {
  const rates: number[] = [];
  for (let k = 0; k < market.tiers; k++) {
    let best = Number.POSITIVE_INFINITY;
    for (let v = k; v < market.tiers; v++)
      for (const p of market.packs(type, v))
        best = Math.min(best, Math.floor((p.price * 5) / p.size));
    rates.push(best);
  }
  return rates;
}

/**
 * Every cover (levels -1..tiers-1 per holder): its money, and what its held tiers' priced arcs carry in the cut's
 * network (`capacity`, read per holder name and tier): the cut's capacity of that cover.
 */
function everyCover(
  edges: readonly CoverEdge[],
  pools: readonly OwnedPool[],
  market: CalMarket,
  capacity: (holder: string, tier: number) => number,
) {
  const users = [...new Set(edges.flatMap((e) => (e.user ? [e.user] : [])))];
  const devices = [...new Set(edges.flatMap((e) => (e.device ? [e.device] : [])))];
  const level = new Map<string, number>();
  const holders = [...users.map((u) => `u:${u}`), ...devices.map((d) => `d:${d}`)];
  const covers: { money: number; capacity: number }[] = [];
  const walk = (i: number): void => {
    if (i === holders.length) {
      if (!coversEveryEdge(edges, level)) return;
      const counts = new Map<string, Need>();
      let carried = 0;
      for (const [h, l] of level) {
        for (let k = 0; k <= l; k++) carried += capacity(h, k);
        if (l < 0) continue;
        const type = h.startsWith("u:") ? "user" : "device";
        const key = `${type}:${l}`;
        const n = counts.get(key);
        counts.set(key, { type, tier: l, count: (n?.count ?? 0) + 1 });
      }
      covers.push({
        money: priceCalNeedsCost([...counts.values()], pools, market).cost,
        capacity: carried,
      });
      return;
    }
    // A holder's chain reaches the highest tier of the edges it can cover: no arc above it (and no reason to hold more).
    const name = holders[i] as string;
    const top = Math.max(
      ...edges.map((e) =>
        name.startsWith("u:")
          ? `u:${e.user}` === name && !e.deviceOnly
            ? e.tier
            : -1
          : `d:${e.device}` === name && !e.userOnly
            ? e.tier
            : -1,
      ),
    );
    for (let l = -1; l <= top; l++) {
      level.set(name, l);
      walk(i + 1);
    }
  };
  walk(0);
  return covers;
}

const estate = fc.integer({ min: 1, max: 3 }).chain((tiers) =>
  fc.record({
    tiers: fc.constant(tiers),
    // Users and devices: 2^12, 3^8 or 4^6 covers at most.
    raw: fc.array(
      fc.record({
        user: fc.integer({ min: 0, max: [5, 3, 2][tiers - 1] as number }),
        device: fc.integer({ min: 0, max: [5, 3, 2][tiers - 1] as number }),
        tier: fc.integer({ min: 0, max: tiers - 1 }),
        side: fc.constantFrom("both", "both", "both", "both", "deviceOnly", "userOnly"),
      }),
      { minLength: 1, maxLength: tiers === 1 ? 14 : 9 },
    ),
    // Per tier, a user's and a device's unit price: usually newer dearer, sometimes not.
    unit: fc.array(fc.tuple(fc.integer({ min: 40, max: 60 }), fc.integer({ min: 36, max: 60 })), {
      minLength: tiers,
      maxLength: tiers,
    }),
    pools: fc.array(
      fc.record({
        type: fc.constantFrom("user", "device", "either"),
        tier: fc.integer({ min: 0, max: tiers - 1 }),
        quantity: fc.integer({ min: 1, max: 3 }),
        // The multiplier as a share of the dearest weight (1: the cap, an owned CAL at its full value).
        share: fc.constantFrom(0, 0.3, 0.7, 1, 1, 1),
      }),
      { maxLength: 2 },
    ),
    // How far above the optimum the answer given is, in minor units.
    above: fc.constantFrom(0, 0, 0, 1, 7, 40, 120),
  }),
);

test("the bound by the cut's flow is never above the cheapest cover, and proves some", () => {
  let proofs = 0;
  let bounds = 0;
  fc.assert(
    fc.property(estate, (s) => {
      const market = marketOf(s.unit);
      const edges = toEdges(s.raw);
      const pools: OwnedPool[] = s.pools.map((p, i) => ({
        type: p.type,
        tier: p.tier,
        quantity: p.quantity,
        source: `pool ${i}`,
      }));
      // Weights with each pool's multiplier μ (a holder costs the least of its rate and any pool serving it).
      const user = ratesOf(market, "user");
      const device = ratesOf(market, "device");
      const dearest = Math.max(...user, ...device);
      const mu = s.pools.map((p) => Math.round(p.share * dearest));
      const weigh = (type: "user" | "device", rates: number[]) =>
        rates.map((r, k) =>
          s.pools.reduce(
            (c, p, i) =>
              p.tier >= k && (p.type === type || p.type === "either")
                ? Math.min(c, mu[i] as number)
                : c,
            r,
          ),
        );
      const userCost = weigh("user", user);
      const deviceCost = weigh("device", device);
      const mix = chooseCalMix({ edges, userCost, deviceCost });
      const flow = cutFlowOf(mix);
      assert.ok(flow, "the implicit cut kept its flow");
      const { userNames, deviceNames } = internCoverEdges(edges);
      const covers = everyCover(edges, pools, market, (h, k) =>
        h.startsWith("u:")
          ? flow.capacities.user(userNames.indexOf(h.slice(2)), k)
          : flow.capacities.device(deviceNames.indexOf(h.slice(2)), k),
      );
      const optimum = Math.min(...covers.map((c) => c.money));
      const answer = optimum + s.above;
      const mass = s.pools.reduce((m, p, i) => m + (mu[i] as number) * p.quantity, 0);
      const b = boundByCutFlow({
        flow,
        pools,
        market,
        answer,
        moneyScale: 5,
        multiplierMass: mass,
      });
      if (b.kind === "open") return;
      bounds++;
      assert.ok(
        b.bound <= optimum,
        `bound ${b.bound} above the optimum ${optimum} (answer ${optimum + s.above})`,
      );
      // Exactly what it claims: the least money of the covers whose capacity in the cut exceeds the flow by at
      // most the budget (every cover cheaper than the answer is one of them), or the answer when none is less.
      const budget = flow.scale * ((answer - 1) * 5 + mass) + flow.tieTotal - flow.cut.value;
      const within = covers.filter((c) => c.capacity - flow.cut.value <= budget);
      assert.ok(
        covers.every((c) => c.money >= answer || c.capacity - flow.cut.value <= budget),
        "a cover cheaper than the answer lies outside the budget",
      );
      assert.equal(b.bound, Math.min(answer, ...within.map((c) => c.money)));
      if (s.above === 0 && b.bound === optimum) proofs++;
    }),
    { numRuns: 1000 },
  );
  // Not vacuous: most answers at the optimum are proven by it.
  assert.ok(bounds > 900 && proofs > 300, `${bounds} bounds, ${proofs} proofs`);
});

test("a cheaper cover that holds both ends of a pair carrying flow is not excluded", () => {
  // One tier; a user CAL 50 (a 5-pack 200), a device CAL 30 (a 5-pack 120). Four users only a user CAL can cover
  // (U3–U6), and U1–D1, U1–D2, U2–D1. The least weight is D1 + D2, but U1 + D1 (both ends of U1–D1, which carries
  // about 80 of U1's flow) makes the users a 5-pack: 200 + 30 = 230, the optimum; U1 + U2 pays 250, D1 + D2 260.
  // With the answer at 231 the budget is about 110: the double cover (80) must stay (it is over half of it).
  const market = marketOf([[50, 30]]);
  const edges: CoverEdge[] = [
    ...[3, 4, 5, 6].map((u) => ({ user: `U${u}`, tier: 0, deviceOnly: false, userOnly: true })),
    { user: "U1", device: "D1", tier: 0, deviceOnly: false, userOnly: false },
    { user: "U1", device: "D2", tier: 0, deviceOnly: false, userOnly: false },
    { user: "U2", device: "D1", tier: 0, deviceOnly: false, userOnly: false },
  ];
  const mix = chooseCalMix({
    edges,
    userCost: ratesOf(market, "user"),
    deviceCost: ratesOf(market, "device"),
  });
  const flow = cutFlowOf(mix);
  assert.ok(flow);
  // The optimum, by enumeration.
  assert.equal(Math.min(...everyCover(edges, [], market, () => 0).map((c) => c.money)), 230);
  for (const answer of [231, 250, 260]) {
    const b = boundByCutFlow({ flow, pools: [], market, answer, moneyScale: 5, multiplierMass: 0 });
    assert.equal(b.kind, "bound");
    if (b.kind === "bound") assert.equal(b.bound, 230, `answer ${answer}`);
  }
});
