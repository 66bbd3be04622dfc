/** A worker thread as a reader's pool sees it: alive or not, and the jobs it holds. */
export interface WorkerLane {
  readonly alive: boolean;
  readonly pending: { readonly size: number };
}

/** The live lane holding the fewest jobs (the first of equals), or undefined when none is alive. */
export function pickLeastBusyLane<Lane extends WorkerLane>(
  lanes: readonly Lane[],
): Lane | undefined {
  let lane: Lane | undefined;
  for (const candidate of lanes)
    if (candidate.alive && (lane === undefined || candidate.pending.size < lane.pending.size))
      lane = candidate;
  return lane;
}
