// biome-ignore-all lint/style/noRestrictedImports: tests run on Node's own runner; the rule guards shipped core code.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { CalMix, CoverEdge } from "./choose-cal-mix.ts";
import { repairCoverWithOwned } from "./repair-cover-with-owned.ts";

const pair = (user: string, device: string): CoverEdge => ({
  user,
  device,
  tier: 0,
  deviceOnly: false,
  userOnly: false,
});

const mixOf = (users: readonly string[], devices: readonly string[]): CalMix => ({
  userTier: new Map(users.map((u) => [u, 0])),
  deviceTier: new Map(devices.map((d) => [d, 0])),
  cost: 0,
  tieBreak: "none",
  certificate: undefined as unknown as CalMix["certificate"],
});

test("repairCoverWithOwned releases a second device once the first release gave its users owned CALs", () => {
  // D1 serves A and B; D2 serves A, B and C; three owned user CALs. From the first position D2 needs three
  // new user CALs and only one is left after D1's release; the next round sees it needs only C.
  const edges = [
    pair("A", "D1"),
    pair("B", "D1"),
    pair("A", "D2"),
    pair("B", "D2"),
    pair("C", "D2"),
  ];
  const pools = [{ type: "user" as const, tier: 0, quantity: 3, source: "owned" }];
  const repaired = repairCoverWithOwned(edges, mixOf([], ["D1", "D2"]), pools, new Map());
  assert.ok(repaired);
  assert.deepEqual([...repaired.userTier.keys()].sort(), ["A", "B", "C"]);
  assert.equal(repaired.deviceTier.size, 0);
});

test("repairCoverWithOwned drops a holder whose pairs the other side already covers", () => {
  const edges = [pair("A", "D1"), pair("A", "D2"), pair("B", "D2")];
  const repaired = repairCoverWithOwned(edges, mixOf(["A", "B"], ["D1"]), [], new Map());
  assert.ok(repaired);
  assert.deepEqual([...repaired.userTier.keys()].sort(), ["A", "B"]);
  assert.equal(repaired.deviceTier.size, 0);
});

test("repairCoverWithOwned leaves a holder the cover needs", () => {
  const edges = [pair("A", "D1"), pair("B", "D1")];
  assert.equal(repairCoverWithOwned(edges, mixOf([], ["D1"]), [], new Map()), undefined);
});

test("repairCoverWithOwned spends an owned user CAL only where it saves a purchase", () => {
  // The owned 2008 device CAL serves D1; D2 needs 2012 and is bought. Releasing D1 first (as the order of the
  // moves would) spends the one owned user CAL and saves nothing; releasing D2 saves its purchase.
  const edges: CoverEdge[] = [pair("A", "D1"), { ...pair("B", "D2"), tier: 1 }];
  const pools = [
    { type: "device" as const, tier: 0, quantity: 1, source: "owned" },
    { type: "user" as const, tier: 1, quantity: 1, source: "owned" },
  ];
  const mix = mixOf([], ["D1"]);
  const start = { ...mix, deviceTier: new Map([...mix.deviceTier, ["D2", 1]]) };
  const repaired = repairCoverWithOwned(edges, start, pools, new Map());
  assert.ok(repaired);
  assert.deepEqual([...repaired.userTier], [["B", 1]]);
  assert.deepEqual([...repaired.deviceTier], [["D1", 0]]);
});

test("repairCoverWithOwned lowers a newer device to an owned older CAL when its newer pairs' users take owned CALs", () => {
  // D serves U1 on the newer version and U2, U3 on the older one. Owned: one older device CAL and one newer user
  // CAL. Dropping D would need three user CALs; lowering it needs only U1's, and then nothing is bought.
  const edges = [{ ...pair("U1", "D"), tier: 1 }, pair("U2", "D"), pair("U3", "D")];
  const pools = [
    { type: "device" as const, tier: 0, quantity: 1, source: "owned" },
    { type: "user" as const, tier: 1, quantity: 1, source: "owned" },
  ];
  const mix = { ...mixOf([], []), deviceTier: new Map([["D", 1]]) };
  const repaired = repairCoverWithOwned(edges, mix, pools, new Map());
  assert.ok(repaired);
  assert.deepEqual([...repaired.deviceTier], [["D", 0]]);
  assert.deepEqual([...repaired.userTier], [["U1", 1]]);
});
