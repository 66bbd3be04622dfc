// biome-ignore-all lint/style/noRestrictedImports: tests run on Node's own runner; the rule guards shipped core code.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { FlowNetwork } from "./flow-network.ts";
import { createMinCutWorkspace, solveMinCut } from "./solve-min-cut.ts";
import { verifyMinCut } from "./verify-min-cut.ts";

const inf = Number.POSITIVE_INFINITY;

function networkOf(
  nodeCount: number,
  arcs: readonly (readonly [number, number, number])[],
  source = 0,
  sink = nodeCount - 1,
): FlowNetwork {
  return {
    nodeCount,
    source,
    sink,
    arcFrom: Int32Array.from(arcs, (arc) => arc[0]),
    arcTo: Int32Array.from(arcs, (arc) => arc[1]),
    arcCapacity: Float64Array.from(arcs, (arc) => arc[2]),
  };
}

function sideOf(sourceSide: Uint8Array): number[] {
  return [...sourceSide.keys()].filter((node) => sourceSide[node] === 1);
}

/** Minimum cut by trying every source side; also returns all source sides that attain it. */
function bruteForceMinCut(network: FlowNetwork): { value: number; minimumSides: Uint8Array[] } {
  const { nodeCount, source, sink, arcFrom, arcTo, arcCapacity } = network;
  const others = [...Array(nodeCount).keys()].filter((node) => node !== source && node !== sink);
  let value = inf;
  let minimumSides: Uint8Array[] = [];
  for (let mask = 0; mask < 1 << others.length; mask++) {
    const side = new Uint8Array(nodeCount);
    side[source] = 1;
    others.forEach((node, bit) => {
      if (mask & (1 << bit)) side[node] = 1;
    });
    let capacity = 0;
    for (let arc = 0; arc < arcFrom.length; arc++) {
      if (side[arcFrom[arc] as number] === 1 && side[arcTo[arc] as number] === 0) {
        capacity += arcCapacity[arc] as number;
      }
    }
    if (capacity < value) {
      value = capacity;
      minimumSides = [side];
    } else if (capacity === value) minimumSides.push(side);
  }
  return { value, minimumSides };
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const smallNetwork = fc
  .record({
    nodeCount: fc.integer({ min: 2, max: 12 }),
    arcs: fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat(),
        fc.oneof(
          { arbitrary: fc.integer({ min: 0, max: 20 }), weight: 9 },
          { arbitrary: fc.constant(inf), weight: 1 },
        ),
      ),
      { maxLength: 40 },
    ),
  })
  .map(({ nodeCount, arcs }) =>
    networkOf(
      nodeCount,
      arcs.map(([from, to, capacity]) => [from % nodeCount, to % nodeCount, capacity] as const),
    ),
  );

/**
 * Cover networks with tier chains, as chooseCalMix builds them: source -> user tier k (priced), user tier k ->
 * k+1 (infinite), device tier k+1 -> k (infinite), device tier k -> sink (priced), user tier t -> device tier t
 * per pair (infinite). At most 10 inner nodes, so brute force stays cheap.
 */
const tierChainNetwork = fc
  .record({
    userTops: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }),
    deviceTops: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }),
    pairs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 }),
    prices: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 12, maxLength: 12 }),
  })
  .filter(
    ({ userTops, deviceTops }) =>
      [...userTops, ...deviceTops].reduce((n, top) => n + top + 1, 0) <= 10,
  )
  .map(({ userTops, deviceTops, pairs, prices }) => {
    const arcs: [number, number, number][] = [];
    let node = 2;
    let price = 0;
    const nextPrice = () => prices[price++ % prices.length] as number;
    const userFirst = userTops.map((top) => {
      const first = node;
      node += top + 1;
      for (let k = 0; k <= top; k++) {
        arcs.push([0, first + k, nextPrice()]);
        if (k < top) arcs.push([first + k, first + k + 1, inf]);
      }
      return first;
    });
    const deviceFirst = deviceTops.map((top) => {
      const first = node;
      node += top + 1;
      for (let k = 0; k <= top; k++) {
        arcs.push([first + k, 1, nextPrice()]);
        if (k < top) arcs.push([first + k + 1, first + k, inf]);
      }
      return first;
    });
    for (const [u, d, t] of pairs) {
      const user = u % userTops.length;
      const device = d % deviceTops.length;
      const tier = t % (Math.min(userTops[user] as number, deviceTops[device] as number) + 1);
      arcs.push([(userFirst[user] as number) + tier, (deviceFirst[device] as number) + tier, inf]);
    }
    return networkOf(node, arcs, 0, 1);
  });

