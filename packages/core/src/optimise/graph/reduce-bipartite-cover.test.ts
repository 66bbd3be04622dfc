// biome-ignore-all lint/style/noRestrictedImports: tests run on Node's own runner; the rule guards shipped core code.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { reduceBipartiteCover } from "./reduce-bipartite-cover.ts";
import { type BipartiteCoverInput, solveMinWeightBipartiteCover } from "./solve-bipartite-cover.ts";

/** Cheapest cover by trying every set of left nodes (the right nodes are then forced). */
function bruteForceCost(input: BipartiteCoverInput): number {
  let best = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 1 << input.leftCost.length; mask++) {
    const needed = new Uint8Array(input.rightCost.length);
    let cost = 0;
    input.leftCost.forEach((price, left) => {
      if (mask & (1 << left)) cost += price;
    });
    input.edgeLeft.forEach((left, edge) => {
      if (!(mask & (1 << left))) needed[input.edgeRight[edge] as number] = 1;
    });
    needed.forEach((flag, right) => {
      if (flag) cost += input.rightCost[right] as number;
    });
    best = Math.min(best, cost);
  }
  return best;
}

function coverCost(input: BipartiteCoverInput, left: Uint8Array, right: Uint8Array): number {
  input.edgeLeft.forEach((node, edge) => {
    assert.ok(
      left[node] === 1 || right[input.edgeRight[edge] as number] === 1,
      `edge ${edge} uncovered`,
    );
  });
  let cost = 0;
  left.forEach((flag, node) => {
    if (flag) cost += input.leftCost[node] as number;
  });
  right.forEach((flag, node) => {
    if (flag) cost += input.rightCost[node] as number;
  });
  return cost;
}

const coverInput = (maxLeft: number, maxRight: number, maxEdges: number, maxCost: number) =>
  fc
    .record({
      leftCost: fc.array(fc.integer({ min: 0, max: maxCost }), {
        minLength: 1,
        maxLength: maxLeft,
      }),
      rightCost: fc.array(fc.integer({ min: 0, max: maxCost }), {
        minLength: 1,
        maxLength: maxRight,
      }),
    })
    .chain(({ leftCost, rightCost }) =>
      fc
        .array(
          fc.tuple(
            fc.integer({ min: 0, max: leftCost.length - 1 }),
            fc.integer({ min: 0, max: rightCost.length - 1 }),
          ),
          { maxLength: maxEdges },
        )
        .map(
          (edges): BipartiteCoverInput => ({
            leftCost: Float64Array.from(leftCost),
            rightCost: Float64Array.from(rightCost),
            edgeLeft: Int32Array.from(edges, (edge) => edge[0]),
            edgeRight: Int32Array.from(edges, (edge) => edge[1]),
          }),
        ),
    );

function solveReducedAndLift(input: BipartiteCoverInput) {
  const reduction = reduceBipartiteCover(input);
  const reducedCover = solveMinWeightBipartiteCover(reduction.reduced);
  const lifted = reduction.lift(reducedCover.leftInCover, reducedCover.rightInCover);
  return { reduction, reducedCover, lifted };
}

test("reduceBipartiteCover", async (t) => {
  await t.test(
    "the reduced optimum plus the fixed cost is the brute-force optimum, and the lifted cover attains it",
    () => {
      fc.assert(
        fc.property(coverInput(7, 7, 16, 6), (input) => {
          const { reduction, reducedCover, lifted } = solveReducedAndLift(input);
          const optimum = bruteForceCost(input);
          assert.equal(reducedCover.cost + reduction.fixedCost, optimum);
          assert.equal(coverCost(input, lifted.leftInCover, lifted.rightInCover), optimum);
        }),
        { numRuns: 1_000 },
      );
    },
  );

  await t.test("keeps the optimum on larger random graphs (many pendants and twins)", () => {
    fc.assert(
      fc.property(coverInput(60, 60, 150, 3), (input) => {
        const { reduction, reducedCover, lifted } = solveReducedAndLift(input);
        const optimum = solveMinWeightBipartiteCover(input).cost;
        assert.equal(reducedCover.cost + reduction.fixedCost, optimum);
        assert.equal(coverCost(input, lifted.leftInCover, lifted.rightInCover), optimum);
        assert.ok(reduction.stats.edgesAfter <= reduction.stats.edgesBefore);
      }),
      { numRuns: 200 },
    );
  });

  await t.test(
    "folds a pendant cheaper than its neighbour and takes a neighbour no dearer than its pendant",
    () => {
      // Left 0 (cost 5) – right 0 (cost 3): fold right 0 into left 0. Left 1 (2) – right 1 (9): take left 1.
      const input: BipartiteCoverInput = {
        leftCost: Float64Array.from([5, 2]),
        rightCost: Float64Array.from([3, 9]),
        edgeLeft: Int32Array.from([0, 1]),
        edgeRight: Int32Array.from([0, 1]),
      };
      const { reduction, lifted } = solveReducedAndLift(input);
      assert.equal(reduction.fixedCost, 5);
      assert.equal(reduction.stats.edgesAfter, 0);
      assert.deepEqual([...lifted.leftInCover, ...lifted.rightInCover], [0, 1, 1, 0]);
    },
  );

  await t.test("merges twins with their summed cost", () => {
    // Users 0 and 1 both use devices 0 and 1: one merged user of cost 8 against devices of cost 3 each.
    const input: BipartiteCoverInput = {
      leftCost: Float64Array.from([4, 4]),
      rightCost: Float64Array.from([3, 3]),
      edgeLeft: Int32Array.from([0, 0, 1, 1]),
      edgeRight: Int32Array.from([0, 1, 0, 1]),
    };
    const { reduction, reducedCover, lifted } = solveReducedAndLift(input);
    assert.ok(reduction.stats.twinsMerged >= 1);
    assert.equal(reducedCover.cost + reduction.fixedCost, 6);
    assert.deepEqual([...lifted.rightInCover], [1, 1]);
  });
});
