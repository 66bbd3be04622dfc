// biome-ignore-all lint/style/noRestrictedImports: tests run on Node's own runner; the rule guards shipped core code.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import {
  type BipartiteCoverInput,
  buildBipartiteCoverNetwork,
  solveMinWeightBipartiteCover,
} from "./solve-bipartite-cover.ts";
import { verifyMinCut } from "./verify-min-cut.ts";

function inputOf(
  leftCost: readonly number[],
  rightCost: readonly number[],
  edges: readonly (readonly [number, number])[],
): BipartiteCoverInput {
  return {
    leftCost: Float64Array.from(leftCost),
    rightCost: Float64Array.from(rightCost),
    edgeLeft: Int32Array.from(edges, (edge) => edge[0]),
    edgeRight: Int32Array.from(edges, (edge) => edge[1]),
  };
}

/** Cheapest cover by trying every set of left nodes; the right nodes are then forced. */
function bruteForceCoverCost(input: BipartiteCoverInput): number {
  const { leftCost, rightCost, edgeLeft, edgeRight } = input;
  let best = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 1 << leftCost.length; mask++) {
    const rightNeeded = new Uint8Array(rightCost.length);
    let cost = 0;
    for (let left = 0; left < leftCost.length; left++) {
      if (mask & (1 << left)) cost += leftCost[left] as number;
    }
    for (let edge = 0; edge < edgeLeft.length; edge++) {
      if (!(mask & (1 << (edgeLeft[edge] as number)))) rightNeeded[edgeRight[edge] as number] = 1;
    }
    for (let right = 0; right < rightCost.length; right++) {
      if (rightNeeded[right]) cost += rightCost[right] as number;
    }
    best = Math.min(best, cost);
  }
  return best;
}

/** Size of a maximum matching by augmenting paths (Kuhn), independent of the flow code. */
function maximumMatchingSize(input: BipartiteCoverInput): number {
  const matchOfRight = new Int32Array(input.rightCost.length).fill(-1);
  const tryAugment = (left: number, visited: Uint8Array): boolean => {
    for (let edge = 0; edge < input.edgeLeft.length; edge++) {
      if (input.edgeLeft[edge] !== left) continue;
      const right = input.edgeRight[edge] as number;
      if (visited[right]) continue;
      visited[right] = 1;
      const partner = matchOfRight[right] as number;
      if (partner < 0 || tryAugment(partner, visited)) {
        matchOfRight[right] = left;
        return true;
      }
    }
    return false;
  };
  let size = 0;
  for (let left = 0; left < input.leftCost.length; left++) {
    if (tryAugment(left, new Uint8Array(input.rightCost.length))) size++;
  }
  return size;
}

function assertIsCheapestCover(
  input: BipartiteCoverInput,
  cover: ReturnType<typeof solveMinWeightBipartiteCover>,
) {
  for (let edge = 0; edge < input.edgeLeft.length; edge++) {
    assert.ok(
      cover.leftInCover[input.edgeLeft[edge] as number] === 1 ||
        cover.rightInCover[input.edgeRight[edge] as number] === 1,
      `edge ${edge} is uncovered`,
    );
  }
  let chosenCost = 0;
  input.leftCost.forEach((cost, left) => {
    if (cover.leftInCover[left]) chosenCost += cost;
  });
  input.rightCost.forEach((cost, right) => {
    if (cover.rightInCover[right]) chosenCost += cost;
  });
  assert.equal(chosenCost, cover.cost);
  assert.deepEqual(verifyMinCut(cover.network, cover.cut), { valid: true });
}

const smallGraph = fc
  .record({
    leftCost: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 8 }),
    rightCost: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 8 }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 30 }),
  })
  .map(({ leftCost, rightCost, edges }) =>
    inputOf(
      leftCost,
      rightCost,
      edges.map(([left, right]) => [left % leftCost.length, right % rightCost.length] as const),
    ),
  );

