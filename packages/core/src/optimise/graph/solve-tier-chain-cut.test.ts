// biome-ignore-all lint/style/noRestrictedImports: tests run on Node's own runner; the rule guards shipped core code.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { FlowNetwork } from "./flow-network.ts";
import { layOutTierChains, type TierChainLayout } from "./lay-out-tier-chains.ts";
import { solveMinCut } from "./solve-min-cut.ts";
import {
  solveTierChainCut,
  type TierChainCapacities,
  type TierChainCut,
} from "./solve-tier-chain-cut.ts";
import { verifyMinCut } from "./verify-min-cut.ts";
import { verifyTierChainCut } from "./verify-tier-chain-cut.ts";

interface Case {
  readonly userTop: number[];
  readonly deviceTop: number[];
  readonly edges: { user: number; device: number; tier: number }[];
  readonly userCapacity: number[][];
  readonly deviceCapacity: number[][];
}

/**
 * The explicit network, written here from the layout's definition (not by the product's builder), and
 * the implicit flows as its arc flows in the same order.
 */
function explicitOf(
  layout: TierChainLayout,
  capacities: TierChainCapacities,
  cut?: TierChainCut,
): { network: FlowNetwork; flow: Float64Array } {
  const { userTop, deviceTop, edgeUser, edgeDevice, edgeTier } = layout.graph;
  const from: number[] = [];
  const to: number[] = [];
  const capacity: number[] = [];
  const flow: number[] = [];
  const arc = (a: number, b: number, c: number, f: number) => {
    from.push(a);
    to.push(b);
    capacity.push(c);
    flow.push(f);
  };
  const at = (array: ArrayLike<number> | undefined, i: number) =>
    array ? (array[i] as number) : 0;
  for (let u = 0; u < userTop.length; u++) {
    const first = layout.userFirst[u] as number;
    for (let k = 0; k <= (userTop[u] as number); k++) {
      arc(0, first + k, capacities.user(u, k), at(cut?.pricedFlow, first + k));
      if (k < (userTop[u] as number))
        arc(first + k, first + k + 1, Number.POSITIVE_INFINITY, at(cut?.chainFlow, first + k));
    }
  }
  for (let d = 0; d < deviceTop.length; d++) {
    const first = layout.deviceFirst[d] as number;
    for (let k = 0; k <= (deviceTop[d] as number); k++) {
      arc(first + k, 1, capacities.device(d, k), at(cut?.pricedFlow, first + k));
      if (k < (deviceTop[d] as number))
        arc(first + k + 1, first + k, Number.POSITIVE_INFINITY, at(cut?.chainFlow, first + k));
    }
  }
  for (let e = 0; e < edgeTier.length; e++) {
    const u = edgeUser[e] as number;
    const d = edgeDevice[e] as number;
    const tier = edgeTier[e] as number;
    arc(
      u >= 0 ? (layout.userFirst[u] as number) + tier : 0,
      d >= 0 ? (layout.deviceFirst[d] as number) + tier : 1,
      Number.POSITIVE_INFINITY,
      at(cut?.edgeFlow, e),
    );
  }
  assert.equal(from.length, layout.arcCount);
  return {
    network: {
      nodeCount: layout.nodeCount,
      source: 0,
      sink: 1,
      arcFrom: Int32Array.from(from),
      arcTo: Int32Array.from(to),
      arcCapacity: Float64Array.from(capacity),
    },
    flow: Float64Array.from(flow),
  };
}

function layoutOf(c: Case, grouped: boolean): TierChainLayout {
  const edges = grouped ? [...c.edges].sort((a, b) => a.user - b.user) : c.edges;
  const layout = layOutTierChains({
    userCount: c.userTop.length,
    deviceCount: c.deviceTop.length,
    userTop: Int32Array.from(c.userTop),
    deviceTop: Int32Array.from(c.deviceTop),
    edgeUser: Int32Array.from(edges, (e) => e.user),
    edgeDevice: Int32Array.from(edges, (e) => e.device),
    edgeTier: Int32Array.from(edges, (e) => e.tier),
  });
  assert.ok(layout !== undefined, "the layout refused a well-formed graph");
  return layout;
}

function capacitiesOf(c: Case): TierChainCapacities {
  return {
    user: (u, k) => c.userCapacity[u]?.[k] as number,
    device: (d, k) => c.deviceCapacity[d]?.[k] as number,
  };
}

