/** The least union of k of the sets, every choice tried (the reference of the least-union searches' tests). */
export function leastUnionByBruteForce(sets: readonly (readonly number[])[], k: number): number {
  let least = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 1 << sets.length; mask++) {
    let chosen = 0;
    const users = new Set<number>();
    sets.forEach((set, i) => {
      if (!((mask >> i) & 1)) return;
      chosen++;
      for (const p of set) users.add(p);
    });
    if (chosen === k) least = Math.min(least, users.size);
  }
  return least;
}
