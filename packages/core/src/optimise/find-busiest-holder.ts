/**
 * The holder of `component` with the most neighbours inside it (`members`: the component as a set), the first
 * on ties: what the bounds by components and by tiers branch on to split a part too large to enumerate.
 */
export function findBusiestHolder(
  graph: { neighbours(h: number): Int32Array },
  component: readonly number[],
  members: ReadonlySet<number>,
): number {
  let busiest = component[0] as number;
  let most = -1;
  for (const h of component) {
    let d = 0;
    for (const w of graph.neighbours(h)) if (members.has(w)) d++;
    if (d > most) {
      most = d;
      busiest = h;
    }
  }
  return busiest;
}