/** The implicit cut against solveMinCut on the explicit network: same value, same minimal side, valid certificate. */
function assertSameAsSolveMinCut(c: Case, grouped: boolean, searchesShare?: number): void {
  const layout = layoutOf(c, grouped);
  const capacities = capacitiesOf(c);
  const cut = solveTierChainCut(layout, capacities, undefined, searchesShare);
  assert.ok(cut !== undefined, "the implicit cut gave up");
  const { network, flow } = explicitOf(layout, capacities, cut);
  const reference = solveMinCut(network);
  assert.equal(cut.value, reference.value);
  assert.deepEqual([...cut.sourceSide], [...reference.sourceSide]);
  assert.deepEqual(verifyTierChainCut(layout, capacities, cut), { valid: true });
  assert.deepEqual(verifyMinCut(network, { value: cut.value, flow, sourceSide: cut.sourceSide }), {
    valid: true,
  });
}

/**
 * Random tier-chain graphs: 1-4 tiers, holders whose chains reach past their edges' tiers, edges only one
 * side can cover, capacities that are all equal (equal prices), often 0 (tiers already held) or random.
 */
const tierChainCaseOf = (holders: number, edges: number) =>
  fc
    .record({
      tiers: fc.integer({ min: 1, max: 4 }),
      users: fc.integer({ min: 1, max: holders }),
      devices: fc.integer({ min: 1, max: holders }),
      raw: fc.array(
        fc.record({ user: fc.nat(), device: fc.nat(), tier: fc.nat(), kind: fc.nat({ max: 11 }) }),
        { maxLength: edges },
      ),
      extraTop: fc.array(fc.nat({ max: 3 }), { minLength: 14, maxLength: 14 }),
      pricing: fc.constantFrom("equal", "random", "held"),
      prices: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 64, maxLength: 64 }),
    })
    .map(({ tiers, users, devices, raw, extraTop, pricing, prices }): Case => {
      const edges = raw.map(({ user, device, tier, kind }) => ({
        // One edge in twelve only a device can cover, one in twelve only a user.
        user: kind === 0 ? -1 : user % users,
        device: kind === 1 ? -1 : device % devices,
        tier: tier % tiers,
      }));
      const userTop = new Array<number>(users).fill(-1);
      const deviceTop = new Array<number>(devices).fill(-1);
      for (const e of edges) {
        if (e.user >= 0) userTop[e.user] = Math.max(userTop[e.user] as number, e.tier);
        if (e.device >= 0) deviceTop[e.device] = Math.max(deviceTop[e.device] as number, e.tier);
      }
      // Some chains reach past what their edges need (a caller's own tops).
      for (let u = 0; u < users; u++)
        if ((extraTop[u % 7] as number) === 3 && (userTop[u] as number) >= 0)
          userTop[u] = tiers - 1;
      for (let d = 0; d < devices; d++)
        if ((extraTop[7 + (d % 7)] as number) === 3 && (deviceTop[d] as number) >= 0)
          deviceTop[d] = tiers - 1;
      let next = 0;
      const price = () => {
        const p = prices[next++ % prices.length] as number;
        if (pricing === "equal") return 10;
        if (pricing === "held") return p % 3 === 0 ? 0 : p;
        return p;
      };
      const table = (tops: number[]) => tops.map((top) => Array.from({ length: top + 1 }, price));
      return {
        userTop,
        deviceTop,
        edges: edges.filter((e) => e.user >= 0 || e.device >= 0),
        userCapacity: table(userTop),
        deviceCapacity: table(deviceTop),
      };
    });

const tierChainCase = tierChainCaseOf(7, 30);

/** A cut's certificate copied, to tamper with. */
function copyOf(cut: TierChainCut): TierChainCut {
  return {
    value: cut.value,
    sourceSide: cut.sourceSide.slice(),
    pricedFlow: cut.pricedFlow.slice(),
    chainFlow: cut.chainFlow.slice(),
    edgeFlow: cut.edgeFlow.slice(),
  };
}

test("solveTierChainCut gives solveMinCut's value and minimal source side with a valid certificate", () => {
  fc.assert(
    fc.property(tierChainCase, fc.boolean(), (c, grouped) => assertSameAsSolveMinCut(c, grouped)),
    { numRuns: 600 },
  );
});

test("solveTierChainCut agrees with solveMinCut on larger graphs, where walks let their paths go", () => {
  // Enough holders and edges that a pass has many walks, some ending with their start's room spent.
  fc.assert(
    fc.property(tierChainCaseOf(30, 150), fc.boolean(), (c, grouped) =>
      assertSameAsSolveMinCut(c, grouped),
    ),
    { numRuns: 150 },
  );
});

test("solveTierChainCut agrees with solveMinCut on dense graphs, where walks re-enter let-go nodes and edges gain flow", () => {
  // Few holders, many edges: paths share nodes, so later walks of a pass enter nodes an earlier path let
  // go (going on from its arcs), and edges with no flow after the greedy pass carry some at the end
  // (listed at their device tier as they get it).
  fc.assert(
    fc.property(tierChainCaseOf(12, 120), fc.boolean(), (c, grouped) =>
      assertSameAsSolveMinCut(c, grouped),
    ),
    { numRuns: 300 },
  );
});

