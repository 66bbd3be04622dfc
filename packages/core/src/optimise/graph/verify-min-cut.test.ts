// biome-ignore-all lint/style/noRestrictedImports: tests run on Node's own runner; the rule guards shipped core code.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { FlowNetwork, MinCutResult } from "./flow-network.ts";
import { solveMinCut } from "./solve-min-cut.ts";
import { verifyMinCut } from "./verify-min-cut.ts";

const inf = Number.POSITIVE_INFINITY;

function networkOf(
  nodeCount: number,
  arcs: readonly (readonly [number, number, number])[],
): FlowNetwork {
  return {
    nodeCount,
    source: 0,
    sink: nodeCount - 1,
    arcFrom: Int32Array.from(arcs, (arc) => arc[0]),
    arcTo: Int32Array.from(arcs, (arc) => arc[1]),
    arcCapacity: Float64Array.from(arcs, (arc) => arc[2]),
  };
}

/** s=0 -> 1 -> 3=t and s -> 2 -> t, capacities 3/2 and 4/inf: value 6, minimum cut {0, 1} | {2, 3}. */
const diamond = networkOf(4, [
  [0, 1, 3],
  [1, 3, 2],
  [0, 2, 4],
  [2, 3, inf],
]);
const diamondCut: MinCutResult = {
  value: 6,
  flow: Float64Array.of(2, 2, 4, 4),
  sourceSide: Uint8Array.of(1, 1, 0, 0),
};

function tampered(change: Partial<MinCutResult>): MinCutResult {
  return { ...diamondCut, ...change };
}

function problemsOf(network: FlowNetwork, result: MinCutResult): readonly string[] {
  const verdict = verifyMinCut(network, result);
  assert.equal(verdict.valid, false, "a tampered certificate was accepted");
  return verdict.valid ? [] : verdict.problems;
}

function cutCapacity(network: FlowNetwork, side: Uint8Array): number {
  let capacity = 0;
  for (let arc = 0; arc < network.arcFrom.length; arc++) {
    if (side[network.arcFrom[arc] as number] === 1 && side[network.arcTo[arc] as number] === 0) {
      capacity += network.arcCapacity[arc] as number;
    }
  }
  return capacity;
}

