import type { CoverEdge } from "./choose-cal-mix.ts";
import type { FlowNetwork } from "./graph/flow-network.ts";
import { createMinCutWorkspace, type MinCutWorkspace } from "./graph/solve-min-cut.ts";
import type { InternedEdges } from "./intern-cover-edges.ts";

/**
 * The cover network of `chooseCalMix` without its prices: the arcs of every holder's tier chain and of
 * every edge, and the solver's workspace for them. Only the priced arcs (source -> user tier, device
 * tier -> sink) change from one cut to the next; `chooseCalMix` writes them into `network.arcCapacity`
 * in the order the arcs are laid out (per holder, tier k's priced arc then its chain arc to k+1).
 */
export interface TierChainNetwork {
  /** Source 0, sink 1, then each user's chain, then each device's chain (tier k at first + k). */
  readonly network: FlowNetwork;
  readonly userFirst: Int32Array;
  readonly deviceFirst: Int32Array;
  readonly workspace: MinCutWorkspace;
}

// The Lagrangian search solves the same edges again and again with other prices: on 200k pairs each fresh
// network and workspace is some 50 MB of new memory, which costs more than reusing it.
const networkCache = new WeakMap<InternedEdges, TierChainNetwork>();

/** The tier-chain network of the interned edges (chain and edge arcs infinite), once per edge array. */
export function buildTierChainNetwork(
  edges: readonly CoverEdge[],
  interned: InternedEdges,
): TierChainNetwork {
  let built = networkCache.get(interned);
  if (!built) {
    built = layOutTierChains(edges, interned);
    networkCache.set(interned, built);
  }
  return built;
}

function layOutTierChains(edges: readonly CoverEdge[], interned: InternedEdges): TierChainNetwork {
  const { userTop, deviceTop, edgeUser, edgeDevice } = interned;
  const userCount = userTop.length;
  const deviceCount = deviceTop.length;
  const source = 0;
  const sink = 1;
  const userFirst = new Int32Array(userCount);
  const deviceFirst = new Int32Array(deviceCount);
  let nodeCount = 2;
  for (let u = 0; u < userCount; u++) {
    userFirst[u] = nodeCount;
    nodeCount += (userTop[u] as number) + 1;
  }
  for (let d = 0; d < deviceCount; d++) {
    deviceFirst[d] = nodeCount;
    nodeCount += (deviceTop[d] as number) + 1;
  }
  // Per holder one priced arc per tier and one chain arc between tiers: 2 * nodes - holders.
  const chainArcs = 2 * (nodeCount - 2) - userCount - deviceCount;
  const arcCount = chainArcs + edges.length;
  const arcFrom = new Int32Array(arcCount);
  const arcTo = new Int32Array(arcCount);
  const arcCapacity = new Float64Array(arcCount).fill(Number.POSITIVE_INFINITY);
  let arc = 0;
  for (let u = 0; u < userCount; u++) {
    const first = userFirst[u] as number;
    const top = userTop[u] as number;
    for (let k = 0; k <= top; k++) {
      arcFrom[arc] = source;
      arcTo[arc++] = first + k;
      if (k < top) {
        arcFrom[arc] = first + k;
        arcTo[arc++] = first + k + 1;
      }
    }
  }
  for (let d = 0; d < deviceCount; d++) {
    const first = deviceFirst[d] as number;
    const top = deviceTop[d] as number;
    for (let k = 0; k <= top; k++) {
      arcFrom[arc] = first + k;
      arcTo[arc++] = sink;
      if (k < top) {
        arcFrom[arc] = first + k + 1;
        arcTo[arc++] = first + k;
      }
    }
  }
  for (let e = 0; e < edges.length; e++) {
    const tier = (edges[e] as CoverEdge).tier;
    const u = edgeUser[e] as number;
    const d = edgeDevice[e] as number;
    arcFrom[arc] = u >= 0 ? (userFirst[u] as number) + tier : source;
    arcTo[arc++] = d >= 0 ? (deviceFirst[d] as number) + tier : sink;
  }
  if (arc !== arcCount) throw new Error("tier-chain network laid out wrongly");
  const network: FlowNetwork = { nodeCount, source, sink, arcFrom, arcTo, arcCapacity };
  return { network, userFirst, deviceFirst, workspace: createMinCutWorkspace(network) };
}
