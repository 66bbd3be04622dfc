import { allocateOwned, type Need, type OwnedPool } from "../compliance/allocate-owned.ts";
import type { CalMix, CoverEdge } from "./choose-cal-mix.ts";

type Side = "user" | "device";

/**
 * Greedy repair of a cover against limited owned CALs. Where some holders of one side must be bought while
 * owned CALs that the other side could hold lie unused, it moves holders across: a bought device CAL is
 * dropped when every user relying on it can take an unused owned user CAL (fewest such users first), and the
 * same the other way. Each move saves one purchase and spends only owned CALs, so the true cost never rises.
 * Returns the repaired cover, or undefined when no move applies. Not an exactness claim: the caller prices it.
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
  for (const [from, to] of [
    ["device", "user"],
    ["user", "device"],
  ] as const) {
    const { shortfall, spare } = position(tiers, pools);
    let short = shortfall[from];
    if (short === 0) continue;
    // Holders of `from` that could be dropped, each with the `to` holders (and tiers) that would replace it.
    const moves: { holder: string; take: Map<string, number> }[] = [];
    for (const [holder] of tiers[from]) {
      if (held.has(holder)) continue;
      const take = new Map<string, number>();
      let possible = true;
      for (const e of bySide[from].get(holder) ?? []) {
        const other = to === "user" ? e.user : e.device;
        const onlyFrom = from === "device" ? e.deviceOnly : e.userOnly;
        if (onlyFrom || other === undefined) {
          possible = false;
          break;
        }
        if ((tiers[to].get(other) ?? -1) >= e.tier) continue;
        take.set(other, Math.max(take.get(other) ?? -1, e.tier));
      }
      if (possible) moves.push({ holder, take });
    }
    moves.sort((a, b) => a.take.size - b.take.size);
    for (const { holder, take } of moves) {
      if (short === 0) break;
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
      for (const { h, t } of wanted) {
        tiers[to].set(h, t);
        take.set(h, t);
      }
      takeSpare(
        wanted.map((w) => w.t),
        spare[to],
      );
      tiers[from].delete(holder);
      short--;
      changed = true;
    }
  }
  return changed ? { ...mix, userTier: tiers.user, deviceTier: tiers.device } : undefined;
}

/** Per side: holders short of owned CALs, and the tiers of owned CALs that side could still use. */
function position(tiers: Record<Side, Map<string, number>>, pools: readonly OwnedPool[]) {
  const needs: Need[] = [];
  for (const side of ["user", "device"] as const) {
    const counts = new Map<number, number>();
    for (const t of tiers[side].values()) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [tier, count] of counts) needs.push({ type: side, tier, count });
  }
  const allocation = allocateOwned(needs, pools);
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
  return { shortfall, spare };
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
