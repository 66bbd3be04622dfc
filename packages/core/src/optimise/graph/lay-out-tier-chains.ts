/**
 * A tier-chain cover graph as pair arrays: users 0..userTop.length-1 and devices 0..deviceTop.length-1,
 * each with a chain of tier nodes 0..top (top -1: no chain), and per edge the user and the device that
 * can cover it (-1 when that side cannot) and the tier it needs.
 */
export interface TierChainGraph {
  readonly userTop: Int32Array;
  readonly deviceTop: Int32Array;
  readonly edgeUser: Int32Array;
  readonly edgeDevice: Int32Array;
  readonly edgeTier: Int32Array | Uint8Array;
}

/** The edges of a `TierChainGraph` and its holder counts; the tops are read from the edges when absent. */
export interface TierChainEdges {
  readonly userCount: number;
  readonly deviceCount: number;
  readonly edgeUser: Int32Array;
  readonly edgeDevice: Int32Array;
  readonly edgeTier: Int32Array | Uint8Array;
  readonly userTop?: Int32Array;
  readonly deviceTop?: Int32Array;
}

/**
 * Where the implicit network of a `TierChainGraph` puts things, without its arcs. The network is the one
 * `buildTierChainNetwork` lays out explicitly: source 0, sink 1, then each user's tier nodes, then each
 * device's; per user tier k an arc source -> k (priced) and k -> k+1 (infinite), per device tier k an arc
 * k -> sink (priced) and k+1 -> k (infinite), per edge user tier t -> device tier t (infinite; from the
 * source when no user can cover it, to the sink when no device can).
 */
export interface TierChainLayout {
  readonly graph: TierChainGraph;
  readonly nodeCount: number;
  /** Arcs of the explicit network: the certificate's size. */
  readonly arcCount: number;
  /** User u's tier k is node userFirst[u] + k; device d's is deviceFirst[d] + k. */
  readonly userFirst: Int32Array;
  readonly deviceFirst: Int32Array;
  /**
   * User u's edges are edgeOrder[userEdgeStart[u]..userEdgeStart[u+1]-1], or those edge numbers
   * themselves when edgeOrder is undefined (the edges come grouped by user).
   */
  readonly userEdgeStart: Int32Array;
  readonly edgeOrder: Int32Array | undefined;
  /** Per user (device), an edge of highest tier that only it can cover, -1 when none; undefined: no such edge. */
  readonly userOnlyEdge: Int32Array | undefined;
  readonly deviceOnlyEdge: Int32Array | undefined;
  /** The highest tier of any holder. */
  readonly maxTier: number;
}

/**
 * Lays out the implicit tier-chain network of `edges` (`TierChainLayout`) in one pass over the edges:
 * each holder's highest tier (when not given), node numbers, each user's edges, the edges only one side
 * can cover. Returns undefined on input the implicit cut does not take: an edge neither side can cover
 * (an unbounded flow), an end outside the graph, a tier below 0 or past a given top, tops of the wrong
 * length (the explicit network and `solveMinCut` then say what is wrong).
 */
export function layOutTierChains(edges: TierChainEdges): TierChainLayout | undefined {
  const { userCount, deviceCount, edgeUser, edgeDevice, edgeTier } = edges;
  const edgeCount = edgeTier.length;
  if (edgeUser.length !== edgeCount || edgeDevice.length !== edgeCount) return undefined;
  const given = edges.userTop !== undefined && edges.deviceTop !== undefined;
  const userTop = given ? (edges.userTop as Int32Array) : new Int32Array(userCount).fill(-1);
  const deviceTop = given ? (edges.deviceTop as Int32Array) : new Int32Array(deviceCount).fill(-1);
  if (userTop.length !== userCount || deviceTop.length !== deviceCount) return undefined;

  // Check every edge, read the tops (or check them), count each user's edges, find the one-sided edges.
  const userEdgeStart = new Int32Array(userCount + 1);
  let userOnlyEdge: Int32Array | undefined;
  let deviceOnlyEdge: Int32Array | undefined;
  let grouped = true;
  let previous = -1;
  for (let e = 0; e < edgeCount; e++) {
    const u = edgeUser[e] as number;
    const d = edgeDevice[e] as number;
    const tier = edgeTier[e] as number;
    if ((u < 0 && d < 0) || u >= userCount || d >= deviceCount || tier < 0) return undefined;
    if (d >= 0) {
      const top = deviceTop[d] as number;
      if (tier > top) {
        if (given) return undefined;
        deviceTop[d] = tier;
      }
    }
    if (u < 0) {
      deviceOnlyEdge ??= new Int32Array(deviceCount).fill(-1);
      const known = deviceOnlyEdge[d] as number;
      if (known < 0 || tier > (edgeTier[known] as number)) deviceOnlyEdge[d] = e;
      continue;
    }
    const top = userTop[u] as number;
    if (tier > top) {
      if (given) return undefined;
      userTop[u] = tier;
    }
    if (d < 0) {
      userOnlyEdge ??= new Int32Array(userCount).fill(-1);
      const known = userOnlyEdge[u] as number;
      if (known < 0 || tier > (edgeTier[known] as number)) userOnlyEdge[u] = e;
    }
    userEdgeStart[u + 1] = (userEdgeStart[u + 1] as number) + 1;
    if (u < previous) grouped = false;
    previous = u;
  }
  for (let u = 0; u < userCount; u++)
    userEdgeStart[u + 1] = (userEdgeStart[u + 1] as number) + (userEdgeStart[u] as number);
  const userFirst = new Int32Array(userCount);
  const deviceFirst = new Int32Array(deviceCount);
  let nodeCount = 2;
  let chains = 0;
  let maxTier = -1;
  for (let u = 0; u < userCount; u++) {
    const top = userTop[u] as number;
    userFirst[u] = nodeCount;
    if (top >= 0) {
      nodeCount += top + 1;
      chains++;
      if (top > maxTier) maxTier = top;
    }
  }
  for (let d = 0; d < deviceCount; d++) {
    const top = deviceTop[d] as number;
    deviceFirst[d] = nodeCount;
    if (top >= 0) {
      nodeCount += top + 1;
      chains++;
      if (top > maxTier) maxTier = top;
    }
  }
  if (nodeCount > 0x7fffffff) return undefined;
  // Edges with a user, in edge order when grouped (device-only edges have no user and are skipped).
  let edgeOrder: Int32Array | undefined;
  if (!grouped || deviceOnlyEdge !== undefined) {
    edgeOrder = new Int32Array(userEdgeStart[userCount] as number);
    const next = userEdgeStart.slice(0, userCount);
    for (let e = 0; e < edgeCount; e++) {
      const u = edgeUser[e] as number;
      if (u < 0) continue;
      const slot = next[u] as number;
      next[u] = slot + 1;
      edgeOrder[slot] = e;
    }
  }
  // Per holder with a chain, one priced arc per tier and one chain arc between tiers; one arc per edge.
  const arcCount = 2 * (nodeCount - 2) - chains + edgeCount;
  return {
    graph: { userTop, deviceTop, edgeUser, edgeDevice, edgeTier },
    nodeCount,
    arcCount,
    userFirst,
    deviceFirst,
    userEdgeStart,
    edgeOrder,
    userOnlyEdge,
    deviceOnlyEdge,
    maxTier,
  };
}
