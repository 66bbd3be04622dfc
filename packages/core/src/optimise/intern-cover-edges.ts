import type { CoverEdge } from "./choose-cal-mix.ts";

/**
 * Holders and edges interned to integers, so the rest of the work runs over typed arrays.
 * Holders are numbered in order of first appearance (the order `CalMix` maps iterate in).
 */
export interface InternedEdges {
  readonly userNames: readonly string[];
  readonly deviceNames: readonly string[];
  /** Highest tier each holder must be able to reach. */
  readonly userTop: Int32Array;
  readonly deviceTop: Int32Array;
  /** Per edge, the user and device index that can cover it, or -1 when that side cannot. */
  readonly edgeUser: Int32Array;
  readonly edgeDevice: Int32Array;
}

// The Lagrangian search in plan-family-cover solves the same edges many times with other prices: intern once.
const internCache = new WeakMap<readonly CoverEdge[], InternedEdges>();

/** The edges interned (`internEdges`), once per edge array: the cut is solved many times over the same edges. */
export function internCoverEdges(edges: readonly CoverEdge[]): InternedEdges {
  let interned = internCache.get(edges);
  if (!interned) {
    interned = internEdges(edges);
    internCache.set(edges, interned);
  }
  return interned;
}

/** Numbers users and devices in order of first appearance and records each holder's highest tier. */
function internEdges(edges: readonly CoverEdge[]): InternedEdges {
  const userIndex = new Map<string, number>();
  const deviceIndex = new Map<string, number>();
  const userNames: string[] = [];
  const deviceNames: string[] = [];
  const userTop: number[] = [];
  const deviceTop: number[] = [];
  const edgeUser = new Int32Array(edges.length);
  const edgeDevice = new Int32Array(edges.length);
  // Edges usually come grouped by user: comparing with the previous name skips most user look-ups.
  let lastUserName: string | undefined;
  let lastUser = -1;
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e] as CoverEdge;
    let u = -1;
    let d = -1;
    if (edge.user !== undefined && !edge.deviceOnly) {
      u = edge.user === lastUserName ? lastUser : (userIndex.get(edge.user) ?? -1);
      if (u < 0) {
        u = userNames.length;
        userIndex.set(edge.user, u);
        userNames.push(edge.user);
        userTop.push(edge.tier);
      } else if (edge.tier > (userTop[u] as number)) userTop[u] = edge.tier;
      lastUserName = edge.user;
      lastUser = u;
    }
    if (edge.device !== undefined && !edge.userOnly) {
      d = deviceIndex.get(edge.device) ?? -1;
      if (d < 0) {
        d = deviceNames.length;
        deviceIndex.set(edge.device, d);
        deviceNames.push(edge.device);
        deviceTop.push(edge.tier);
      } else if (edge.tier > (deviceTop[d] as number)) deviceTop[d] = edge.tier;
    }
    if (u < 0 && d < 0) throw new Error("a cover edge needs a user or a device");
    edgeUser[e] = u;
    edgeDevice[e] = d;
  }
  return {
    userNames,
    deviceNames,
    userTop: Int32Array.from(userTop),
    deviceTop: Int32Array.from(deviceTop),
    edgeUser,
    edgeDevice,
  };
}
