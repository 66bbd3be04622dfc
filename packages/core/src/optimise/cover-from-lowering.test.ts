import assert from "node:assert/strict";
import { test } from "node:test";
import { coverFromLowering } from "./cover-from-lowering.ts";
import { mixOf as mix, pair } from "./cover-mix.test-helper.ts";

test("a lowering's users take their newest pair's tier, the ward's devices the least tier left, the rest is kept", () => {
  // Ward: W1 and W2 on devices D1 (W1's pair newer) and D2 (both older); office user O on laptop L.
  const edges = [pair("W1", "D1", 1), pair("W2", "D1", 0), pair("W2", "D2", 0), pair("O", "L", 1)];
  const best = mix(
    [
      ["W2", 1],
      ["O", 1],
    ],
    [["D1", 1]],
  );
  const cover = coverFromLowering(edges, best, {
    users: ["W1"],
    lowered: ["D1"],
    otherDevices: ["D2"],
    otherUsers: ["W2"],
  });
  assert.ok(cover);
  assert.deepEqual([...cover.userTier].sort(), [
    ["O", 1],
    ["W1", 1],
  ]);
  // D1 keeps an older CAL (W1 holds its newer pair); D2 serves W2.
  assert.deepEqual([...cover.deviceTier].sort(), [
    ["D1", 0],
    ["D2", 0],
  ]);
});

test("a pair only a dropped user's CAL covered (outside the ward's devices) leaves no cover", () => {
  const edges = [pair("W1", "D1", 0), pair("W2", "D1", 0), pair("W2", "X", 0)];
  const best = mix([["W2", 0]], []);
  const cover = coverFromLowering(edges, best, {
    users: ["W1"],
    lowered: [],
    otherDevices: ["D1"],
    otherUsers: ["W2"],
  });
  assert.equal(cover, undefined);
});
