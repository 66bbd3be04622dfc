import assert from "node:assert/strict";
import { test } from "node:test";
import { allocateOwned } from "./allocate-owned.ts";

test("allocateOwned", async (t) => {
  await t.test(
    "lets newer CALs cover older needs and keeps them for newer needs first (T9)",
    () => {
      const a = allocateOwned(
        [
          { type: "user", tier: 1, count: 5 },
          { type: "user", tier: 0, count: 3 },
        ],
        [
          { type: "either", tier: 0, quantity: 5, source: "included with S1" },
          { type: "user", tier: 1, quantity: 5, source: "owned" },
        ],
      );
      assert.deepEqual(
        a.needs.map((n) => n.shortfall),
        [0, 0],
      );
      assert.deepEqual(a.used, [3, 5]);
    },
  );

  await t.test("never lets an older CAL cover a newer need (T7)", () => {
    const a = allocateOwned(
      [{ type: "user", tier: 1, count: 10 }],
      [{ type: "user", tier: 0, quantity: 10, source: "owned" }],
    );
    assert.equal(a.needs[0]?.shortfall, 10);
    assert.deepEqual(a.used, [0]);
  });

  await t.test("uses the matching type before an either-type pool", () => {
    const a = allocateOwned(
      [
        { type: "user", tier: 0, count: 1 },
        { type: "device", tier: 0, count: 1 },
      ],
      [
        { type: "either", tier: 0, quantity: 1, source: "included" },
        { type: "user", tier: 0, quantity: 1, source: "owned" },
      ],
    );
    assert.deepEqual(
      a.needs.map((n) => n.shortfall),
      [0, 0],
    );
  });
});