/** Asserts `result` is the maximum flow and the minimal minimum source side brute force finds. */
function assertMinimalMinCut(
  network: FlowNetwork,
  result: ReturnType<typeof solveMinCut>,
  expected = bruteForceMinCut(network),
): void {
  assert.equal(result.value, expected.value);
  assert.deepEqual(verifyMinCut(network, result), { valid: true });
  // The minimal source side lies inside every minimum source side.
  for (const side of expected.minimumSides) {
    for (let node = 0; node < network.nodeCount; node++) {
      if (result.sourceSide[node] === 1) assert.equal(side[node], 1);
    }
  }
}

test("solveMinCut", async (t) => {
  await t.test("finds the textbook maximum flow of 23 (Cormen et al., figure 26.6)", () => {
    const network = networkOf(6, [
      [0, 1, 16],
      [0, 2, 13],
      [1, 3, 12],
      [2, 1, 4],
      [2, 4, 14],
      [3, 2, 9],
      [3, 5, 20],
      [4, 3, 7],
      [4, 5, 4],
    ]);
    const result = solveMinCut(network);
    assert.equal(result.value, 23);
    assert.deepEqual(sideOf(result.sourceSide), [0, 1, 2, 4]);
    assert.deepEqual(verifyMinCut(network, result), { valid: true });
  });

  await t.test("routes flow through infinite arcs and reports finite flow on them", () => {
    const network = networkOf(4, [
      [0, 1, inf],
      [1, 3, 5],
      [0, 2, 3],
      [2, 3, inf],
    ]);
    const result = solveMinCut(network);
    assert.equal(result.value, 8);
    assert.deepEqual([...result.flow], [5, 5, 3, 3]);
    assert.deepEqual(sideOf(result.sourceSide), [0, 1]);
    assert.deepEqual(verifyMinCut(network, result), { valid: true });
  });

  await t.test("keeps self-loops, parallel and antiparallel arcs apart", () => {
    const network = networkOf(3, [
      [1, 1, 7],
      [0, 1, 2],
      [0, 1, 3],
      [1, 0, 4],
      [1, 2, 10],
      [2, 1, 1],
    ]);
    const result = solveMinCut(network);
    assert.equal(result.value, 5);
    assert.equal(result.flow[0], 0);
    assert.deepEqual(verifyMinCut(network, result), { valid: true });
  });

  await t.test("returns value 0 and the reachable part when the sink is cut off", () => {
    const network = networkOf(4, [
      [0, 1, 4],
      [1, 2, 0],
      [2, 3, 9],
    ]);
    const result = solveMinCut(network);
    assert.equal(result.value, 0);
    assert.deepEqual(sideOf(result.sourceSide), [0, 1]);
    assert.deepEqual([...result.flow], [0, 0, 0]);
  });

  await t.test("works when the source and sink are not the first and last nodes", () => {
    const network = networkOf(
      3,
      [
        [2, 0, 4],
        [0, 1, 3],
        [2, 1, 1],
      ],
      2,
      1,
    );
    const result = solveMinCut(network);
    assert.equal(result.value, 4);
    assert.deepEqual(verifyMinCut(network, result), { valid: true });
  });

  await t.test(
    "throws RangeError when infinite arcs join source to sink (the flow is unbounded)",
    () => {
      const network = networkOf(3, [
        [0, 1, inf],
        [1, 2, inf],
      ]);
      assert.throws(() => solveMinCut(network), /unbounded/);
    },
  );

  await t.test("throws RangeError when the capacity leaving the source exceeds 2^53-1", () => {
    const half = 2 ** 52;
    const network = networkOf(3, [
      [0, 1, half],
      [0, 2, half],
      [1, 2, 1],
    ]);
    assert.throws(() => solveMinCut(network), RangeError);
  });

  await t.test("rejects a hand-built network with a bad capacity or endpoint", () => {
    assert.throws(() => solveMinCut(networkOf(2, [[0, 1, 0.5]])), RangeError);
    assert.throws(() => solveMinCut(networkOf(2, [[0, 1, Number.NaN]])), RangeError);
    assert.throws(() => solveMinCut(networkOf(2, [[0, 2, 1]])), RangeError);
    assert.throws(() => solveMinCut(networkOf(2, [[0, 1, 1]], 1, 1)), RangeError);
  });

  await t.test(
    "matches brute force on random networks of up to 12 nodes, with the minimal source side",
    () => {
      fc.assert(
        fc.property(smallNetwork, (network) => {
          const expected = bruteForceMinCut(network);
          if (expected.value === inf) {
            assert.throws(() => solveMinCut(network), /unbounded/);
            return;
          }
          assertMinimalMinCut(network, solveMinCut(network), expected);
        }),
        { numRuns: 300 },
      );
    },
  );

  await t.test(
    "matches brute force on tier-chain cover networks (head-start paths of 3 middle arcs)",
    () => {
      fc.assert(
        fc.property(tierChainNetwork, (network) =>
          assertMinimalMinCut(network, solveMinCut(network)),
        ),
        { numRuns: 300 },
      );
    },
  );

  await t.test("a workspace solves the same arcs again with other capacities, exactly", () => {
    const capacities = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 40, maxLength: 40 });
    fc.assert(
      fc.property(
        tierChainNetwork,
        fc.array(capacities, { minLength: 2, maxLength: 4 }),
        (first, rounds) => {
          const workspace = createMinCutWorkspace(first);
          const { arcFrom, arcTo } = first;
          // The priced arcs (out of the source, into the sink) change; chain and pair arcs stay infinite.
          for (const round of rounds) {
            const arcCapacity = Float64Array.from(first.arcCapacity, (capacity, arc) =>
              capacity === inf ? inf : (round[arc % round.length] as number),
            );
            const network: FlowNetwork = { ...first, arcCapacity, arcFrom, arcTo };
            const result = solveMinCut(network, workspace);
            assert.equal(result.flow, workspace.flow);
            assertMinimalMinCut(network, result);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  await t.test("refuses a workspace made for other arcs", () => {
    const network = networkOf(3, [
      [0, 1, 2],
      [1, 2, 3],
    ]);
    const other = networkOf(3, [
      [0, 1, 2],
      [1, 2, 3],
    ]);
    assert.throws(() => solveMinCut(network, createMinCutWorkspace(other)), RangeError);
    assert.throws(
      () => solveMinCut({ ...network, source: 2, sink: 0 }, createMinCutWorkspace(network)),
      RangeError,
    );
  });

  await t.test("produces a certificate verifyMinCut accepts on large random networks", () => {
    const random = mulberry32(20240611);
    for (const [nodeCount, arcCount] of [
      [2000, 50000],
      [20000, 60000],
    ] as const) {
      const arcs: [number, number, number][] = [];
      for (let arc = 0; arc < arcCount; arc++) {
        const from = Math.floor(random() * nodeCount);
        // Mostly short hops, so long paths and deep labels occur, not just a tangle.
        const hop =
          random() < 0.8 ? 1 + Math.floor(random() * 20) : Math.floor(random() * nodeCount);
        const capacity = random() < 0.05 ? inf : Math.floor(random() * 100);
        arcs.push([from, (from + hop) % nodeCount, capacity]);
      }
      const network = networkOf(nodeCount, arcs);
      const result = solveMinCut(network);
      assert.ok(result.value > 0);
      assert.deepEqual(verifyMinCut(network, result), { valid: true });
    }
  });
});
