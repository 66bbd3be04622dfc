// biome-ignore-all lint/style/noRestrictedImports: tests run on Node's own runner; the rule guards shipped core code.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { buildBipartiteCoverNetwork } from "./solve-bipartite-cover.ts";
import { type BipartiteCoverInput, solveBipartiteCoverCut } from "./solve-bipartite-cover-cut.ts";
import { solveMinCut } from "./solve-min-cut.ts";
import { verifyMinCut } from "./verify-min-cut.ts";

/** The input with its edges grouped by left node (the order solveBipartiteCoverCut needs). */
function sortedInputOf(
  leftCost: readonly number[],
  rightCost: readonly number[],
  edges: readonly (readonly [number, number])[],
): BipartiteCoverInput {
  const sorted = [...edges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return {
    leftCost: Float64Array.from(leftCost),
    rightCost: Float64Array.from(rightCost),
    edgeLeft: Int32Array.from(sorted, (edge) => edge[0]),
    edgeRight: Int32Array.from(sorted, (edge) => edge[1]),
  };
}

/** The cut from the pair arrays against solveMinCut on the built network: same value, same minimal side, valid flow. */
function assertSameAsSolveMinCut(input: BipartiteCoverInput): void {
  const cut = solveBipartiteCoverCut(input);
  assert.ok(cut !== undefined, "the cut from the pair arrays gave up");
  const network = buildBipartiteCoverNetwork(input);
  const reference = solveMinCut(network);
  assert.equal(cut.value, reference.value);
  assert.deepEqual([...cut.sourceSide], [...reference.sourceSide]);
  assert.deepEqual(verifyMinCut(network, cut), { valid: true });
}

const smallGraph = fc
  .record({
    leftCost: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 9 }),
    rightCost: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 9 }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 40 }),
  })
  .map(({ leftCost, rightCost, edges }) =>
    sortedInputOf(
      leftCost,
      rightCost,
      edges.map(([left, right]) => [left % leftCost.length, right % rightCost.length] as const),
    ),
  );

/** Greedy: left 0 fills right 0; left 1 (only right 0) is then stuck until left 0 moves to right 1. */
function blockedGraph(): BipartiteCoverInput {
  return sortedInputOf(
    [1, 1],
    [1, 1],
    [
      [0, 0],
      [0, 1],
      [1, 0],
    ],
  );
}

test("solveBipartiteCoverCut", async (t) => {
  await t.test("sends back along a used edge when the greedy pass blocks a left node", () => {
    const input = blockedGraph();
    const cut = solveBipartiteCoverCut(input);
    assert.equal(cut?.value, 2);
    // Flow: source arcs 1, 1; edges (0,0) 0, (0,1) 1, (1,0) 1; sink arcs 1, 1.
    assert.deepEqual([...(cut?.flow ?? [])], [1, 1, 0, 1, 1, 1, 1]);
    assertSameAsSolveMinCut(input);
  });

  await t.test("marks what the source still reaches when some left cost cannot be sent", () => {
    // Two left nodes of cost 5 share one right node of cost 3: the right node is the cover.
    const input = sortedInputOf(
      [5, 5],
      [3],
      [
        [0, 0],
        [1, 0],
      ],
    );
    const cut = solveBipartiteCoverCut(input);
    assert.equal(cut?.value, 3);
    assert.deepEqual([...(cut?.sourceSide ?? [])], [1, 1, 1, 1, 0]);
    assertSameAsSolveMinCut(input);
  });

  await t.test(
    "equals solveMinCut on random graphs: value, minimal source side, certificate",
    () => {
      fc.assert(fc.property(smallGraph, assertSameAsSolveMinCut), { numRuns: 400 });
    },
  );

  await t.test("equals solveMinCut on a large random graph with costs near each other", () => {
    let seed = 11;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    const edges: [number, number][] = [];
    for (let edge = 0; edge < 60_000; edge++) {
      edges.push([Math.floor(random() * 9_000), Math.floor(random() * 11_000)]);
    }
    assertSameAsSolveMinCut(
      sortedInputOf(
        Array.from({ length: 9_000 }, () => 30 + Math.floor(random() * 20)),
        Array.from({ length: 11_000 }, () => 25 + Math.floor(random() * 20)),
        edges,
      ),
    );
  });

  await t.test("gives up past its search budget, not before it is needed", () => {
    const blocked = blockedGraph();
    assert.equal(solveBipartiteCoverCut(blocked, 0), undefined);
    // The greedy pass alone fills every source arc: no search, so no budget is needed.
    const easy = sortedInputOf(
      [1, 1],
      [1, 1],
      [
        [0, 0],
        [1, 1],
      ],
    );
    assert.equal(solveBipartiteCoverCut(easy, 0)?.value, 2);
  });

  await t.test("leaves edges not grouped by left node to solveMinCut", () => {
    const input = sortedInputOf([1, 1], [1], [[0, 0]]);
    const unsorted = { ...input, edgeLeft: Int32Array.of(1, 0), edgeRight: Int32Array.of(0, 0) };
    assert.equal(solveBipartiteCoverCut(unsorted), undefined);
  });

  await t.test("rejects what buildBipartiteCoverNetwork rejects", () => {
    const input = sortedInputOf([1], [1], [[0, 0]]);
    assert.throws(
      () => solveBipartiteCoverCut({ ...input, leftCost: Float64Array.of(-1) }),
      RangeError,
    );
    assert.throws(
      () => solveBipartiteCoverCut({ ...input, rightCost: Float64Array.of(0.5) }),
      RangeError,
    );
    assert.throws(
      () => solveBipartiteCoverCut({ ...input, edgeRight: Int32Array.of(1) }),
      RangeError,
    );
    assert.throws(
      () => solveBipartiteCoverCut({ ...input, edgeRight: Int32Array.of() }),
      RangeError,
    );
  });
});
