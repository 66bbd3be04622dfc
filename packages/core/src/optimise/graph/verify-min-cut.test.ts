// biome-ignore-all lint/style/noRestrictedImports: tests run on Node's own runner; the rule guards shipped core code.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
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

describe("verifyMinCut", () => {
  test("accepts an optimal flow with a minimum cut", () => {
    assert.deepEqual(verifyMinCut(diamond, diamondCut), { valid: true });
  });

  test("rejects a flow that is not conserved at a node", () => {
    const problems = problemsOf(diamond, tampered({ flow: Float64Array.of(3, 2, 4, 4), value: 7 }));
    assert.ok(problems.some((problem) => problem.includes("node 1 is not conserved")));
  });

  test("rejects a flow above an arc's capacity or below zero", () => {
    problemsOf(diamond, tampered({ flow: Float64Array.of(3, 3, 4, 4), value: 7 }));
    problemsOf(diamond, tampered({ flow: Float64Array.of(-1, -1, 4, 4), value: 3 }));
    problemsOf(diamond, tampered({ flow: Float64Array.of(2, 2, 4.5, 4.5), value: 6.5 }));
  });

  test("rejects a cut that is not minimum", () => {
    // {s} alone is a cut of capacity 7 > 6.
    const problems = problemsOf(diamond, tampered({ sourceSide: Uint8Array.of(1, 0, 0, 0) }));
    assert.ok(problems.some((problem) => problem.includes("capacity 7")));
  });

  test("rejects a feasible but smaller flow, even with a matching claimed value", () => {
    problemsOf(diamond, tampered({ flow: Float64Array.of(2, 2, 3, 3), value: 5 }));
  });

  test("rejects a value that the flow does not send", () => {
    problemsOf(diamond, tampered({ value: 5 }));
  });

  test("rejects a cut crossed forwards by an infinite arc", () => {
    const problems = problemsOf(diamond, tampered({ sourceSide: Uint8Array.of(1, 1, 1, 0) }));
    assert.ok(problems.some((problem) => problem.includes("infinite arc 3")));
  });

  test("rejects a side that misplaces the source or the sink, or holds values other than 0 and 1", () => {
    problemsOf(diamond, tampered({ sourceSide: Uint8Array.of(0, 0, 1, 0) }));
    problemsOf(diamond, tampered({ sourceSide: Uint8Array.of(1, 0, 1, 1) }));
    problemsOf(diamond, tampered({ sourceSide: Uint8Array.of(1, 2, 0, 0) }));
  });

  test("rejects arrays of the wrong length", () => {
    problemsOf(diamond, tampered({ flow: Float64Array.of(2, 2, 4) }));
    problemsOf(diamond, tampered({ sourceSide: Uint8Array.of(1, 0, 1) }));
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

  test("rejects any change to a single arc's flow of a solved random network", () => {
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
          problemsOf(network, { ...result, flow });
        },
      ),
    );
  });

  test("accepts a maximum flow with an arbitrary side exactly when that side is a minimum cut", () => {
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
  });
});
