import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { isIsoText } from "./is-iso-text.ts";

const maxMs = 8.64e15;

test("isIsoText agrees with toISOString on instants of every era, and refuses any other text", () => {
  fc.assert(
    fc.property(fc.integer({ min: -maxMs, max: maxMs }), (ms) => {
      const iso = new Date(ms).toISOString();
      assert.equal(isIsoText(iso, ms), iso.length === 24);
      assert.equal(isIsoText(iso, ms + 1), false);
      assert.equal(isIsoText(iso.replace("Z", "+"), ms), false);
    }),
  );
});

test("isIsoText refuses the ISO text of an instant with any one character changed", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -maxMs, max: maxMs }),
      fc.nat(23),
      fc.integer({ min: 32, max: 126 }),
      (ms, at, code) => {
        const iso = new Date(ms).toISOString();
        fc.pre(iso.length === 24 && iso.charCodeAt(at) !== code);
        const changed = iso.slice(0, at) + String.fromCharCode(code) + iso.slice(at + 1);
        assert.equal(isIsoText(changed, ms), false);
      },
    ),
  );
});

test("isIsoText on the edges: leap days, year ends, 0000 and 9999, times not of the instant", () => {
  const instants = [
    Date.UTC(2024, 1, 29, 23, 59, 59, 999),
    Date.UTC(2000, 1, 29),
    Date.UTC(1900, 2, 1),
    Date.UTC(1969, 11, 31, 23, 59, 59, 999),
    Date.UTC(1970, 0, 1),
    Date.UTC(9999, 11, 31, 23, 59, 59, 999),
    -62167219200000, // 0000-01-01T00:00:00.000Z
  ];
  for (const ms of instants) assert.equal(isIsoText(new Date(ms).toISOString(), ms), true);
  assert.equal(isIsoText("2026-10-01T00:00:00Z", Date.UTC(2026, 9, 1)), false);
  // Digits out of their ranges that add up to the instant's time of day.
  assert.equal(isIsoText("2026-10-01T10:60:00.000Z", Date.UTC(2026, 9, 1, 11)), false);
  assert.equal(isIsoText("2026-10-01T10:59:60.000Z", Date.UTC(2026, 9, 1, 11)), false);
  assert.equal(isIsoText("2026-10-01T00:00:00.000Z", Number.NaN), false);
  assert.equal(isIsoText("2026-10-01T00:00:00.0000", Date.UTC(2026, 9, 1)), false);
  assert.equal(isIsoText("+275760-09-13T00:00:00.000Z", maxMs), false);
  assert.equal(isIsoText(new Date(maxMs).toISOString(), maxMs), false);
  const beforeYearZero = Date.UTC(-1, 11, 31, 23, 59, 59, 999);
  assert.equal(isIsoText("-000001-12-23:59:59.999Z", beforeYearZero), false);
});