test("solveTierChainCut agrees with solveMinCut when the passes go on from any point of the searches", () => {
  // A small share of work for the breadth-first searches (-1: none at all), so the depth-first passes
  // start from the flow and the closed sets any number of searches left (on these graphs the searches
  // alone finish with the default share).
  fc.assert(
    fc.property(
      fc.oneof(tierChainCase, tierChainCaseOf(30, 150), tierChainCaseOf(12, 120)),
      fc.boolean(),
      fc.integer({ min: -1, max: 120 }),
      (c, grouped, share) => assertSameAsSolveMinCut(c, grouped, share),
    ),
    { numRuns: 600 },
  );
});

test("solveTierChainCut finds the paths the greedy pass misses, through chains and back along edges", () => {
  // User 0 (tiers 0-1) greedily fills device 0's tier 1 and tier 0; user 1 then needs device 0's tier 0,
  // which only frees when user 0's tier-1 flow moves to device 1.
  const c: Case = {
    userTop: [1, 0],
    deviceTop: [1, 1],
    edges: [
      { user: 0, device: 0, tier: 1 },
      { user: 0, device: 1, tier: 1 },
      { user: 1, device: 0, tier: 0 },
    ],
    userCapacity: [[3, 3], [3]],
    deviceCapacity: [
      [3, 3],
      [0, 3],
    ],
  };
  assertSameAsSolveMinCut(c, true);
  const cut = solveTierChainCut(layoutOf(c, true), capacitiesOf(c));
  assert.equal(cut?.value, 9);
});

test("solveTierChainCut gives up past its search budget, so the caller solves the explicit network", () => {
  const c: Case = {
    userTop: [0, 0],
    deviceTop: [0, 0],
    edges: [
      { user: 0, device: 0, tier: 0 },
      { user: 0, device: 1, tier: 0 },
      { user: 1, device: 0, tier: 0 },
    ],
    userCapacity: [[1], [1]],
    deviceCapacity: [[1], [1]],
  };
  const layout = layoutOf(c, true);
  assert.equal(solveTierChainCut(layout, capacitiesOf(c), 0), undefined);
  assert.equal(solveTierChainCut(layout, capacitiesOf(c))?.value, 2);
});

test("solveTierChainCut keeps 64-bit flows when a holder's capacities pass 2^31, and refuses unsafe sums", () => {
  const big = 2 ** 40;
  const c: Case = {
    userTop: [1],
    deviceTop: [1],
    edges: [{ user: 0, device: 0, tier: 1 }],
    userCapacity: [[big, big]],
    deviceCapacity: [[big, 1]],
  };
  const layout = layoutOf(c, true);
  const cut = solveTierChainCut(layout, capacitiesOf(c));
  assert.ok(cut?.edgeFlow instanceof Float64Array);
  assert.equal(cut?.value, big + 1);
  assertSameAsSolveMinCut(c, true);
  const unsafe: Case = { ...c, userCapacity: [[2 ** 52, 2 ** 52]], deviceCapacity: [[2 ** 52, 1]] };
  assert.equal(solveTierChainCut(layoutOf(unsafe, true), capacitiesOf(unsafe)), undefined);
  const fractional: Case = { ...c, userCapacity: [[1.5, 1]] };
  assert.equal(solveTierChainCut(layoutOf(fractional, true), capacitiesOf(fractional)), undefined);
});

test("layOutTierChains refuses an edge no side covers, an end outside the graph and a tier past a chain", () => {
  const graph = (edgeUser: number[], edgeDevice: number[], edgeTier: number[]) =>
    layOutTierChains({
      userCount: 1,
      deviceCount: 1,
      userTop: Int32Array.from([1]),
      deviceTop: Int32Array.from([0]),
      edgeUser: Int32Array.from(edgeUser),
      edgeDevice: Int32Array.from(edgeDevice),
      edgeTier: Int32Array.from(edgeTier),
    });
  assert.equal(graph([-1], [-1], [0]), undefined);
  assert.equal(graph([1], [0], [0]), undefined);
  assert.equal(graph([0], [0], [1]), undefined);
  assert.equal(graph([0], [0], [-1]), undefined);
  assert.ok(graph([0, 0], [0, -1], [0, 1]) !== undefined);
  // Without tops, each holder's highest tier is read from its edges.
  const read = layOutTierChains({
    userCount: 3,
    deviceCount: 2,
    edgeUser: Int32Array.from([0, 0, 2, -1]),
    edgeDevice: Int32Array.from([0, 1, -1, 1]),
    edgeTier: Int32Array.from([1, 0, 2, 3]),
  });
  assert.deepEqual([...(read?.graph.userTop ?? [])], [1, -1, 2]);
  assert.deepEqual([...(read?.graph.deviceTop ?? [])], [1, 3]);
  assert.deepEqual([...(read?.userFirst ?? [])], [2, 4, 4]);
  assert.equal(read?.nodeCount, 13);
});

