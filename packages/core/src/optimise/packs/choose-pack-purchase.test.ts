// biome-ignore-all lint/style/noRestrictedImports: tests run on Node's own runner; the rule guards shipped core code.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { choosePackPurchase, type PackOffer, type PackPurchase } from "./choose-pack-purchase.ts";

const volumePacks: readonly PackOffer[] = [
  { id: "1-pack", size: 1, price: 40 },
  { id: "5-pack", size: 5, price: 190 },
  { id: "10-pack", size: 10, price: 370 },
  { id: "50-pack", size: 50, price: 1750 },
];

type Score = readonly [cost: number, units: number, packCount: number];

function scoreOf(purchase: PackPurchase): Score {
  return [purchase.cost, purchase.units, purchase.packs.reduce((sum, line) => sum + line.count, 0)];
}

function isBetter(a: Score, b: Score): boolean {
  return a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])));
}

/** Best (cost, units, packs) over every count vector; more than ceil(need/size) of a pack never helps. */
function bruteForceScore(need: number, packs: readonly PackOffer[]): Score {
  let best: Score = [Number.POSITIVE_INFINITY, 0, 0];
  const visit = (index: number, cost: number, units: number, packCount: number) => {
    if (index === packs.length) {
      if (units >= need && isBetter([cost, units, packCount], best))
        best = [cost, units, packCount];
      return;
    }
    const pack = packs[index] as PackOffer;
    for (let count = 0; count <= Math.ceil(need / pack.size); count++) {
      visit(index + 1, cost + count * pack.price, units + count * pack.size, packCount + count);
    }
  };
  visit(0, 0, 0, 0);
  return best;
}

/** Plain covering dynamic programme over every shortfall, without the anchor reduction. */
function referenceScore(need: number, packs: readonly PackOffer[]): Score {
  const best: Score[] = [[0, 0, 0]];
  for (let missing = 1; missing <= need; missing++) {
    let bestHere: Score = [Number.POSITIVE_INFINITY, 0, 0];
    for (const pack of packs) {
      const [cost, units, packCount] = best[Math.max(0, missing - pack.size)] as Score;
      const candidate: Score = [cost + pack.price, units + pack.size, packCount + 1];
      if (isBetter(candidate, bestHere)) bestHere = candidate;
    }
    best.push(bestHere);
  }
  return best[need] as Score;
}

function assertConsistent(need: number, packs: readonly PackOffer[], purchase: PackPurchase): void {
  let units = 0;
  let cost = 0;
  for (const line of purchase.packs) {
    const offer = packs.find((pack) => pack.id === line.id);
    assert.ok(offer, `unknown pack ${line.id}`);
    assert.equal(line.size, offer.size);
    assert.equal(line.price, offer.price);
    assert.ok(Number.isInteger(line.count) && line.count > 0);
    units += line.count * line.size;
    cost += line.count * line.price;
  }
  assert.equal(purchase.units, units);
  assert.equal(purchase.cost, cost);
  assert.ok(units >= need);
}

const packList = fc
  .array(
    fc.record({ size: fc.integer({ min: 1, max: 20 }), price: fc.integer({ min: 0, max: 100 }) }),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((offers) => offers.map((offer, index) => ({ id: `pack-${index}`, ...offer })));

test("choosePackPurchase", async (t) => {
  await t.test("over-buys one 50-pack for a need of 48 because it is cheaper", () => {
    assert.deepEqual(choosePackPurchase(48, volumePacks), {
      packs: [{ id: "50-pack", size: 50, price: 1750, count: 1 }],
      units: 50,
      cost: 1750,
    });
  });

  await t.test("buys two 10-packs and three singles for a need of 23", () => {
    assert.deepEqual(choosePackPurchase(23, volumePacks), {
      packs: [
        { id: "1-pack", size: 1, price: 40, count: 3 },
        { id: "10-pack", size: 10, price: 370, count: 2 },
      ],
      units: 23,
      cost: 860,
    });
  });

  await t.test("buys nothing for a need of 0", () => {
    assert.deepEqual(choosePackPurchase(0, volumePacks), { packs: [], units: 0, cost: 0 });
  });

  await t.test("on equal cost takes fewer units, then fewer packs", () => {
    const sameCost = [
      { id: "three", size: 3, price: 10 },
      { id: "two", size: 2, price: 10 },
    ];
    assert.equal(choosePackPurchase(2, sameCost).units, 2);
    const sameUnits = [
      { id: "single", size: 1, price: 5 },
      { id: "double", size: 2, price: 10 },
    ];
    assert.deepEqual(choosePackPurchase(4, sameUnits).packs, [
      { id: "double", size: 2, price: 10, count: 2 },
    ]);
  });

  await t.test("handles a need of 200,000 and agrees with the plain dynamic programme", () => {
    const purchase = choosePackPurchase(200_000, volumePacks);
    assert.deepEqual(purchase.packs, [{ id: "50-pack", size: 50, price: 1750, count: 4000 }]);
    const awkward = [
      { id: "a", size: 7, price: 100 },
      { id: "b", size: 13, price: 180 },
      { id: "c", size: 1000, price: 14001 },
      { id: "d", size: 3, price: 44 },
    ];
    const need = 199_999;
    const result = choosePackPurchase(need, awkward);
    assertConsistent(need, awkward, result);
    assert.deepEqual(scoreOf(result), referenceScore(need, awkward));
  });

  await t.test("rejects an empty pack list, bad sizes, bad prices and a bad need", () => {
    assert.throws(() => choosePackPurchase(3, []), RangeError);
    assert.throws(() => choosePackPurchase(0, []), RangeError);
    assert.throws(() => choosePackPurchase(3, [{ id: "x", size: 0, price: 1 }]), RangeError);
    assert.throws(() => choosePackPurchase(3, [{ id: "x", size: 1.5, price: 1 }]), RangeError);
    assert.throws(() => choosePackPurchase(3, [{ id: "x", size: 1, price: -1 }]), RangeError);
    assert.throws(() => choosePackPurchase(3, [{ id: "x", size: 1, price: 0.5 }]), RangeError);
    assert.throws(() => choosePackPurchase(-1, volumePacks), RangeError);
    assert.throws(() => choosePackPurchase(2.5, volumePacks), RangeError);
  });

  await t.test("throws RangeError when the total price would leave the safe-integer range", () => {
    assert.throws(
      () => choosePackPurchase(1000, [{ id: "x", size: 1, price: 2 ** 50 }]),
      RangeError,
    );
  });

  await t.test("matches brute force for needs up to 60 on random pack lists", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), packList, (need, packs) => {
        const purchase = choosePackPurchase(need, packs);
        assertConsistent(need, packs, purchase);
        assert.deepEqual(scoreOf(purchase), bruteForceScore(need, packs));
      }),
      { numRuns: 500 },
    );
  });

  await t.test(
    "the anchor reduction agrees with the plain dynamic programme for larger needs",
    () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 3000 }), packList, (need, packs) => {
          const purchase = choosePackPurchase(need, packs);
          assertConsistent(need, packs, purchase);
          assert.deepEqual(scoreOf(purchase), referenceScore(need, packs));
        }),
        { numRuns: 200 },
      );
    },
  );
});
