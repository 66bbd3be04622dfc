// biome-ignore-all lint/style/noRestrictedImports: tests run on Node's own runner; the rule guards shipped core code.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { borrowScratch, returnScratch } from "./borrow-scratch.ts";

test("borrowScratch lends zeroed arrays of the length asked, none shared by two borrowers at once", () => {
  const step = fc.oneof(
    fc.record({ kind: fc.constant("borrow" as const), length: fc.integer({ min: 0, max: 5000 }) }),
    fc.record({ kind: fc.constant("return" as const), which: fc.nat() }),
  );
  fc.assert(
    fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
      // Each array held is filled with its own mark; a lent array shared with another would change it.
      const held: { array: Int32Array; mark: number }[] = [];
      let marks = 0;
      for (const s of steps) {
        if (s.kind === "borrow") {
          const array = borrowScratch(s.length);
          assert.equal(array.length, s.length);
          assert.ok(
            array.every((x) => x === 0),
            "a lent array is zeroed",
          );
          const mark = ++marks;
          array.fill(mark);
          held.push({ array, mark });
        } else if (held.length > 0) {
          const [given] = held.splice(s.which % held.length, 1);
          returnScratch(given?.array);
        }
        for (const { array, mark } of held) assert.ok(array.every((x) => x === mark));
      }
      for (const { array } of held) returnScratch(array);
    }),
    { numRuns: 300 },
  );
});
