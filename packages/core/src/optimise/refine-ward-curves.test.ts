import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { leastUnionByBruteForce } from "./least-union-by-brute-force.test-helper.ts";
import { refineWardCurves, type WardCurves } from "./refine-ward-curves.ts";

/** Devices over a few users: per device all its users, and the users of its newer pairs (a subset of them). */
const ward = fc.integer({ min: 1, max: 8 }).chain((universe) =>
  fc.record({
    universe: fc.constant(universe),
    devices: fc.array(
      fc
        .uniqueArray(fc.integer({ min: 0, max: universe - 1 }), { minLength: 1, maxLength: 5 })
        .chain((all) => fc.record({ all: fc.constant(all), newer: fc.subarray(all) })),
      { minLength: 1, maxLength: 7 },
    ),
    // The cells the bound asks about, in order: users, released, lowered (taken modulo the ward's sizes).
    cells: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 12 }),
    work: fc.integer({ min: 0, max: 5_000 }),
  }),
);

test("the refined curves stay at or below the least unions, and what they reach is real", () => {
  fc.assert(
    fc.property(ward, ({ universe, devices, cells, work }) => {
      const all = devices.map((d) => d.all);
      const newer = devices.map((d) => d.newer);
      const size = devices.length + 1;
      const curves: WardCurves = {
        released: new Array(size).fill(0),
        lowered: new Array(size).fill(0),
        reachedReleased: new Array(size).fill(Number.POSITIVE_INFINITY),
        reachedLowered: new Array(size).fill(Number.POSITIVE_INFINITY),
        loweredWitness: new Array(size).fill(undefined),
      };
      // Any cell below the target, in the order given, then none: refinement must hold whatever it is asked.
      let asked = 0;
      const cheapest = () => {
        const cell = cells[asked++];
        if (!cell) return { price: 1, users: 0, released: 0, lowered: 0 };
        const [users, released, lowered] = cell;
        return {
          price: 0,
          users: users % (universe + 1),
          released: released % size,
          lowered: lowered % size,
        };
      };
      refineWardCurves(all, newer, universe, curves, cheapest, 1, { left: work });
      for (let k = 0; k < size; k++) {
        const rel = leastUnionByBruteForce(all, k);
        const low = leastUnionByBruteForce(newer, k);
        assert.ok(
          (curves.released[k] as number) <= rel,
          `released ${k}: ${curves.released[k]} > ${rel}`,
        );
        assert.ok(
          (curves.lowered[k] as number) <= low,
          `lowered ${k}: ${curves.lowered[k]} > ${low}`,
        );
        assert.ok((curves.reachedReleased[k] as number) >= rel);
        assert.ok((curves.reachedLowered[k] as number) >= low);
        const witness = curves.loweredWitness[k];
        if (witness) {
          assert.equal(new Set(witness).size, k);
          const union = new Set(witness.flatMap((j) => newer[j] as number[])).size;
          assert.ok(union <= (curves.reachedLowered[k] as number));
        }
      }
    }),
    { numRuns: 400 },
  );
});

test("a cell below the target is asked about until the curves rule it out or reach it", () => {
  // Three devices, each released by two users of their own and lowered by one: one released device needs 2
  // users, two need 4; a cell that releases two with 3 users is ruled out, one that releases one with 2 reached.
  const all = [
    [0, 1],
    [2, 3],
    [4, 5],
  ];
  const newer = [[0], [2], [4]];
  const curves: WardCurves = {
    released: [0, 0, 0, 0],
    lowered: [0, 0, 0, 0],
    reachedReleased: [0, Infinity, Infinity, Infinity],
    reachedLowered: [0, Infinity, Infinity, Infinity],
    loweredWitness: [[], undefined, undefined, undefined],
  };
  const cheapest = () =>
    (curves.released[2] as number) <= 3
      ? { price: 0, users: 3, released: 2, lowered: 2 }
      : { price: 0, users: 2, released: 1, lowered: 1 };
  const out = refineWardCurves(all, newer, 6, curves, cheapest, 1, { left: 100_000 });
  assert.equal(out.stopped, "reached");
  assert.deepEqual(curves.released, [0, 0, 4, 4]);
  assert.equal(curves.reachedReleased[1], 2);
  assert.equal(curves.reachedLowered[1], 1);
  assert.deepEqual(out.witness?.length, 1);
});