test("solveMinWeightBipartiteCover", async (t) => {
  await t.test("prefers two cheap left nodes to three right nodes", () => {
    const input = inputOf(
      [3, 1],
      [2, 2, 5],
      [
        [0, 0],
        [0, 1],
        [1, 1],
        [1, 2],
      ],
    );
    const cover = solveMinWeightBipartiteCover(input);
    assert.equal(cover.cost, 4);
    assert.deepEqual([...cover.leftInCover], [1, 1]);
    assert.deepEqual([...cover.rightInCover], [0, 0, 0]);
    assertIsCheapestCover(input, cover);
  });

  await t.test("picks the single shared node of a star", () => {
    // One admin (left 0) touches five devices: cheaper to cover the admin than the devices.
    const edges = [0, 1, 2, 3, 4].map((right) => [0, right] as const);
    const cover = solveMinWeightBipartiteCover(inputOf([10], [3, 3, 3, 3, 3], edges));
    assert.equal(cover.cost, 10);
    assert.deepEqual([...cover.leftInCover], [1]);
  });

  await t.test(
    "lays out the network as documented: left, right, source, sink; source arcs, edges, sink arcs",
    () => {
      const network = buildBipartiteCoverNetwork(inputOf([5, 6], [7], [[1, 0]]));
      assert.equal(network.nodeCount, 5);
      assert.equal(network.source, 3);
      assert.equal(network.sink, 4);
      assert.deepEqual([...network.arcFrom], [3, 3, 1, 2]);
      assert.deepEqual([...network.arcTo], [0, 1, 2, 4]);
      assert.deepEqual([...network.arcCapacity], [5, 6, Number.POSITIVE_INFINITY, 7]);
    },
  );

  await t.test("chooses nothing when there are no edges", () => {
    const cover = solveMinWeightBipartiteCover(inputOf([5, 6], [7], []));
    assert.equal(cover.cost, 0);
    assert.deepEqual([...cover.leftInCover, ...cover.rightInCover], [0, 0, 0]);
  });

  await t.test("König: with unit costs the cover is as large as a maximum matching", () => {
    // K(3,2) plus a pendant edge: matching 3 (left 3 to right 2).
    const edges = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 0],
      [2, 1],
      [3, 2],
    ] as const;
    const input = inputOf([1, 1, 1, 1], [1, 1, 1], edges);
    assert.equal(maximumMatchingSize(input), 3);
    assert.equal(solveMinWeightBipartiteCover(input).cost, 3);
  });

  await t.test("König holds on random graphs with unit costs", () => {
    fc.assert(
      fc.property(smallGraph, (graph) => {
        const input = {
          ...graph,
          leftCost: graph.leftCost.map(() => 1),
          rightCost: graph.rightCost.map(() => 1),
        };
        assert.equal(solveMinWeightBipartiteCover(input).cost, maximumMatchingSize(input));
      }),
    );
  });

  await t.test(
    "equals the brute-force cheapest cover on random graphs, with a valid certificate",
    () => {
      fc.assert(
        fc.property(smallGraph, (input) => {
          const cover = solveMinWeightBipartiteCover(input);
          assert.equal(cover.cost, bruteForceCoverCost(input));
          assertIsCheapestCover(input, cover);
        }),
        { numRuns: 300 },
      );
    },
  );

  await t.test("covers a large random graph with a certificate verifyMinCut accepts", () => {
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    const leftCount = 8000;
    const rightCount = 12000;
    const edges: [number, number][] = [];
    for (let edge = 0; edge < 50000; edge++) {
      edges.push([Math.floor(random() * leftCount), Math.floor(random() * rightCount)]);
    }
    const input = inputOf(
      Array.from({ length: leftCount }, () => 30 + Math.floor(random() * 20)),
      Array.from({ length: rightCount }, () => 25 + Math.floor(random() * 20)),
      edges,
    );
    assertIsCheapestCover(input, solveMinWeightBipartiteCover(input));
  });

  await t.test("rejects infinite, negative or fractional costs and edges outside the graph", () => {
    assert.throws(
      () => solveMinWeightBipartiteCover(inputOf([Number.POSITIVE_INFINITY], [1], [[0, 0]])),
      RangeError,
    );
    assert.throws(() => solveMinWeightBipartiteCover(inputOf([1], [-1], [[0, 0]])), RangeError);
    assert.throws(() => solveMinWeightBipartiteCover(inputOf([1.5], [1], [[0, 0]])), RangeError);
    assert.throws(() => solveMinWeightBipartiteCover(inputOf([1], [1], [[0, 1]])), RangeError);
    assert.throws(
      () =>
        solveMinWeightBipartiteCover({
          ...inputOf([1], [1], [[0, 0]]),
          edgeRight: new Int32Array(0),
        }),
      RangeError,
    );
  });
});
