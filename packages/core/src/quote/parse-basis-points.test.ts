import assert from "node:assert/strict";
import { test } from "node:test";
import { parseBasisPoints } from "./parse-basis-points.ts";

test("parseBasisPoints", async (t) => {
  await t.test("reads decimals exactly, without binary floating point", () => {
    const ok = (v: number | string) => {
      const r = parseBasisPoints(v);
      assert.ok(r.success, JSON.stringify(r));
      return r.value;
    };
    assert.equal(ok(7.5), 750);
    assert.equal(ok("12.25"), 1225);
    assert.equal(ok(0.07), 7); // 0.07 * 100 is 7.000000000000001 in float64
    assert.equal(ok(100), 10_000);
    assert.equal(ok("0"), 0);
  });

  await t.test("says what it expected for too many decimals, negatives and more than 100 %", () => {
    for (const bad of [7.125, "-5", 101, "ten", Number.NaN]) {
      const r = parseBasisPoints(bad);
      assert.equal(r.success, false, String(bad));
      if (!r.success) {
        assert.match(r.problems[0]?.expected ?? "", /at most two decimals/);
        assert.equal(r.problems[0]?.received, String(bad));
      }
    }
  });
});
