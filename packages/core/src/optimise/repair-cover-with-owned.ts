import { allocateOwned, type Need, type OwnedPool } from "../compliance/allocate-owned.ts";
import type { CalMix, CoverEdge } from "./choose-cal-mix.ts";

type Side = "user" | "device";

/** Rounds of the repair at most: each round is O(edges) and recomputes the moves from the cover it left. */
const REPAIR_ROUNDS = 64;

/**
 * Greedy repair of a cover against limited owned CALs. Where some holders of one side must be bought while
 * owned CALs that the other side could hold lie unused, it moves holders across: a bought device CAL is
 * dropped when every user relying on it can take an unused owned user CAL (fewest such users first), and the
 * same the other way; or lowered to an older tier whose owned CALs lie unused, when the users of its newer
 * pairs can take unused owned CALs (a ward device keeps an owned 2008 CAL while its 2012 users hold owned
 * 2012 user CALs). Each move saves one purchase and spends only owned CALs, so the true cost never rises.
 * Rounds repeat until none moves a holder: a move gives users CALs, which shrinks what the other devices still
 * need (on a ward whose devices each serve a dozen users, a device is released only once most of them hold
 * owned CALs). Returns the repaired cover, or undefined when no move applies. Not an exactness claim: the caller
 * prices it.
 */
export function repairCoverWithOwned(
  edges: readonly CoverEdge[],
  mix: CalMix,
  pools: readonly OwnedPool[],
  held: ReadonlyMap<string, number>,
): CalMix | undefined {
  const tiers: Record<Side, Map<string, number>> = {
    user: new Map(mix.userTier),
    device: new Map(mix.deviceTier),
  };
  // Each holder's pairs, per side: fixed for the whole repair.
  const bySide: Record<Side, Map<string, CoverEdge[]>> = { user: new Map(), device: new Map() };
  const note = (side: Side, holder: string, e: CoverEdge) => {
    const list = bySide[side].get(holder);
    if (list) list.push(e);
    else bySide[side].set(holder, [e]);
  };
  for (const e of edges) {
    if (e.user !== undefined) note("user", e.user, e);
    if (e.device !== undefined) note("device", e.device, e);
  }
  let changed = false;
  for (let round = 0; round < REPAIR_ROUNDS && repairRound(bySide, tiers, pools, held); round++)
    changed = true;
  return changed ? { ...mix, userTier: tiers.user, deviceTier: tiers.device } : undefined;
}

/** One round of moves, from one position; true when a holder moved. */
function repairRound(
  bySide: Record<Side, ReadonlyMap<string, readonly CoverEdge[]>>,
  tiers: Record<Side, Map<string, number>>,
  pools: readonly OwnedPool[],
  held: ReadonlyMap<string, number>,
): boolean {
  // A holder all of whose pairs the other side already covers is dropped first (devices, whose CALs are bought
  // more often, then users): a cover with fewer holders never costs more, and its owned CAL becomes spare.
  let changed = false;
  for (const [side, other] of [
    ["device", "user"],
    ["user", "device"],
  ] as const)
    for (const holder of [...tiers[side].keys()]) {
      if (held.has(holder)) continue;
      const covered = (bySide[side].get(holder) ?? []).every((e) => {
        const id = other === "user" ? e.user : e.device;
        const onlySide = side === "device" ? e.deviceOnly : e.userOnly;
        return !onlySide && id !== undefined && (tiers[other].get(id) ?? -1) >= e.tier;
      });
      if (covered) {
        tiers[side].delete(holder);
        changed = true;
      }
    }
  for (const [from, to] of [
    ["device", "user"],
    ["user", "device"],
  ] as const) {
    const counts = countHolders(tiers);
    const { shortfall, spare, total: shortNow } = position(counts, pools);
    let short = shortfall[from];
    if (short === 0) continue;
    // Holders of `from` that could be dropped or lowered to an older tier (-1: dropped), each with the `to`
    // holders (and tiers) that would then cover the pairs it no longer does: lowering a device of the newer
    // version to an owned CAL of the older one needs only the users of its newer pairs, not all of them.
    const moves: { holder: string; target: number; take: Map<string, number> }[] = [];
    for (const [holder, tier] of tiers[from]) {
      if (held.has(holder)) continue;
      const pairs = bySide[from].get(holder) ?? [];
      for (let target = tier - 1; target >= -1; target--) {
        const take = new Map<string, number>();
        let possible = true;
        for (const e of pairs) {
          if (e.tier <= target) continue;
          const other = to === "user" ? e.user : e.device;
          const onlyFrom = from === "device" ? e.deviceOnly : e.userOnly;
          if (onlyFrom || other === undefined) {
            possible = false;
            break;
          }
          if ((tiers[to].get(other) ?? -1) >= e.tier) continue;
          take.set(other, Math.max(take.get(other) ?? -1, e.tier));
        }
        if (possible) moves.push({ holder, target, take });
      }
    }
    moves.sort((a, b) => a.take.size - b.take.size);
    let total = shortNow;
    const moved = new Set<string>();
    for (const { holder, target, take } of moves) {
      if (short === 0) break;
      if (moved.has(holder)) continue;
      // Every new or upgraded holder must fit in an unused owned CAL of its tier or later.
      const wanted = [...take].map(([h, t]) => ({ h, t: Math.max(t, tiers[to].get(h) ?? -1) }));
      if (wanted.some(({ h, t }) => tiers[to].has(h) && (tiers[to].get(h) as number) < t)) continue;
      if (
        !fits(
          wanted.map((w) => w.t),
          spare[to],
        )
      )
        continue;
      // Only a move that leaves fewer CALs to buy: dropping a holder an owned CAL already serves (a device
      // of the older version, when the short ones are newer) would spend the other side's owned CALs for nothing.
      const trial = { user: [...counts.user], device: [...counts.device] };
      const from0 = tiers[from].get(holder) as number;
      trial[from][from0] = (trial[from][from0] ?? 0) - 1;
      if (target >= 0) trial[from][target] = (trial[from][target] ?? 0) + 1;
      for (const { h, t } of wanted) {
        const was = tiers[to].get(h);
        if (was !== undefined) trial[to][was] = (trial[to][was] ?? 0) - 1;
        trial[to][t] = (trial[to][t] ?? 0) + 1;
      }
      const after = totalShortfall(trial, pools);
      if (after >= total) continue;
      total = after;
      counts.user = trial.user;
      counts.device = trial.device;
      for (const { h, t } of wanted) {
        tiers[to].set(h, t);
        take.set(h, t);
      }
      takeSpare(
        wanted.map((w) => w.t),
        spare[to],
      );
      if (target >= 0) tiers[from].set(holder, target);
      else tiers[from].delete(holder);
      moved.add(holder);
      short--;
      changed = true;
    }
  }
  return changed;
}

