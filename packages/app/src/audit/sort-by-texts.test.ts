import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { compareText } from "./compare-text.ts";
import { sortByTexts } from "./sort-by-texts.ts";
import { collidingTexts } from "./testing/colliding-texts.ts";

const text = fc.constantFrom(...collidingTexts);

test("sortByTexts orders as a stable sort by compareText of the first text, then the second", () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(text, text, fc.nat()), { maxLength: 60 }), (entries) => {
      const expected = entries
        .slice()
        .sort((a, b) => compareText(a[0], b[0]) || compareText(a[1], b[1]));
      const list = entries.slice();
      const sorted = sortByTexts(
        list,
        (e) => e[0],
        (e) => e[1],
      );
      assert.equal(sorted, list);
      assert.deepEqual(sorted, expected);
    }),
  );
});
