import type { Need, OwnedPool } from "../compliance/allocate-owned.ts";
import type { CalMix, CoverEdge } from "./choose-cal-mix.ts";
import { HolderTiers } from "./holder-tiers.ts";
import { internCoverEdges } from "./intern-cover-edges.ts";
import { type CalMarket, estimateCalNeedsCost } from "./price-cal-needs.ts";

/**
 * The search's reach: values tried per tier and round at most beside the ends and the current split (the
 * largest pack size, capped for hostile price lists), and rounds over the tiers.
 */
const REACH = { window: 64, rounds: 2 } as const;

/**
 * Rebalances a cover's free pairs. A pair whose user and device have no other pair is a component of its own:
 * its user or its device holds a CAL of the pair's tier, and nothing else depends on which. The cut weighs the
 * two alike when their prices per unit are equal and puts every such pair on one side; in real money the split
 * matters (at 100k users, moving 14 of 3,885 free 2019 pairs from users to devices fills a 50-pack of device
 * CALs: 12,000 less). Per tier, how many free pairs users take is chosen by price (`estimateCalNeedsCost`,
 * owned CALs included; `needs` are the cover's as priced): every value within the largest pack size of the
 * ends and of the current split, nearest first, tier by tier, twice. Returns the cover when the estimate falls,
 * else undefined; the fewest pairs change side. Not an exactness claim: the caller prices what it returns.
 */
export function balanceFreePairs(
  edges: readonly CoverEdge[],
  mix: CalMix,
  needs: readonly Need[],
  pools: readonly OwnedPool[],
  market: CalMarket,
): CalMix | undefined {
  const { edgeUser, edgeDevice, edgeTier, userNames, deviceNames } = internCoverEdges(edges);
  // Pairs per holder, each side counted on its own (a holder in more than one pair: 2 is as good as more).
  const pairsOf = (ids: Int32Array, holders: number) => {
    const pairs = new Uint8Array(holders);
    for (const h of ids)
      if (h >= 0 && (pairs[h] as number) < 2) pairs[h] = (pairs[h] as number) + 1;
    return pairs;
  };
  const userPairs = pairsOf(edgeUser, userNames.length);
  const devicePairs = pairsOf(edgeDevice, deviceNames.length);
  const tiers = market.tiers;
  const free: number[] = [];
  const freeAt = new Array<number>(tiers).fill(0);
  for (let e = 0; e < edgeUser.length; e++) {
    const u = edgeUser[e] as number;
    const d = edgeDevice[e] as number;
    if (u < 0 || d < 0 || userPairs[u] !== 1 || devicePairs[d] !== 1) continue;
    free.push(e);
    const t = edgeTier[e] as number;
    freeAt[t] = (freeAt[t] as number) + 1;
  }
  if (free.length === 0) return undefined;

  // The rest of the cover's holders per type and tier (from its priced needs: a cover of 100k holders is not
  // walked again), and the free pairs its users hold now.
  const restUsers = new Array<number>(tiers).fill(0);
  const restDevices = new Array<number>(tiers).fill(0);
  for (const n of needs) {
    const rest = n.type === "user" ? restUsers : restDevices;
    rest[n.tier] = (rest[n.tier] as number) + n.count;
  }
  // Each free pair on the side that holds it (the user when both do), at the pair's tier: the split the
  // search starts from. Pairs held otherwise (both sides, or a newer tier) are rewritten when a cover is built.
  const start = new Array<number>(tiers).fill(0);
  const onUser = new Uint8Array(free.length);
  const odd = new Uint8Array(free.length);
  // The cut's own tiers (`HolderTiers` over these edges' numbering) are read by number, not by name.
  const byNumber =
    mix.userTier instanceof HolderTiers &&
    mix.deviceTier instanceof HolderTiers &&
    mix.userTier.names === userNames &&
    mix.deviceTier.names === deviceNames
      ? { user: mix.userTier, device: mix.deviceTier }
      : undefined;
  const tierOf = (tiers: HolderTiers, h: number) => {
    const tier = tiers.tierAt(h);
    return tier < 0 ? undefined : tier;
  };
  free.forEach((e, i) => {
    const t = edgeTier[e] as number;
    const u = edgeUser[e] as number;
    const d = edgeDevice[e] as number;
    const userTier = byNumber ? tierOf(byNumber.user, u) : mix.userTier.get(userNames[u] as string);
    const deviceTier =
      userTier === t
        ? undefined
        : byNumber
          ? tierOf(byNumber.device, d)
          : mix.deviceTier.get(deviceNames[d] as string);
    if (userTier !== undefined) restUsers[userTier] = (restUsers[userTier] as number) - 1;
    if (deviceTier !== undefined) restDevices[deviceTier] = (restDevices[deviceTier] as number) - 1;
    if (userTier !== undefined) {
      onUser[i] = 1;
      start[t] = (start[t] as number) + 1;
    }
    // Held at another tier or by both sides (the device is looked up only when the user does not hold the
    // pair's tier: a cover of 100k holders is looked up once per free pair, not twice).
    if ((userTier ?? deviceTier) !== t || (userTier !== undefined && deviceTier !== undefined))
      odd[i] = 1;
  });
  const price = (split: readonly number[]) => {
    const asked: Need[] = [];
    for (let t = 0; t < tiers; t++) {
      const users = (restUsers[t] as number) + (split[t] as number);
      const devices = (restDevices[t] as number) + (freeAt[t] as number) - (split[t] as number);
      if (devices > 0) asked.push({ type: "device", tier: t, count: devices });
      if (users > 0) asked.push({ type: "user", tier: t, count: users });
    }
    return estimateCalNeedsCost(asked, pools, market);
  };
  let largest = 1;
  for (let t = 0; t < tiers; t++)
    for (const type of ["user", "device"] as const)
      for (const p of market.packs(type, t)) largest = Math.max(largest, p.size);
  const window = Math.min(largest, REACH.window);

  const split = [...start];
  // The cover as it stands, its free pairs at their own tier (never dearer than as held).
  const original = price(split);
  let cost = original;
  for (let round = 0; round < REACH.rounds; round++) {
    let moved = false;
    for (let t = 0; t < tiers; t++) {
      const f = freeAt[t] as number;
      if (f === 0) continue;
      const now = split[t] as number;
      const values = new Set<number>();
      for (let x = 0; x <= window; x++)
        for (const v of [x, f - x, now - x, now + x]) if (v >= 0 && v <= f) values.add(v);
      // Nearest first, kept only when cheaper: the fewest pairs change side.
      for (const v of [...values].sort((a, b) => Math.abs(a - now) - Math.abs(b - now) || a - b)) {
        if (v === split[t]) continue;
        const was = split[t] as number;
        split[t] = v;
        const c = price(split);
        if (c < cost) {
          cost = c;
          moved = true;
        } else split[t] = was;
      }
    }
    if (!moved) break;
  }
  if (cost >= original) return undefined;

  // Only the pairs whose side changes, or which were held otherwise, are rewritten: the cover's maps of
  // 100k holders are overlaid, not copied.
  const users = new Map<number, number | undefined>();
  const devices = new Map<number, number | undefined>();
  const toMove = split.map((n, t) => n - (start[t] as number));
  free.forEach((e, i) => {
    const t = edgeTier[e] as number;
    const user = edgeUser[e] as number;
    const device = edgeDevice[e] as number;
    let side = onUser[i] === 1;
    const move = toMove[t] as number;
    if (side && move < 0) {
      side = false;
      toMove[t] = move + 1;
    } else if (!side && move > 0) {
      side = true;
      toMove[t] = move - 1;
    } else if (odd[i] === 0) return;
    users.set(user, side ? t : undefined);
    devices.set(device, side ? undefined : t);
  });
  if (byNumber)
    return {
      ...mix,
      userTier: byNumber.user.withChanges(numbered(users)),
      deviceTier: byNumber.device.withChanges(numbered(devices)),
    };
  return {
    ...mix,
    userTier: overlayTiers(mix.userTier, named(users, userNames)),
    deviceTier: overlayTiers(mix.deviceTier, named(devices, deviceNames)),
  };
}

