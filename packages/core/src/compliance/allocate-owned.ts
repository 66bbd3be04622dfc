/** Owned CALs of one family that can be allocated: included with a server, bought, or part of a suite. */
export interface OwnedPool {
  readonly type: "user" | "device" | "either";
  readonly tier: number;
  readonly quantity: number;
  readonly source: string;
  /** How many of them are assigned to named holders already (not free for others in the relaxation). */
  readonly assigned?: number;
}

/** CALs the chosen cover needs: how many of a type at a tier. */
export interface Need {
  readonly type: "user" | "device";
  readonly tier: number;
  readonly count: number;
}

/** How owned CALs cover the needs: per need, covered and short; per pool, used. */
export interface Allocation {
  readonly needs: readonly (Need & { readonly covered: number; readonly shortfall: number })[];
  readonly used: readonly number[];
}

/**
 * Allocates owned CALs to needs, newer versions covering older. Needs are served from the highest tier down,
 * each from the oldest pool that still covers it, the matching type before `either`: on these nested
 * (tier ≥ need) sets this greedy order leaves no need short that another order could cover.
 */
export function allocateOwned(needs: readonly Need[], pools: readonly OwnedPool[]): Allocation {
  const remaining = pools.map((p) => p.quantity);
  const order = pools
    .map((_, i) => i)
    .sort((a, b) => (pools[a] as OwnedPool).tier - (pools[b] as OwnedPool).tier);
  const sortedNeeds = needs
    .map((n, i) => ({ n, i }))
    .sort((a, b) => b.n.tier - a.n.tier || (a.n.type < b.n.type ? -1 : 1));
  const covered = needs.map(() => 0);
  for (const { n, i } of sortedNeeds) {
    let left = n.count;
    for (const pass of [n.type, "either"] as const)
      for (const p of order) {
        if (left === 0) break;
        const pool = pools[p] as OwnedPool;
        if (pool.type !== pass || pool.tier < n.tier) continue;
        const take = Math.min(left, remaining[p] as number);
        remaining[p] = (remaining[p] as number) - take;
        left -= take;
      }
    covered[i] = n.count - left;
  }
  return {
    needs: needs.map((n, i) => ({
      ...n,
      covered: covered[i] as number,
      shortfall: n.count - (covered[i] as number),
    })),
    used: pools.map((p, i) => p.quantity - (remaining[i] as number)),
  };
}