test("verifyMinCut", async (t) => {
  await t.test("accepts an optimal flow with a minimum cut", () => {
    assert.deepEqual(verifyMinCut(diamond, diamondCut), { valid: true });
  });

  // Each rejection names its reasons: the verdict lists exactly what is wrong with the certificate.
  await t.test("rejects a flow that is not conserved at a node", () => {
    assert.deepEqual(
      problemsOf(diamond, tampered({ flow: Float64Array.of(3, 2, 4, 4), value: 7 })),
      [
        "node 1 is not conserved: net outflow -1",
        "the cut has capacity 6, but the value claimed is 7",
      ],
    );
  });

  await t.test("rejects a flow above an arc's capacity, below zero or fractional", () => {
    assert.deepEqual(
      problemsOf(diamond, tampered({ flow: Float64Array.of(3, 3, 4, 4), value: 7 })),
      ["arc 1 carries 3, outside 0..2", "the cut has capacity 6, but the value claimed is 7"],
    );
    assert.deepEqual(
      problemsOf(diamond, tampered({ flow: Float64Array.of(-1, -1, 4, 4), value: 3 })),
      [
        "arc 0 carries -1, outside 0..3",
        "arc 1 carries -1, outside 0..2",
        "the cut has capacity 6, but the value claimed is 3",
      ],
    );
    assert.deepEqual(
      problemsOf(diamond, tampered({ flow: Float64Array.of(2, 2, 4.5, 4.5), value: 6.5 })),
      [
        "arc 2 carries 4.5, outside 0..4",
        "arc 3 carries 4.5, outside 0..Infinity",
        "the cut has capacity 6, but the value claimed is 6.5",
      ],
    );
  });

  await t.test("rejects a cut that is not minimum", () => {
    // {s} alone is a cut of capacity 7 > 6.
    assert.deepEqual(problemsOf(diamond, tampered({ sourceSide: Uint8Array.of(1, 0, 0, 0) })), [
      "the cut has capacity 7, but the value claimed is 6",
    ]);
  });

  await t.test("rejects a feasible but smaller flow, even with a matching claimed value", () => {
    // The flow is conserved and sends the 5 it claims, but no cut has capacity 5: weak duality fails.
    assert.deepEqual(
      problemsOf(diamond, tampered({ flow: Float64Array.of(2, 2, 3, 3), value: 5 })),
      ["the cut has capacity 6, but the value claimed is 5"],
    );
  });

  await t.test("rejects a value that the flow does not send", () => {
    assert.deepEqual(problemsOf(diamond, tampered({ value: 5 })), [
      "the source sends out 6, but the value claimed is 5",
      "the cut has capacity 6, but the value claimed is 5",
    ]);
  });

  await t.test("rejects a cut crossed forwards by an infinite arc", () => {
    assert.deepEqual(problemsOf(diamond, tampered({ sourceSide: Uint8Array.of(1, 1, 1, 0) })), [
      "infinite arc 3 crosses the cut forwards",
      "the cut has capacity Infinity, but the value claimed is 6",
    ]);
  });

  await t.test(
    "rejects a side that misplaces the source or the sink, or holds values other than 0 and 1",
    () => {
      assert.deepEqual(problemsOf(diamond, tampered({ sourceSide: Uint8Array.of(0, 0, 1, 0) })), [
        "the source is not on the source side",
        "infinite arc 3 crosses the cut forwards",
        "the cut has capacity Infinity, but the value claimed is 6",
      ]);
      assert.deepEqual(problemsOf(diamond, tampered({ sourceSide: Uint8Array.of(1, 0, 1, 1) })), [
        "the sink is on the source side",
        "the cut has capacity 3, but the value claimed is 6",
      ]);
      assert.deepEqual(problemsOf(diamond, tampered({ sourceSide: Uint8Array.of(1, 2, 0, 0) })), [
        "sourceSide[1] is 2, not 0 or 1",
        "the cut has capacity 7, but the value claimed is 6",
      ]);
    },
  );

  await t.test("rejects arrays of the wrong length", () => {
    assert.deepEqual(problemsOf(diamond, tampered({ flow: Float64Array.of(2, 2, 4) })), [
      "flow has 3 entries for 4 arcs",
    ]);
    assert.deepEqual(problemsOf(diamond, tampered({ sourceSide: Uint8Array.of(1, 0, 1) })), [
      "sourceSide has 3 entries for 4 nodes",
    ]);
  });

  const solvedNetwork = fc
    .record({
      nodeCount: fc.integer({ min: 2, max: 10 }),
      arcs: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 20 })), {
        minLength: 1,
        maxLength: 30,
      }),
    })
    .map(({ nodeCount, arcs }) => {
      const network = networkOf(
        nodeCount,
        arcs.map(([from, to, capacity]) => {
          // No self-loops: flow circulating on one is undetectable, and harmless.
          const head = from % nodeCount === to % nodeCount ? (to + 1) % nodeCount : to % nodeCount;
          return [from % nodeCount, head, capacity] as const;
        }),
      );
      return { network, result: solveMinCut(network) };
    });

  await t.test("rejects any change to a single arc's flow of a solved random network", () => {
    fc.assert(
      fc.property(
        solvedNetwork,
        fc.nat(),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        (solved, pick, size, up) => {
          const { network, result } = solved;
          const flow = result.flow.slice();
          const arc = pick % flow.length;
          flow[arc] = (flow[arc] as number) + (up ? size : -size);
          // The changed arc shows: it leaves its bounds, unbalances an end that is not the source or sink,
          // or changes what the source sends.
          const from = network.arcFrom[arc] as number;
          const to = network.arcTo[arc] as number;
          const named = [
            `arc ${arc} carries `,
            `node ${from} is not conserved`,
            `node ${to} is not conserved`,
            "the source sends out",
          ];
          const problems = problemsOf(network, { ...result, flow });
          assert.ok(
            problems.some((p) => named.some((n) => p.startsWith(n))),
            `no problem names arc ${arc}: ${problems.join("; ")}`,
          );
        },
      ),
    );
  });

  await t.test(
    "accepts a maximum flow with an arbitrary side exactly when that side is a minimum cut",
    () => {
      fc.assert(
        fc.property(
          solvedNetwork,
          fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
          (solved, bits) => {
            const { network, result } = solved;
            const side = Uint8Array.from({ length: network.nodeCount }, (_, node) =>
              bits[node] ? 1 : 0,
            );
            side[network.source] = 1;
            side[network.sink] = 0;
            const verdict = verifyMinCut(network, { ...result, sourceSide: side });
            assert.equal(verdict.valid, cutCapacity(network, side) === result.value);
          },
        ),
      );
    },
  );
});
