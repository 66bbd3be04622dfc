import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { CoverEdge } from "./choose-cal-mix.ts";
import { internCoverEdges } from "./intern-cover-edges.ts";

/** The numbering spelled out with Maps: holders in order of first appearance, each one's highest tier. */
function internWithMaps(edges: readonly CoverEdge[]) {
  const users = new Map<string, number>();
  const devices = new Map<string, number>();
  const userTop: number[] = [];
  const deviceTop: number[] = [];
  const number = (index: Map<string, number>, top: number[], name: string, tier: number) => {
    let h = index.get(name);
    if (h === undefined) {
      h = index.size;
      index.set(name, h);
      top.push(tier);
    }
    top[h] = Math.max(top[h] as number, tier);
    return h;
  };
  const edgeUser: number[] = [];
  const edgeDevice: number[] = [];
  for (const edge of edges) {
    edgeUser.push(
      edge.user !== undefined && !edge.deviceOnly
        ? number(users, userTop, edge.user, edge.tier)
        : -1,
    );
    edgeDevice.push(
      edge.device !== undefined && !edge.userOnly
        ? number(devices, deviceTop, edge.device, edge.tier)
        : -1,
    );
  }
  return {
    userNames: [...users.keys()],
    deviceNames: [...devices.keys()],
    userTop,
    deviceTop,
    edgeUser,
    edgeDevice,
  };
}

test("internCoverEdges numbers holders in order of first appearance with their highest tiers, as Maps would", () => {
  // Names from a small alphabet (many repeats, some grouped by user) and from a large one (the table grows).
  const name = fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 5000 }).map(String));
  const edge = fc.record({
    user: fc.option(name, { nil: undefined }),
    device: fc.option(name, { nil: undefined }),
    tier: fc.integer({ min: 0, max: 3 }),
    side: fc.integer({ min: 0, max: 9 }),
  });
  fc.assert(
    fc.property(fc.array(edge, { maxLength: 3000 }), fc.boolean(), (raw, grouped) => {
      const edges: CoverEdge[] = raw
        .map(({ user, device, tier, side }) => ({
          user,
          device,
          tier,
          deviceOnly: side === 0 && device !== undefined,
          userOnly: side === 1 && user !== undefined,
        }))
        .filter(
          (e) => (e.user !== undefined && !e.deviceOnly) || (e.device !== undefined && !e.userOnly),
        );
      if (grouped) edges.sort((a, b) => (a.user ?? "").localeCompare(b.user ?? ""));
      const interned = internCoverEdges(edges);
      const expected = internWithMaps(edges);
      assert.deepEqual(interned.userNames, expected.userNames);
      assert.deepEqual(interned.deviceNames, expected.deviceNames);
      assert.deepEqual([...interned.userTop], expected.userTop);
      assert.deepEqual([...interned.deviceTop], expected.deviceTop);
      assert.deepEqual([...interned.edgeUser], expected.edgeUser);
      assert.deepEqual([...interned.edgeDevice], expected.edgeDevice);
      assert.deepEqual(
        [...interned.edgeTier],
        edges.map((e) => e.tier),
      );
      assert.equal(interned.userCount, expected.userNames.length);
      assert.equal(interned.deviceCount, expected.deviceNames.length);
    }),
    { numRuns: 200 },
  );
});
