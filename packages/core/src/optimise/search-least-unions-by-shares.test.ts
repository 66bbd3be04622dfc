import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { leastUnionByBruteForce } from "./least-union-by-brute-force.test-helper.ts";
import {
  createSharesSearch,
  searchLeastUnionsByShares,
  unionAtMost,
} from "./search-least-unions-by-shares.ts";

const system = fc.integer({ min: 1, max: 10 }).chain((universe) =>
  fc.record({
    universe: fc.constant(universe),
    sets: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: universe - 1 }), { maxLength: 6 }), {
      minLength: 0,
      maxLength: 9,
    }),
    work: fc.integer({ min: 0, max: 20_000 }),
  }),
);

test("every least union is at most the brute force's, and equal to it where it says exact", () => {
  fc.assert(
    fc.property(system, ({ universe, sets, work }) => {
      const found = searchLeastUnionsByShares(sets, universe, sets.length, { left: work });
      assert.equal(found.least.length, sets.length + 1);
      for (let k = 0; k <= sets.length; k++) {
        const reference = leastUnionByBruteForce(sets, k);
        const least = found.least[k] as number;
        assert.ok(least <= reference, `k ${k}: ${least} > ${reference}`);
        if (found.exact[k]) assert.equal(least, reference, `k ${k} said exact`);
        const witness = found.witness[k];
        if (witness) {
          assert.equal(new Set(witness).size, k);
          assert.equal(new Set(witness.flatMap((i) => sets[i] as number[])).size, least);
        }
      }
    }),
    { numRuns: 400 },
  );
});

test("with work to spare every k is exact, and floors given are kept where the search runs out", () => {
  // A loner and two chains of two sets sharing a user: 1, 3, 4, 6 and 7 users for 1 to 5 sets.
  const sets = [[5], [0, 1], [1, 2], [3, 4], [4, 6]];
  const full = searchLeastUnionsByShares(sets, 7, 5, { left: 1_000_000 });
  assert.deepEqual(full.least, [0, 1, 3, 4, 6, 7]);
  assert.ok(full.exact.every((e) => e));
  const starved = searchLeastUnionsByShares(sets, 7, 5, { left: 0 }, [0, 1, 2, 2, 5, 7]);
  assert.equal(starved.least[4], 5);
  assert.equal(starved.exact[4], false);
});

test("a union within a limit is found where one exists, and a 'none' bound is at most the least union", () => {
  fc.assert(
    fc.property(system, fc.integer({ min: 0, max: 10 }), ({ universe, sets, work }, limit) => {
      // One search for every k and limit, as the bound by tiers uses it: its state must come back clean.
      const search = createSharesSearch(sets, universe);
      for (let k = 1; k <= sets.length; k++) {
        const reference = leastUnionByBruteForce(sets, k);
        const test = unionAtMost(search, k, limit, { left: work });
        if (test.kind === "found") {
          assert.equal(new Set(test.sets).size, k);
          const union = new Set(test.sets.flatMap((i) => sets[i] as number[])).size;
          assert.equal(union, test.union);
          assert.ok(union <= limit, `k ${k}: found ${union} over the limit ${limit}`);
        } else if (test.kind === "none") {
          assert.ok(reference > limit, `k ${k}: none within ${limit}, but ${reference}`);
          assert.ok(test.least <= reference, `k ${k}: least ${test.least} > ${reference}`);
        }
      }
    }),
    { numRuns: 400 },
  );
});
