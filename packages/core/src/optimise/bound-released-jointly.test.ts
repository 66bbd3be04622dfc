import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { boundReleasedJointly } from "./bound-released-jointly.ts";

const device = (users: number) =>
  fc.record({
    all: fc.uniqueArray(fc.integer({ min: 0, max: users - 1 }), { minLength: 1, maxLength: users }),
    newerShare: fc.array(fc.boolean(), { minLength: users, maxLength: users }),
    releasable: fc.boolean(),
  });

const ward = fc.integer({ min: 1, max: 8 }).chain((users) =>
  fc.record({
    users: fc.constant(users),
    devices: fc.array(device(users), { minLength: 1, maxLength: 6 }),
    work: fc.integer({ min: 0, max: 200_000 }),
  }),
);

test("every user set's released and lowered devices are within the joint bound of each level it reaches", () => {
  fc.assert(
    fc.property(ward, ({ users, devices, work }) => {
      const newer = devices.map((d) => d.all.filter((_, i) => d.newerShare[i]));
      const levels = boundReleasedJointly(
        newer,
        devices.map((d) => (d.releasable ? d.all : undefined)),
        users,
        [1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 24, 36],
        4,
        { left: work },
      );
      for (let s = 0; s < 1 << users; s++) {
        const holds = (list: readonly number[]) => list.every((p) => (s >> p) & 1);
        let size = 0;
        for (let p = 0; p < users; p++) size += (s >> p) & 1;
        const released = devices.filter((d) => d.releasable && holds(d.all)).length;
        const lowered = newer.filter((list) => holds(list)).length;
        // Releasing r devices with these users also releases any r' ≤ r of them; levels past the last cap r.
        for (let r = 0; r <= released && levels.length > 0; r++) {
          const most = levels[Math.min(r, levels.length - 1)] as Int32Array;
          assert.ok(
            (most[size] as number) >= lowered,
            `r ${r}, ${size} users: ${most[size]} < ${lowered}`,
          );
        }
      }
    }),
    { numRuns: 300 },
  );
});

test("three devices of a ward: releasing one takes its users, who lower only the device that shares them", () => {
  // Users 0–3 on device 0 (all newer), users 2–3 newer on device 1, users 4–5 newer on device 2.
  const newer = [
    [0, 1, 2, 3],
    [2, 3],
    [4, 5],
  ];
  const all = [
    [0, 1, 2, 3],
    [2, 3, 6],
    [4, 5, 7],
  ];
  const levels = boundReleasedJointly(newer, all, 8, [1, 2, 3, 4, 6, 8, 12], 4, {
    left: 1_000_000,
  });
  assert.equal(levels.length, 3);
  // Device 0 released with 4 users lowers device 1 as well (its newer users are among them): q = 2, not 3.
  assert.equal(levels[1]?.[4], 2);
  // With no release, 4 users lower at most two devices (2 and 1, or 0 and 1).
  assert.equal(levels[0]?.[4], 2);
  // Two devices are released with 5 users at the least (devices 0 and 1), and then device 2 is not lowered.
  assert.equal(levels[2]?.[4], -1);
  assert.equal(levels[2]?.[5], 2);
});
