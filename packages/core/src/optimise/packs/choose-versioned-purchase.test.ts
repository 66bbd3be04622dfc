// biome-ignore-all lint/style/noRestrictedImports: tests run on Node's own runner; the rule guards shipped core code.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { cheapestBySplits } from "./cheapest-by-splits.test-helper.ts";
import { choosePackPurchase, type PackOffer } from "./choose-pack-purchase.ts";
import { chooseVersionedPurchase } from "./choose-versioned-purchase.ts";

/** The answer's units serve the needs (Hall's condition per tier) and its packs cost what it says. */
function assertSound(
  needed: readonly number[],
  packs: readonly (readonly PackOffer[])[],
  answer: { units: readonly number[]; cost: number },
) {
  let units = 0;
  let needs = 0;
  for (let k = needed.length - 1; k >= 0; k--) {
    units += answer.units[k] as number;
    needs += needed[k] as number;
    assert.ok(units >= needs, `tier ${k}: ${units} units for ${needs} needs`);
  }
  const paid = answer.units.reduce(
    (s, n, v) => s + (n === 0 ? 0 : choosePackPurchase(n, packs[v] as PackOffer[]).cost),
    0,
  );
  assert.equal(paid, answer.cost);
}

/** The answer exists, is sound, and costs what the cheapest split between versions costs. */
function assertCheapest(needed: readonly number[], packs: readonly (readonly PackOffer[])[]) {
  const answer = chooseVersionedPurchase(needed, packs);
  assert.ok(answer);
  assertSound(needed, packs, answer);
  assert.equal(answer.cost, cheapestBySplits(needed, packs));
}

const sizes = [1, 2, 3, 5, 10, 20, 25, 50];

/** Packs per version, the newest always sold (so every need can be served). */
const arbitraryMarket = (tiers: number, maxPrice: number) =>
  fc
    .array(
      fc.array(
        fc.record({
          size: fc.constantFrom(...sizes),
          price: fc.integer({ min: 1, max: maxPrice }),
        }),
        { maxLength: 4 },
      ),
      { minLength: tiers, maxLength: tiers },
    )
    .chain((raw) =>
      fc
        .record({ size: fc.constantFrom(...sizes), price: fc.integer({ min: 1, max: maxPrice }) })
        .map((extra) =>
          raw.map((offers, v) =>
            (v === tiers - 1 && offers.length === 0 ? [extra] : offers).map((o, i) => ({
              id: `${v}:${i}`,
              ...o,
            })),
          ),
        ),
    );

test("small needs over 1-4 versions: the cheapest of every split between versions", () => {
  fc.assert(
    fc.property(
      fc
        .integer({ min: 1, max: 4 })
        .chain((tiers) =>
          fc.tuple(
            fc.array(fc.integer({ min: 0, max: 30 }), { minLength: tiers, maxLength: tiers }),
            arbitraryMarket(tiers, 2_000),
          ),
        ),
      ([needed, packs]) => {
        assertCheapest(needed, packs);
      },
    ),
    { numRuns: 400 },
  );
});

test("five or six versions (2008 to 2025), a few needs each: the cheapest of every split", () => {
  fc.assert(
    fc.property(
      fc
        .integer({ min: 5, max: 6 })
        .chain((tiers) =>
          fc.tuple(
            fc.array(fc.integer({ min: 0, max: 12 }), { minLength: tiers, maxLength: tiers }),
            arbitraryMarket(tiers, 500),
          ),
        ),
      ([needed, packs]) => assertCheapest(needed, packs),
    ),
    { numRuns: 150 },
  );
});

test("needs past 600 units, volume-discounted packs of 2-3 versions: the cheapest of every split", () => {
  // Packs 1/5/10/50 with a discount per size and a dearer or cheaper rate per version, as price lists are.
  const versionMarket = (tiers: number) =>
    fc
      .array(
        fc.record({
          unit: fc.integer({ min: 50, max: 120 }),
          discounts: fc.array(fc.integer({ min: 70, max: 100 }), { minLength: 4, maxLength: 4 }),
          sold: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        }),
        { minLength: tiers, maxLength: tiers },
      )
      .map((versions) =>
        versions.map(({ unit, discounts, sold }, v) =>
          [1, 5, 10, 50].flatMap((size, i) =>
            sold[i] || (v === tiers - 1 && i === 0)
              ? [
                  {
                    id: `${v}:${size}`,
                    size,
                    price: Math.round((unit * size * (discounts[i] as number)) / 100),
                  },
                ]
              : [],
          ),
        ),
      );
  fc.assert(
    fc.property(
      fc
        .integer({ min: 2, max: 3 })
        .chain((tiers) =>
          fc.tuple(
            fc.array(fc.integer({ min: 0, max: 700 }), { minLength: tiers, maxLength: tiers }),
            versionMarket(tiers),
          ),
        ),
      ([needed, packs]) => {
        assertCheapest(needed, packs);
      },
    ),
    { numRuns: 100 },
  );
});

