import type { IndexedCoverEdges } from "./choose-indexed-cal-mix.ts";
import type { FlowNetwork } from "./graph/flow-network.ts";
import { createMinCutWorkspace, type MinCutWorkspace } from "./graph/solve-min-cut.ts";

/**
 * The cover network of `chooseIndexedCalMix` (and so of `chooseCalMix`) without its prices: the arcs of every holder's tier chain and of
 * every edge, and the solver's workspace for them. Only the priced arcs (source -> user tier, device
 * tier -> sink) change from one cut to the next; `chooseIndexedCalMix` writes them into `network.arcCapacity`
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
const networkCache = new WeakMap<IndexedCoverEdges, TierChainNetwork>();

/**
 * The tier-chain network of the edges (chain and edge arcs infinite), once per edges object; each holder
 * has a chain up to its highest tier (`userTop`, `deviceTop`; -1: no chain).
 */
export function buildTierChainNetwork(
  edges: IndexedCoverEdges,
  userTop: Int32Array,
  deviceTop: Int32Array,
): TierChainNetwork {
  let built = networkCache.get(edges);
  if (!built) {
    built = layOutTierChains(edges, userTop, deviceTop);
    networkCache.set(edges, built);
  }
  return built;
}

function layOutTierChains(
  edges: IndexedCoverEdges,
  userTop: Int32Array,
  deviceTop: Int32Array,
): TierChainNetwork {
  const { edgeUser, edgeDevice, edgeTier } = edges;
  const userCount = userTop.length;
  const deviceCount = deviceTop.length;
  let chains = 0;
  const source = 0;
  const sink = 1;
  const userFirst = new Int32Array(userCount);
  const deviceFirst = new Int32Array(deviceCount);
  let nodeCount = 2;
  for (let u = 0; u < userCount; u++) {
    userFirst[u] = nodeCount;
    nodeCount += (userTop[u] as number) + 1;
    if ((userTop[u] as number) >= 0) chains++;
  }
  for (let d = 0; d < deviceCount; d++) {
    deviceFirst[d] = nodeCount;
    nodeCount += (deviceTop[d] as number) + 1;
    if ((deviceTop[d] as number) >= 0) chains++;
  }
  // Per holder with a chain, one priced arc per tier and one chain arc between tiers: 2 * nodes - chains.
  const chainArcs = 2 * (nodeCount - 2) - chains;
  const arcCount = chainArcs + edgeTier.length;
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
  for (let e = 0; e < edgeTier.length; e++) {
    const tier = edgeTier[e] as number;
    const u = edgeUser[e] as number;
    const d = edgeDevice[e] as number;
    arcFrom[arc] = u >= 0 ? (userFirst[u] as number) + tier : source;
    arcTo[arc++] = d >= 0 ? (deviceFirst[d] as number) + tier : sink;
  }
  if (arc !== arcCount) throw new Error("tier-chain network laid out wrongly");
  const network: FlowNetwork = { nodeCount, source, sink, arcFrom, arcTo, arcCapacity };
  return { network, userFirst, deviceFirst, workspace: createMinCutWorkspace(network) };
}
