import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { formatIsoTime } from "./format-iso-time.ts";

const maxMs = 8.64e15;

test("formatIsoTime writes toISOString's text for instants of every era", () => {
  fc.assert(
    fc.property(fc.integer({ min: -maxMs, max: maxMs }), (ms) => {
      assert.equal(formatIsoTime(ms), new Date(ms).toISOString());
    }),
  );
  fc.assert(
    fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), (ms) => {
      assert.equal(formatIsoTime(ms), new Date(ms).toISOString());
    }),
  );
});

test("formatIsoTime on the edges: every year's first and last instant, 0000 to 10000; not an instant", () => {
  for (let year = 0; year <= 10_000; year += year < 2100 ? 1 : 97) {
    const start = new Date(0).setUTCFullYear(year, 0, 1);
    for (const ms of [start, start - 1, start + 59 * 86_400_000 + 43_199_999])
      assert.equal(formatIsoTime(ms), new Date(ms).toISOString());
  }
  for (const ms of [8.64e15, -8.64e15]) assert.equal(formatIsoTime(ms), new Date(ms).toISOString());
  assert.equal(formatIsoTime(1.5), new Date(1.5).toISOString());
  assert.throws(() => formatIsoTime(Number.NaN), RangeError);
  assert.throws(() => formatIsoTime(8.64e15 + 1), RangeError);
});
