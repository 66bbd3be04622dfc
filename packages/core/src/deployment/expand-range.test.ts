import assert from "node:assert/strict";
import { test } from "node:test";
import { expandRange } from "./expand-range.ts";

test("expandRange expands a numeric range, keeping zero padding", () => {
  assert.deepEqual(expandRange("U{1..3}"), ["U1", "U2", "U3"]);
  assert.deepEqual(expandRange("PC-{08..10}"), ["PC-08", "PC-09", "PC-10"]);
  assert.deepEqual(expandRange("{1..2}-kiosk"), ["1-kiosk", "2-kiosk"]);
  assert.deepEqual(expandRange("U{5..5}"), ["U5"]);
});

test("expandRange leaves a plain name alone", () => {
  assert.deepEqual(expandRange("alice"), ["alice"]);
});

test("expandRange refuses a malformed or backwards range", () => {
  assert.equal(expandRange("U{3..1}"), undefined);
  assert.equal(expandRange("U{1..}"), undefined);
  assert.equal(expandRange("U{a..c}"), undefined);
  assert.equal(expandRange("U{1..2000000}"), undefined);
});