test("near-equal rates of large packs (a long window before the period): the cheapest of every split", () => {
  // Sizes 49 and 50 (or 23 and 25) at almost the same price per unit: the cost repeats every 50 units only
  // after hundreds of units, so a period read too early would be wrong.
  fc.assert(
    fc.property(
      fc.tuple(fc.integer({ min: 0, max: 1_500 }), fc.integer({ min: 0, max: 400 })),
      fc.constantFrom([49, 50], [23, 25], [7, 11]),
      fc.integer({ min: 0, max: 3 }),
      ([older, newer], [small, large], slack) => {
        const packs = [
          [
            { id: "small", size: small as number, price: 100 * (small as number) + slack },
            { id: "large", size: large as number, price: 100 * (large as number) },
          ],
          [{ id: "newer", size: 5, price: 520 }],
        ];
        assertCheapest([older, newer], packs);
      },
    ),
    { numRuns: 60 },
  );
});

test("two versions at estate sizes (thousands of units): the cheapest of every split", () => {
  fc.assert(
    fc.property(
      fc.tuple(fc.integer({ min: 600, max: 20_000 }), fc.integer({ min: 0, max: 5_000 })),
      fc.array(fc.integer({ min: 1, max: 5_000 }), { minLength: 6, maxLength: 6 }),
      ([older, newer], prices) => {
        const packs = [0, 1].map((v) =>
          [1, 10, 50].map((size, i) => ({
            id: `${v}:${size}`,
            size,
            price: Math.min(prices[3 * v + i] as number, size * 100),
          })),
        );
        assertCheapest([older, newer], packs);
      },
    ),
    { numRuns: 30 },
  );
});

test("a 2016 need bought as 2019 CALs when the 50-packs round better (the 100k estate's users)", () => {
  const packs = [4_000, 4_400, 4_800].map((unit, v) =>
    [
      [1, 1],
      [5, 0.95],
      [10, 0.925],
      [50, 0.875],
    ].map(([size, discount]) => ({
      id: `${v}:${size}`,
      size: size as number,
      price: Math.round(unit * (size as number) * (discount as number)),
    })),
  );
  const needed = [85_225, 4_303, 10_458];
  const answer = chooseVersionedPurchase(needed, packs);
  assert.ok(answer);
  assertSound(needed, packs, answer);
  const apart = needed.reduce(
    (s, n, v) => s + choosePackPurchase(n, packs[v] as PackOffer[]).cost,
    0,
  );
  // Each tier at its own version is one candidate; the exact answer is at most it and, here, strictly less.
  assert.ok(answer.cost < apart, `${answer.cost} vs ${apart}`);
  // Past the 2012 users, every split of the 2016 and 2019 needs between those two versions.
  const newer = cheapestBySplits([needed[1] as number, needed[2] as number], [
    packs[1],
    packs[2],
  ] as PackOffer[][]);
  assert.ok(
    answer.cost <= choosePackPurchase(needed[0] as number, packs[0] as PackOffer[]).cost + newer,
  );
});

test("too much work for the limit: no answer, so the caller says it is not exact", () => {
  const packs = [
    [
      { id: "a", size: 50, price: 100 },
      { id: "b", size: 1, price: 3 },
    ],
    [{ id: "c", size: 7, price: 20 }],
  ];
  assert.equal(chooseVersionedPurchase([5_000, 5_000], packs, 1_000), undefined);
  assert.ok(chooseVersionedPurchase([5_000, 5_000], packs));
});

test("bad input: a clear error", () => {
  assert.throws(() => chooseVersionedPurchase([1, -1], [[], []]), RangeError);
  assert.throws(
    () => chooseVersionedPurchase([0, 3], [[{ id: "a", size: 1, price: 1 }], []]),
    RangeError,
  );
});
