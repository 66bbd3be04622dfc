import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { compareText } from "./compare-text.ts";
import { rankTextLists } from "./rank-text-lists.ts";
import { rankTexts } from "./rank-texts.ts";
import { collidingTexts } from "./testing/colliding-texts.ts";

// Names as estates spell them (prefixes, digits, case, punctuation) and texts that compare equal or
// sort apart from their code units under the collator (case, accents, width; ignorable controls and
// a decomposed accent, which compare equal to the text without them or composed).
const text = fc.oneof(
  fc.constantFrom(...collidingTexts, "a\u0000", "a\u200b", "\u0001", "e\u0301"),
  fc
    .tuple(fc.constantFrom("CORP\\", "corp\\", "WS-", "ws_", "PC", ""), fc.nat({ max: 300 }))
    .map(([prefix, n]) => `${prefix}${n}`),
  fc.string({ maxLength: 4 }),
);

test("rankTexts: each text's rank is the number of distinct texts that compare before it", () => {
  fc.assert(
    fc.property(fc.array(text, { maxLength: 80 }), (texts) => {
      const distinct = [...new Set(texts)];
      const ranks = rankTexts(texts);
      assert.equal(ranks.size, distinct.length);
      for (const t of distinct)
        assert.equal(
          ranks.get(t),
          distinct.filter((other) => compareText(other, t) < 0).length,
          JSON.stringify(t),
        );
    }),
  );
});

test("rankTextLists: each list's ranks are rankTexts' of that list alone", () => {
  fc.assert(
    fc.property(fc.array(fc.array(text, { maxLength: 40 }), { maxLength: 4 }), (lists) => {
      const ranks = rankTextLists(lists);
      assert.equal(ranks.length, lists.length);
      for (const [i, list] of lists.entries()) assert.deepEqual(ranks[i], rankTexts(list));
    }),
  );
});