test("verifyTierChainCut rejects a flow that breaks conservation, a capacity or the cut's value", () => {
  const c: Case = {
    userTop: [1],
    deviceTop: [1],
    edges: [{ user: 0, device: 0, tier: 1 }],
    userCapacity: [[2, 3]],
    deviceCapacity: [[4, 1]],
  };
  const layout = layoutOf(c, true);
  const capacities = capacitiesOf(c);
  const cut = solveTierChainCut(layout, capacities);
  assert.ok(cut !== undefined);
  assert.deepEqual(verifyTierChainCut(layout, capacities, cut), { valid: true });
  const tampered = (change: (copy: TierChainCut) => TierChainCut) => {
    const copy = copyOf(cut);
    const verdict = verifyTierChainCut(layout, capacities, change(copy));
    assert.equal(verdict.valid, false);
    return verdict.valid ? [] : verdict.problems;
  };
  const user0 = layout.userFirst[0] as number;
  const device0 = layout.deviceFirst[0] as number;
  assert.match(
    tampered((copy) => {
      copy.edgeFlow[0] = (copy.edgeFlow[0] as number) + 1;
      return copy;
    }).join("; "),
    /not conserved/,
  );
  assert.match(
    tampered((copy) => {
      copy.pricedFlow[device0 + 1] = 5;
      return copy;
    }).join("; "),
    /outside 0\.\.1/,
  );
  assert.match(tampered((copy) => ({ ...copy, value: copy.value + 1 })).join("; "), /claimed/);
  assert.match(
    tampered((copy) => {
      copy.sourceSide[user0 + 1] = 1;
      copy.sourceSide[device0 + 1] = 0;
      return copy;
    }).join("; "),
    /crosses the cut forwards/,
  );
  assert.match(
    tampered((copy) => {
      copy.chainFlow[user0 + 1] = 1;
      return copy;
    }).join("; "),
    /above its top tier/,
  );
});

test("verifyTierChainCut accepts and rejects what verifyMinCut does on the explicit network, for tampered certificates", () => {
  // The explicit network's verifier is the oracle: each tamper changes one flow or moves nodes across
  // the cut (arcs the explicit network has: priced arcs, chain arcs below a top, edges), and both
  // verifiers must agree on whether the result is still a maximum flow with a minimum cut.
  const tamper = fc.array(
    fc.record({
      kind: fc.constantFrom("side", "side", "edge", "priced", "chain"),
      at: fc.nat(),
      by: fc.integer({ min: -3, max: 3 }),
    }),
    { minLength: 1, maxLength: 4 },
  );
  fc.assert(
    fc.property(tierChainCase, fc.boolean(), tamper, (c, grouped, changes) => {
      const layout = layoutOf(c, grouped);
      const capacities = capacitiesOf(c);
      const cut = solveTierChainCut(layout, capacities);
      assert.ok(cut !== undefined);
      const copy = copyOf(cut);
      const { userTop, deviceTop } = layout.graph;
      // Tier nodes whose chain arc to the next tier exists.
      const chained: number[] = [];
      for (let u = 0; u < userTop.length; u++)
        for (let k = 0; k < (userTop[u] as number); k++)
          chained.push((layout.userFirst[u] as number) + k);
      for (let d = 0; d < deviceTop.length; d++)
        for (let k = 0; k < (deviceTop[d] as number); k++)
          chained.push((layout.deviceFirst[d] as number) + k);
      for (const { kind, at, by } of changes) {
        const tierNodes = layout.nodeCount - 2;
        if (kind === "side" && tierNodes > 0) {
          const v = 2 + (at % tierNodes);
          copy.sourceSide[v] = 1 - (copy.sourceSide[v] as number);
        } else if (kind === "edge" && copy.edgeFlow.length > 0) {
          const e = at % copy.edgeFlow.length;
          copy.edgeFlow[e] = Math.max(0, (copy.edgeFlow[e] as number) + by);
        } else if (kind === "priced" && tierNodes > 0) {
          const v = 2 + (at % tierNodes);
          copy.pricedFlow[v] = Math.max(0, (copy.pricedFlow[v] as number) + by);
        } else if (kind === "chain" && chained.length > 0) {
          const v = chained[at % chained.length] as number;
          copy.chainFlow[v] = Math.max(0, (copy.chainFlow[v] as number) + by);
        }
      }
      const { network, flow } = explicitOf(layout, capacities, copy);
      const oracle = verifyMinCut(network, {
        value: copy.value,
        flow,
        sourceSide: copy.sourceSide,
      });
      assert.equal(verifyTierChainCut(layout, capacities, copy).valid, oracle.valid);
    }),
    { numRuns: 400 },
  );
});
