import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { expandRange } from "./expand-range.ts";
import { PrincipalTable } from "./principal-table.ts";

const table = () => new PrincipalTable((id, index, flag) => ({ id, index, flag }));

/** A range as written in a deployment: prefix, first and last number (maybe padded), suffix. */
const rangeArbitrary = fc.record({
  prefix: fc.constantFrom("", "U", "PC-", "a1", "0"),
  suffix: fc.constantFrom("", "x", "-2", "9"),
  from: fc.integer({ min: 0, max: 120 }),
  span: fc.integer({ min: 0, max: 30 }),
  pad: fc.integer({ min: 0, max: 4 }),
});

test("a principal table finds exactly the names a range expands to, at their indexes", () => {
  fc.assert(
    fc.property(rangeArbitrary, fc.array(fc.string({ maxLength: 4 })), (r, others) => {
      const fromText = String(r.from).padStart(r.pad, "0");
      const toText = String(r.from + r.span);
      const names = expandRange(`${r.prefix}{${fromText}..${toText}}${r.suffix}`) ?? [];
      const t = table();
      assert.ok(t.addName("first", true));
      assert.ok(t.addRange(r.prefix, fromText, toText, r.suffix, false));
      assert.equal(t.size, names.length + 1);
      for (const [i, name] of names.entries()) assert.equal(t.indexOf(name), i + 1, name);
      assert.deepEqual(t.ids, ["first", ...names]);
      assert.deepEqual([...t.flags], [1, ...names.map(() => 0)]);
      // Any other name (a near miss: padded, unpadded, past either end) is not in the table.
      const near = [r.from - 1, r.from + r.span + 1, r.from].flatMap((n) => [
        `${r.prefix}${n}${r.suffix}`,
        `${r.prefix}0${n}${r.suffix}`,
        `${r.prefix}00${n}${r.suffix}`,
      ]);
      for (const name of [...others, ...near])
        if (name !== "first") assert.equal(t.indexOf(name) >= 0, names.includes(name), name);
    }),
  );
});

test("a principal table refuses a range that may meet a declared name, and a name declared twice", () => {
  const t = table();
  assert.ok(t.addRange("U", "1", "10", "", false));
  assert.equal(t.addRange("U", "10", "12", "", false), false);
  assert.equal(
    t.addRange("U", "01", "02", "", false),
    false,
    "same shape, padded: compared by names",
  );
  assert.equal(t.addName("U7", false), false);
  assert.ok(t.addName("U11", false));
  assert.equal(t.addRange("U", "11", "20", "", false), false);
  assert.ok(t.addRange("V", "0", "3", "", false));
  assert.equal(t.size, 15);
  assert.equal(t.get("V2")?.index, 13);
  assert.equal(t.get("V02"), undefined);
  assert.deepEqual([...t.keys()].slice(9), ["U10", "U11", "V0", "V1", "V2", "V3"]);
});
