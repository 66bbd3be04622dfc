// The optimiser on the benchmark's generated estates (scripts/bench-access-graph.ts): the certificate of
// every answer is checked independently, at a size where bugs that small graphs hide would show.
// No timings here: they live in docs/benchmarks.md.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { type CoverEdge, chooseCalMix } from "../../packages/core/src/optimise/choose-cal-mix.ts";
import { reduceBipartiteCover } from "../../packages/core/src/optimise/graph/reduce-bipartite-cover.ts";
import { solveMinWeightBipartiteCover } from "../../packages/core/src/optimise/graph/solve-bipartite-cover.ts";
import { verifyMinCut } from "../../packages/core/src/optimise/graph/verify-min-cut.ts";
import { generateAccessGraph } from "../../scripts/bench-access-graph.ts";
import { solveBaselineMinCutOf } from "../../scripts/bench-baseline-push-relabel.ts";

test("the optimiser on generated estates", async (t) => {
  for (const [shape, pairs, userPrice, devicePrice] of [
    ["estate", 150_000, 4_500, 3_800],
    ["estate", 150_000, 4_000, 4_000],
    ["hospital", 100_000, 4_500, 3_800],
    ["hard", 60_000, 100, 87],
    ["hard", 60_000, 100, 100],
  ] as const) {
    await t.test(
      `${shape}, ${pairs} pairs, prices ${userPrice}/${devicePrice}: a verified minimum cut, every pair covered, reductions agree`,
      () => {
        const graph = generateAccessGraph(shape, pairs, 99);
        const input = {
          leftCost: new Float64Array(graph.userCount).fill(userPrice),
          rightCost: new Float64Array(graph.deviceCount).fill(devicePrice),
          edgeLeft: graph.pairUser,
          edgeRight: graph.pairDevice,
        };
        const cover = solveMinWeightBipartiteCover(input);
        assert.deepEqual(verifyMinCut(cover.network, cover.cut), { valid: true });
        for (let pair = 0; pair < graph.pairUser.length; pair++) {
          assert.ok(
            cover.leftInCover[graph.pairUser[pair] as number] === 1 ||
              cover.rightInCover[graph.pairDevice[pair] as number] === 1,
          );
        }
        // An independent reference: the benchmark's textbook push-relabel finds the same value.
        const { network } = cover;
        const baseline = solveBaselineMinCutOf(network);
        assert.equal(cover.cost, baseline.value);
        const reduction = reduceBipartiteCover(input);
        const reduced = solveMinWeightBipartiteCover(reduction.reduced);
        assert.equal(reduced.cost + reduction.fixedCost, cover.cost);
      },
    );
  }

  await t.test(
    "hard family, 40 seeds of 300–6,000 pairs, prices near 1 and equal: the same value as the textbook push-relabel, certificate verified",
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 300, max: 6_000 }),
          fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          fc.constantFrom([100, 87], [100, 100], [87, 100]),
          (pairs, seed, [userPrice, devicePrice]) => {
            const graph = generateAccessGraph("hard", pairs, seed);
            const cover = solveMinWeightBipartiteCover({
              leftCost: new Float64Array(graph.userCount).fill(userPrice as number),
              rightCost: new Float64Array(graph.deviceCount).fill(devicePrice as number),
              edgeLeft: graph.pairUser,
              edgeRight: graph.pairDevice,
            });
            assert.deepEqual(verifyMinCut(cover.network, cover.cut), { valid: true });
            const { network } = cover;
            const baseline = solveBaselineMinCutOf(network);
            assert.equal(cover.cost, baseline.value);
            // The baseline's cut has the same capacity, so it is a minimum cut too.
            let baselineCut = 0;
            for (let arc = 0; arc < network.arcFrom.length; arc++) {
              if (
                baseline.sourceSide[network.arcFrom[arc] as number] === 1 &&
                baseline.sourceSide[network.arcTo[arc] as number] === 0
              ) {
                baselineCut += network.arcCapacity[arc] as number;
              }
            }
            assert.equal(baselineCut, baseline.value);
          },
        ),
        { numRuns: 40 },
      );
    },
  );

  await t.test(
    "chooseCalMix with string ids and two versions: certificate verified, cost no more than all-users or all-devices",
    () => {
      const graph = generateAccessGraph("estate", 100_000, 98);
      const edges: CoverEdge[] = Array.from(graph.pairUser, (user, pair) => ({
        user: `U${user}`,
        device: `D${graph.pairDevice[pair]}`,
        tier: graph.pairTier[pair] as number,
        deviceOnly: false,
        userOnly: false,
      }));
      const mix = chooseCalMix({ edges, userCost: [4_500, 5_175], deviceCost: [3_800, 4_370] });
      assert.ok(mix.certificate.verified, mix.certificate.problems.join("; "));
      assert.equal(mix.certificate.maxFlow, mix.certificate.cutCapacity);
      const topOf = new Map<string, number>();
      for (const edge of edges) {
        const key = edge.user as string;
        topOf.set(key, Math.max(topOf.get(key) ?? -1, edge.tier));
      }
      let allUsers = 0;
      for (const top of topOf.values()) allUsers += top === 0 ? 4_500 : 5_175;
      assert.ok(mix.cost <= allUsers);
    },
  );
});