/** Changes by holder number as `HolderTiers.withChanges` takes them (-1: none). */
function numbered(changes: ReadonlyMap<number, number | undefined>): Map<number, number> {
  return new Map([...changes].map(([h, tier]) => [h, tier ?? -1]));
}

/** Changes by holder number as changes by name. */
function named(
  changes: ReadonlyMap<number, number | undefined>,
  names: readonly string[],
): Map<string, number | undefined> {
  return new Map([...changes].map(([h, tier]) => [names[h] as string, tier]));
}

/** A map of holders' tiers with a few changes laid over it (undefined: the holder holds nothing). */
function overlayTiers(
  base: ReadonlyMap<string, number>,
  changes: ReadonlyMap<string, number | undefined>,
): ReadonlyMap<string, number> {
  if (changes.size === 0) return base;
  let size = base.size;
  for (const [k, v] of changes) {
    if (v === undefined && base.has(k)) size--;
    else if (v !== undefined && !base.has(k)) size++;
  }
  function* entries(): Generator<[string, number], undefined> {
    for (const [k, v] of base) {
      if (!changes.has(k)) yield [k, v];
      else {
        const c = changes.get(k);
        if (c !== undefined) yield [k, c];
      }
    }
    for (const [k, c] of changes) if (c !== undefined && !base.has(k)) yield [k, c];
  }
  const get = (k: string) => (changes.has(k) ? changes.get(k) : base.get(k));
  const map: ReadonlyMap<string, number> = {
    size,
    get,
    has: (k: string) => get(k) !== undefined,
    entries,
    *keys(): Generator<string, undefined> {
      for (const [k] of entries()) yield k;
    },
    *values(): Generator<number, undefined> {
      for (const [, v] of entries()) yield v;
    },
    forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void) {
      for (const [k, v] of entries()) callback(v, k, map);
    },
    [Symbol.iterator]: entries,
  };
  return map;
}
