// biome-ignore-all lint/style/noRestrictedImports: tests run on Node's own runner; the rule guards shipped core code.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { checkOwnedCounts } from "./check-owned-counts.ts";
import { traceCoverFrontier, type UserDeviceGraph } from "./trace-cover-frontier.ts";

const smallGraph = fc
  .record({
    userCount: fc.integer({ min: 1, max: 7 }),
    deviceCount: fc.integer({ min: 1, max: 7 }),
  })
  .chain(({ userCount, deviceCount }) =>
    fc
      .uniqueArray(
        fc.tuple(
          fc.integer({ min: 0, max: userCount - 1 }),
          fc.integer({ min: 0, max: deviceCount - 1 }),
        ),
        { maxLength: 16, selector: ([user, device]) => `${user}/${device}` },
      )
      .map(
        (pairs): UserDeviceGraph => ({
          userCount,
          deviceCount,
          pairUser: Int32Array.from(pairs, (pair) => pair[0]),
          pairDevice: Int32Array.from(pairs, (pair) => pair[1]),
        }),
      ),
  );

/** For every set of users taken, the devices then needed: every achievable (users, devices). */
function achievable(graph: UserDeviceGraph): [number, number][] {
  const points: [number, number][] = [];
  for (let mask = 0; mask < 1 << graph.userCount; mask++) {
    const needed = new Set<number>();
    for (let pair = 0; pair < graph.pairUser.length; pair++) {
      if (!(mask & (1 << (graph.pairUser[pair] as number))))
        needed.add(graph.pairDevice[pair] as number);
    }
    let users = 0;
    for (let user = 0; user < graph.userCount; user++) if (mask & (1 << user)) users++;
    points.push([users, needed.size]);
  }
  return points;
}

function assertCovers(graph: UserDeviceGraph, userInCover: Uint8Array, deviceInCover: Uint8Array) {
  for (let pair = 0; pair < graph.pairUser.length; pair++) {
    assert.ok(
      userInCover[graph.pairUser[pair] as number] === 1 ||
        deviceInCover[graph.pairDevice[pair] as number] === 1,
      `pair ${pair} is not covered`,
    );
  }
}

test("traceCoverFrontier", async (t) => {
  await t.test(
    "finds exactly the vertices of the lower convex hull of all covers' (users, devices)",
    () => {
      fc.assert(
        fc.property(smallGraph, (graph) => {
          const frontier = traceCoverFrontier(graph);
          for (const cover of frontier) assertCovers(graph, cover.userInCover, cover.deviceInCover);
          // Lower hull of the achievable points (Andrew's monotone chain on the best devices per user count).
          const best = new Map<number, number>();
          for (const [users, devices] of achievable(graph)) {
            best.set(users, Math.min(best.get(users) ?? Number.POSITIVE_INFINITY, devices));
          }
          const points = [...best].sort((a, b) => a[0] - b[0]);
          const hull: [number, number][] = [];
          for (const point of points) {
            while (hull.length >= 2) {
              const [o, a] = [
                hull[hull.length - 2] as [number, number],
                hull[hull.length - 1] as [number, number],
              ];
              const cross = (a[0] - o[0]) * (point[1] - o[1]) - (a[1] - o[1]) * (point[0] - o[0]);
              if (cross <= 0) hull.pop();
              else break;
            }
            hull.push(point);
          }
          // Only the decreasing part: past the fewest devices the hull rises, and no cover wants that.
          const minimumDevices = Math.min(...hull.map((point) => point[1]));
          const lowerLeft = hull.slice(
            0,
            hull.findIndex((point) => point[1] === minimumDevices) + 1,
          );
          assert.deepEqual(
            frontier.map((cover) => [cover.users, cover.devices]),
            lowerLeft,
          );
        }),
        { numRuns: 300 },
      );
    },
  );
});

test("checkOwnedCounts", async (t) => {
  await t.test("agrees with brute force, and every answer carries a valid witness or proof", () => {
    fc.assert(
      fc.property(
        smallGraph,
        fc.integer({ min: 0, max: 7 }),
        fc.integer({ min: 0, max: 7 }),
        (graph, users, devices) => {
          const points = achievable(graph);
          const feasible = points.some(([u, d]) => u <= users && d <= devices);
          const answer = checkOwnedCounts(graph, { users, devices });
          assert.notEqual(answer.kind, "undecided");
          assert.equal(answer.kind === "feasible", feasible);
          if (answer.kind === "feasible") {
            assertCovers(graph, answer.cover.userInCover, answer.cover.deviceInCover);
            assert.ok(answer.cover.users <= users && answer.cover.devices <= devices);
          }
          if (answer.kind === "infeasible" && answer.method === "parametric-cut") {
            const cheapest = Math.min(
              ...points.map(([u, d]) => answer.userWeight * u + answer.deviceWeight * d),
            );
            assert.equal(answer.minimumCost, cheapest);
            assert.ok(answer.ownedCost < answer.minimumCost);
          }
        },
      ),
      { numRuns: 600 },
    );
  });

  await t.test("needs the branch and bound where the frontier cannot decide, and says so", () => {
    // A 6-cycle (user i to devices i and i+1): the frontier is the edge from (0 users, 3 devices) to
    // (3, 0), and (2, 1) lies on it, but the covers are (0,3), (2,2), (3,0) and worse: no (2, 1).
    const cycle: UserDeviceGraph = {
      userCount: 3,
      deviceCount: 3,
      pairUser: Int32Array.from([0, 0, 1, 1, 2, 2]),
      pairDevice: Int32Array.from([0, 1, 1, 2, 2, 0]),
    };
    const answer = checkOwnedCounts(cycle, { users: 2, devices: 1 });
    assert.equal(answer.kind, "infeasible");
    assert.equal(answer.method, "branch-and-bound");
    const fits = checkOwnedCounts(cycle, { users: 3, devices: 0 });
    assert.equal(fits.kind, "feasible");
    assert.equal(fits.method, "parametric-cut");
  });

  await t.test("reports undecided, not a guess, when the search budget runs out", () => {
    const cycle: UserDeviceGraph = {
      userCount: 3,
      deviceCount: 3,
      pairUser: Int32Array.from([0, 0, 1, 1, 2, 2]),
      pairDevice: Int32Array.from([0, 1, 1, 2, 2, 0]),
    };
    const answer = checkOwnedCounts(cycle, { users: 2, devices: 1 }, { maxNodes: 1 });
    assert.equal(answer.kind, "undecided");
  });
});