/** Holders per side and tier (index = tier). */
function countHolders(tiers: Record<Side, Map<string, number>>): Record<Side, number[]> {
  const counts: Record<Side, number[]> = { user: [], device: [] };
  for (const side of ["user", "device"] as const)
    for (const t of tiers[side].values()) counts[side][t] = (counts[side][t] ?? 0) + 1;
  return counts;
}

/** CALs still to buy for these counts once the owned CALs are allocated. */
function totalShortfall(counts: Record<Side, number[]>, pools: readonly OwnedPool[]): number {
  return allocateOwned(needsOf(counts), pools).needs.reduce((s, n) => s + n.shortfall, 0);
}

/** Counts per side and tier as needs. */
function needsOf(counts: Record<Side, number[]>): Need[] {
  const needs: Need[] = [];
  for (const side of ["user", "device"] as const)
    counts[side].forEach((count, tier) => {
      if (count > 0) needs.push({ type: side, tier, count });
    });
  return needs;
}

/**
 * Per side: holders short of owned CALs (and in all), and the tiers of owned CALs that side could still use.
 */
function position(counts: Record<Side, number[]>, pools: readonly OwnedPool[]) {
  const allocation = allocateOwned(needsOf(counts), pools);
  const shortfall = { user: 0, device: 0 };
  for (const n of allocation.needs) shortfall[n.type] += n.shortfall;
  // Spare owned CALs per side as counts by tier (index = tier).
  const spare: Record<Side, number[]> = { user: [], device: [] };
  pools.forEach((p, i) => {
    const left = p.quantity - (allocation.used[i] ?? 0);
    for (const side of ["user", "device"] as const)
      if (p.type === side || p.type === "either")
        spare[side][p.tier] = (spare[side][p.tier] ?? 0) + left;
  });
  // An either-type CAL is offered to both sides; one direction is repaired at a time, from a fresh position.
  return { shortfall, spare, total: shortfall.user + shortfall.device };
}

/** Whether tiers can each be matched to a distinct spare CAL of that tier or later (newest needs first). */
function fits(wanted: readonly number[], spare: readonly number[]): boolean {
  const left = [...spare];
  return take(wanted, left);
}

function takeSpare(wanted: readonly number[], spare: number[]): void {
  take(wanted, spare);
}

/** Takes, for each wanted tier (newest first), the oldest spare CAL that covers it; false when one is missing. */
function take(wanted: readonly number[], spare: number[]): boolean {
  for (const t of [...wanted].sort((a, b) => b - a)) {
    let k = t;
    while (k < spare.length && !((spare[k] ?? 0) > 0)) k++;
    if (k >= spare.length) return false;
    spare[k] = (spare[k] as number) - 1;
  }
  return true;
}
