import type { TierChainLayout } from "./lay-out-tier-chains.ts";

/** The priced arcs' capacities: source -> user u's tier k, device d's tier k -> sink. Non-negative safe integers. */
export interface TierChainCapacities {
  readonly user: (user: number, tier: number) => number;
  readonly device: (device: number, tier: number) => number;
}

/**
 * A maximum flow and the minimal minimum cut of a tier-chain network, over its implicit layout. Node
 * numbers are the explicit network's (`TierChainLayout`). Flows are an Int32Array when no holder's
 * priced arcs add up to 2^31 or more (no flow can exceed that), else a Float64Array.
 */
export interface TierChainCut {
  readonly value: number;
  /** sourceSide[v] = 1 when node v is reachable from the source in the residual network. */
  readonly sourceSide: Uint8Array;
  /** Per tier node: the flow on its priced arc (from the source to a user's, from a device's to the sink). */
  readonly pricedFlow: Int32Array | Float64Array;
  /** Per tier node of tier k: the flow on its holder's chain arc between k and k+1 (user k -> k+1, device k+1 -> k). */
  readonly chainFlow: Int32Array | Float64Array;
  /** Per edge: the flow on its arc. */
  readonly edgeFlow: Int32Array | Float64Array;
}

/**
 * The minimum cut of the tier-chain network straight from the pair arrays (`layOutTierChains`): no
 * `FlowNetwork`, no residual slots, no push-relabel workspace. What `solveBipartiteCoverCut` does for one
 * tier, over chains: a user's tier-k source arc and chain arc to k+1 are implicit, and its edges are its
 * own run of pairs, read by tier. On large inputs fresh memory is most of a solve's cost, so this touches
 * the flows, the source side and, only when the greedy pass leaves flow to find, the search arrays.
 *
 * First the edges only one side can cover saturate that holder's priced arcs up to their tier (every
 * maximum flow does: the arc from the source, or to the sink, is infinite). Then a greedy pass sends each
 * user's capacity along its edges, from its highest tier at or below the edge's and into the device's
 * highest tier with room at or below it. Then the flow left to find is found in passes: each pass walks
 * depth first from every user tier node with room left on its source arc, enters each node at most once,
 * and sends along every path to the sink it finds (going back only to the first arc the path filled).
 * Entering a holder at tier k reaches its chain the infinite way (a user's tiers above k, a device's
 * below) and the other way as far as the chain carries flow. A walk that sends nothing and meets only
 * its own nodes has entered a closed set (no path ever leaves it): on the source side for good, and later
 * passes step around it. A pass that finds no path has entered exactly what the source reaches in the
 * residual network: the minimal source side, the one `solveMinCut` gives. (One search per node with room, each exploring anew, was superlinear: on
 * `calwise evaluate`'s 200k-user estate it gave up after 4 s; shortest-path Dinic phases took 18 phases
 * of about the whole reachable region each; these passes reach fewer nodes each and need no levels.)
 *
 * Returns undefined when the passes exceed `searchBudget` (by default 24 times the edges and nodes,
 * counted in arcs looked at, about where the explicit solve it falls back to becomes cheaper:
 * `calwise evaluate`'s 200k-user estate, kiosks shared by about 19 users each over four tiers, takes 45
 * passes of some 100k nodes each and 21M of its 34M), when a capacity is not a non-negative safe
 * integer, or when the capacities could add up beyond the safe integers: the caller then solves the
 * explicit network with `solveMinCut`.
 */
export function solveTierChainCut(
  layout: TierChainLayout,
  capacities: TierChainCapacities,
  searchBudget = 24 * (layout.graph.edgeTier.length + layout.nodeCount) + 4096,
): TierChainCut | undefined {
  const { graph, nodeCount } = layout;
  const { userTop, deviceTop, edgeTier } = graph;
  const userCapacity = capacities.user;
  const deviceCapacity = capacities.device;

  // Every capacity checked, and the largest holder's total: no flow on its arcs can exceed it.
  const users = sumCapacities(userTop, userCapacity);
  const devices = sumCapacities(deviceTop, deviceCapacity);
  if (users === undefined || devices === undefined) return undefined;
  if (users.sum + devices.sum > Number.MAX_SAFE_INTEGER) return undefined;
  const narrow = Math.max(users.largest, devices.largest) <= 0x7fffffff;
  const pricedFlow = narrow ? new Int32Array(nodeCount) : new Float64Array(nodeCount);
  const chainFlow = narrow ? new Int32Array(nodeCount) : new Float64Array(nodeCount);
  const edgeFlow = narrow ? new Int32Array(edgeTier.length) : new Float64Array(edgeTier.length);
  const sourceSide = new Uint8Array(nodeCount);
  sourceSide[0] = 1;
  const flows = { pricedFlow, chainFlow, edgeFlow, sourceSide };
  // Each pass in its own function, so each loop is optimised on its own.
  let value =
    layout.deviceOnlyEdge === undefined
      ? 0
      : saturateDeviceOnlyEdges(layout, deviceCapacity, flows);
  const greedy = sendGreedily(layout, capacities, flows);
  value += greedy.value;
  const short = greedy.short;
  // Every source arc full: the flow saturates the cut around the source (and the device-only tiers).
  if (!short) return { value, sourceSide, pricedFlow, chainFlow, edgeFlow };
  const sent = augmentInPasses(
    layout,
    capacities,
    { pricedFlow, chainFlow, edgeFlow, sourceSide },
    greedy.given,
    searchBudget,
  );
  if (sent === undefined) return undefined;
  return { value: value + sent, sourceSide, pricedFlow, chainFlow, edgeFlow };
}

/**
 * A device-only edge is an infinite arc from the source: its device's tiers up to it are full and on
 * the source side (nothing else enters them: a path through them would have to leave by a full arc).
 * Returns the flow sent.
 */
function saturateDeviceOnlyEdges(
  layout: TierChainLayout,
  deviceCapacity: (device: number, tier: number) => number,
  flows: Flows,
): number {
  const { pricedFlow, chainFlow, edgeFlow, sourceSide } = flows;
  const deviceOnly = layout.deviceOnlyEdge as Int32Array;
  const { edgeTier } = layout.graph;
  let value = 0;
  for (let d = 0; d < deviceOnly.length; d++) {
    const e = deviceOnly[d] as number;
    if (e < 0) continue;
    const first = layout.deviceFirst[d] as number;
    const tier = edgeTier[e] as number;
    let below = 0;
    for (let k = 0; k <= tier; k++) {
      below += deviceCapacity(d, k);
      pricedFlow[first + k] = deviceCapacity(d, k);
      if (k < tier) chainFlow[first + k] = below;
      sourceSide[first + k] = 1;
    }
    edgeFlow[e] = below;
    value += below;
  }
  return value;
}

/**
 * The greedy pass, user by user: a user-only edge (an infinite arc to the sink) first takes every tier up
 * to its own; then each edge takes the user's highest tiers at or below its tier, into the device's
 * highest tiers with room at or below it (lower tiers can serve more edges, so they are kept for last).
 * Returns the flow sent and whether some user has room left on a source arc.
 */
function sendGreedily(
  layout: TierChainLayout,
  capacities: TierChainCapacities,
  flows: Flows,
): { value: number; short: boolean; given: FlowEdges } {
  const { userFirst, deviceFirst, userEdgeStart, edgeOrder } = layout;
  const { userTop, edgeDevice, edgeTier } = layout.graph;
  const { pricedFlow, chainFlow, edgeFlow } = flows;
  const userCapacity = capacities.user;
  const deviceCapacity = capacities.device;
  const userOnly = layout.userOnlyEdge;
  const remaining = new Float64Array(layout.maxTier + 1);
  // The edges given flow, for the passes' lists of a device's edges back (a user gives a few each).
  let given = new Int32Array(Math.max(64, userTop.length * 2));
  let givenCount = 0;
  let value = 0;
  let short = false;
  for (let u = 0; u < userTop.length; u++) {
    const top = userTop[u] as number;
    if (top < 0) continue;
    const first = userFirst[u] as number;
    let left = 0;
    for (let k = 0; k <= top; k++) {
      const capacity = userCapacity(u, k);
      remaining[k] = capacity;
      left += capacity;
    }
    const only = userOnly === undefined ? -1 : (userOnly[u] as number);
    if (only >= 0) {
      const tier = edgeTier[only] as number;
      let below = 0;
      for (let k = 0; k <= tier; k++) {
        below += remaining[k] as number;
        pricedFlow[first + k] = remaining[k] as number;
        if (k < tier) chainFlow[first + k] = below;
        remaining[k] = 0;
      }
      edgeFlow[only] = below;
      value += below;
      left -= below;
    }
    const end = userEdgeStart[u + 1] as number;
    for (let slot = userEdgeStart[u] as number; slot < end && left > 0; slot++) {
      const e = edgeOrder === undefined ? slot : (edgeOrder[slot] as number);
      const d = edgeDevice[e] as number;
      if (d < 0) continue;
      const tier = edgeTier[e] as number;
      const deviceAt = deviceFirst[d] as number;
      let k = tier;
      let j = tier;
      let room = 0;
      for (;;) {
        while (k >= 0 && remaining[k] === 0) k--;
        if (k < 0) break;
        while (j >= 0) {
          room = deviceCapacity(d, j) - (pricedFlow[deviceAt + j] as number);
          if (room > 0) break;
          j--;
        }
        if (j < 0) break;
        const amount = Math.min(remaining[k] as number, room);
        remaining[k] = (remaining[k] as number) - amount;
        left -= amount;
        value += amount;
        pricedFlow[first + k] = (pricedFlow[first + k] as number) + amount;
        for (let i = k; i < tier; i++)
          chainFlow[first + i] = (chainFlow[first + i] as number) + amount;
        const before = edgeFlow[e] as number;
        if (before === 0 && amount > 0) {
          if (givenCount === given.length) given = grow(given);
          given[givenCount++] = e;
        }
        edgeFlow[e] = before + amount;
        for (let i = j; i < tier; i++)
          chainFlow[deviceAt + i] = (chainFlow[deviceAt + i] as number) + amount;
        pricedFlow[deviceAt + j] = (pricedFlow[deviceAt + j] as number) + amount;
      }
    }
    if (left > 0) short = true;
  }
  return { value, short, given: { edges: given, count: givenCount } };
}

/** Checks every priced capacity of one side; their sum and the largest holder's total, or undefined. */
function sumCapacities(
  tops: Int32Array,
  capacity: (holder: number, tier: number) => number,
): { sum: number; largest: number } | undefined {
  let sum = 0;
  let largest = 0;
  for (let h = 0; h < tops.length; h++) {
    const top = tops[h] as number;
    let total = 0;
    for (let k = 0; k <= top; k++) {
      const c = capacity(h, k);
      if (!(c >= 0) || !Number.isSafeInteger(c)) return undefined;
      total += c;
    }
    sum += total;
    if (total > largest) largest = total;
  }
  return sum > Number.MAX_SAFE_INTEGER ? undefined : { sum, largest };
}

type Flows = Pick<TierChainCut, "pricedFlow" | "chainFlow" | "edgeFlow" | "sourceSide">;

/** The edges (with a user and a device) the greedy pass gave flow: the first `count` of `edges`. */
interface FlowEdges {
  readonly edges: Int32Array;
  readonly count: number;
}

// Arc codes of a node's residual arcs in a pass's current-arc pointer. Along the chain: ARC_UP the
// infinite way (a user's tier up, a device's down), ARC_DOWN back the way the chain carries flow; then
// ARC_EDGES + i for the node's edges: a user tier's i-th edge of its user's run (out, of its tier), a
// device tier's i-th edge of its device's list of edges given flow by the greedy pass (in, of its tier,
// while it carries flow); -2 - s for slot s of the device's later list (edges given flow by the passes);
// ARC_END: none left.
const ARC_UP = 0;
const ARC_DOWN = 1;
const ARC_EDGES = 2;
const ARC_END = 0x7fffffff;
// sourceSide while the passes run: 0 open, 1 on the source side for good, DEAD closed (no path to the
// sink) but whether the source reaches it is decided at the end.
const DEAD = 2;

/**
 * The flow the greedy pass left to find, in depth-first passes (see solveTierChainCut): returns the flow
 * they added, or undefined past their budget. Marks the source side in `flows.sourceSide`.
 *
 * Nothing is listed for every edge: a user tier's edges are its user's own run, read by tier, and a
 * device tier's residual arcs back along edges exist only while an edge carries flow, so each device
 * lists only the edges the greedy pass gave flow (`greedyEdges`) and, in a second list, those the passes
 * give flow later. The per-node arrays are written only where a walk enters, so a pass that meets a few
 * thousand nodes touches a few thousand entries of them.
 *
 * Each walk is a depth-first search; a node's order is its place among all entries (`seen`). When a
 * node finishes, no path was sent since it was entered, and every residual arc its subtree looked at
 * leads into the subtree or to a node closed for good (its subtree's low order is its own: Tarjan's root
 * test), the subtree is a closed set: no residual arc leaves it, and none ever will (flow moves only
 * along paths to the sink, which cannot enter it), so no later walk enters it (dead tiers leave the
 * passes at once, not at the last). When the subtree is the whole walk (from its start, which has room
 * on its source arc), the source reaches it for good: it is on the source side. Otherwise whether the
 * source still reaches it at the end is decided then (`DEAD`, resolved from the nodes that met it).
 * (Arcs made residual by a send join nodes of the path sent along; none of the subtree's nodes were on
 * it.)
 */
function augmentInPasses(
  layout: TierChainLayout,
  capacities: TierChainCapacities,
  flows: Flows,
  greedyEdges: FlowEdges,
  searchBudget: number,
): number | undefined {
  const { graph, nodeCount, userFirst, deviceFirst, userEdgeStart, edgeOrder } = layout;
  const { userTop, deviceTop, edgeUser, edgeDevice, edgeTier } = graph;
  const { pricedFlow, chainFlow, edgeFlow, sourceSide } = flows;
  const userCount = userTop.length;
  const userOnly = layout.userOnlyEdge;
  const userCapacity = capacities.user;
  const deviceCapacity = capacities.device;
  // Per node its holder (users u, devices userCount + d), written when a walk first enters the node.
  const holderOf = new Int32Array(nodeCount);
  // Per device, the edges the greedy pass gave flow: listEdge[listStart[d]..listStart[d+1]-1].
  const { listStart, listEdge } = listByDevice(greedyEdges, edgeDevice, deviceTop.length);
  // Per device, the edges the passes gave flow, newest first: slots from laterHead[d] - 1 on, through
  // laterNext[slot] - 1 (0: none). An edge may be listed twice (harmless: its arc is looked at twice).
  const laterHead = new Int32Array(deviceTop.length);
  let laterNext = new Int32Array(64);
  let laterEdge = new Int32Array(64);
  let laterCount = 0;
  // seen[v]: v's order, its place among every node entry of every pass (rising), 0 never entered.
  const seen = new Int32Array(nodeCount);
  let order = 0;
  const arc = new Int32Array(nodeCount);
  // The nodes the pass entered, in order.
  let queue = new Int32Array(1024);
  // The user tier nodes with room left on their source arcs (the greedy pass leaves few).
  let starts = new Int32Array(64);
  let startCount = 0;
  for (let u = 0; u < userCount; u++) {
    const first = userFirst[u] as number;
    for (let k = 0; k <= (userTop[u] as number); k++) {
      if (userCapacity(u, k) <= (pricedFlow[first + k] as number)) continue;
      if (startCount === starts.length) starts = grow(starts);
      holderOf[first + k] = u;
      starts[startCount++] = first + k;
    }
  }
  // Per depth of the walk: its node, the arc it left by, its lowest order met (Tarjan's low; -1 once it
  // met an open node of another walk), and its place in `queue`.
  let pathNode = new Int32Array(64);
  let pathArc = new Int32Array(64);
  let pathLow = new Int32Array(64);
  let pathQueued = new Int32Array(64);
  // The holder of the node `targetOf` last returned.
  let targetHolder = 0;
  // The nodes closed as DEAD, and the nodes that met one (for resolveDead).
  let dead = new Int32Array(64);
  let deadCount = 0;
  let metDead = new Int32Array(64);
  let metDeadCount = 0;
  let work = searchBudget;
  let sent = 0;

  for (;;) {
    // One depth-first pass from every node with room on its source arc; each node entered at most once.
    let tail = 0;
    let kept = 0;
    let found = false;
    const passFirst = order + 1;
    // The last order given before the last send: subtrees entered after it saw the residual network as is.
    let lastSend = 0;
    for (let i = 0; i < startCount; i++) {
      const s = starts[i] as number;
      if (excessOf(s) === 0 || sourceSide[s] === 1) continue;
      starts[kept++] = s;
      if (sourceSide[s] === DEAD || (seen[s] as number) >= passFirst) continue;
      if (order >= 0x7ffffffe) return undefined;
      const walkFirst = order + 1;
      seen[s] = ++order;
      arc[s] = ARC_UP;
      if (tail === queue.length) queue = grow(queue);
      pathQueued[0] = tail;
      queue[tail++] = s;
      pathLow[0] = order;
      let depth = 0;
      pathNode[0] = s;
      for (;;) {
        const v = pathNode[depth] as number;
        if (sinkRoom(v) > 0) {
          found = true;
          sent += sendAlongPath(depth);
          lastSend = order;
          if (excessOf(s) === 0) break;
          // Back to the first arc the path filled (or on from the node whose sink arc it filled).
          for (let at = 0; at < depth; at++) {
            if (roomOf(pathNode[at] as number, pathArc[at] as number) === 0) {
              depth = at;
              break;
            }
          }
          continue;
        }
        let a = arc[v] as number;
        let w = -1;
        let low = pathLow[depth] as number;
        for (; a !== ARC_END; a = nextArc(v, a)) {
          work--;
          w = targetOf(v, a);
          if (w >= 0) {
            const side = sourceSide[w] as number;
            if (side === 0) {
              const met = seen[w] as number;
              if (met < passFirst) break;
              // Met again: a node of this walk (its order), or an open node of an earlier walk.
              low = met >= walkFirst ? Math.min(low, met) : -1;
            } else if (side === DEAD) {
              if (metDeadCount === metDead.length) metDead = grow(metDead);
              metDead[metDeadCount++] = v;
            }
          }
          w = -1;
        }
        arc[v] = a;
        pathLow[depth] = low;
        if (w >= 0) {
          if (depth + 1 === pathNode.length) {
            pathNode = grow(pathNode);
            pathArc = grow(pathArc);
            pathLow = grow(pathLow);
            pathQueued = grow(pathQueued);
          }
          if (order >= 0x7ffffffe) return undefined;
          seen[w] = ++order;
          holderOf[w] = targetHolder;
          arc[w] = ARC_UP;
          if (tail === queue.length) queue = grow(queue);
          pathArc[depth] = a;
          pathNode[++depth] = w;
          pathLow[depth] = order;
          pathQueued[depth] = tail;
          queue[tail++] = w;
          continue;
        }
        // v is finished: its subtree is queue[pathQueued[depth]..tail-1].
        const mine = seen[v] as number;
        if (low >= mine && mine > lastSend) {
          const side = depth === 0 ? 1 : DEAD;
          for (let at = pathQueued[depth] as number; at < tail; at++) {
            const x = queue[at] as number;
            sourceSide[x] = side;
            if (side === DEAD) {
              if (deadCount === dead.length) dead = grow(dead);
              dead[deadCount++] = x;
            }
          }
          tail = pathQueued[depth] as number;
        } else if (depth > 0 && low < (pathLow[depth - 1] as number)) pathLow[depth - 1] = low;
        if (depth === 0) break;
        depth--;
      }
      if (work < 0) return undefined;
    }
    startCount = kept;
    if (!found) {
      // No path left: what this pass entered is what the source reaches, the minimal source side,
      // with the closed nodes the source reaches.
      for (let i = 0; i < tail; i++) sourceSide[queue[i] as number] = 1;
      resolveDead(startCount);
      return sent;
    }
  }

  /**
   * The closed nodes (`DEAD`) the source reaches join the source side, the rest leave it: from the
   * starts with room that closed, and from the nodes on the source side that met closed ones, breadth
   * first over residual arcs into closed nodes.
   */
  function resolveDead(startsLeft: number): void {
    let reached = new Int32Array(64);
    let count = 0;
    const reach = (x: number) => {
      sourceSide[x] = 1;
      if (count === reached.length) reached = grow(reached);
      reached[count++] = x;
    };
    for (let i = 0; i < startsLeft; i++) {
      const s = starts[i] as number;
      if (sourceSide[s] === DEAD && excessOf(s) > 0) reach(s);
    }
    for (let i = 0; i < metDeadCount; i++) {
      const v = metDead[i] as number;
      if (sourceSide[v] === 1) {
        if (count === reached.length) reached = grow(reached);
        reached[count++] = v;
      }
    }
    for (let i = 0; i < count; i++) {
      const x = reached[i] as number;
      for (let a = ARC_UP as number; a !== ARC_END; a = nextArc(x, a)) {
        const w = targetOf(x, a);
        if (w >= 0 && sourceSide[w] === DEAD) reach(w);
      }
    }
    for (let i = 0; i < deadCount; i++) {
      const x = dead[i] as number;
      if (sourceSide[x] === DEAD) sourceSide[x] = 0;
    }
  }

  function excessOf(s: number): number {
    const u = holderOf[s] as number;
    return userCapacity(u, s - (userFirst[u] as number)) - (pricedFlow[s] as number);
  }

  /** The room on v's arc to the sink: a device tier's priced arc, a user's tier at or below its user-only edge. */
  function sinkRoom(v: number): number {
    const h = holderOf[v] as number;
    if (h < userCount) {
      const only = userOnly === undefined ? -1 : (userOnly[h] as number);
      return only >= 0 && v - (userFirst[h] as number) <= (edgeTier[only] as number)
        ? Number.POSITIVE_INFINITY
        : 0;
    }
    const d = h - userCount;
    return deviceCapacity(d, v - (deviceFirst[d] as number)) - (pricedFlow[v] as number);
  }

  /** The arc code after a at v (edge arcs only of v's tier; each entry passed over counts as work). */
  function nextArc(v: number, a: number): number {
    if (a === ARC_UP) return ARC_DOWN;
    const h = holderOf[v] as number;
    if (h < userCount) {
      const start = userEdgeStart[h] as number;
      const end = userEdgeStart[h + 1] as number;
      const k = v - (userFirst[h] as number);
      for (let slot = start + (a === ARC_DOWN ? 0 : a - ARC_EDGES + 1); slot < end; slot++) {
        const e = edgeOrder === undefined ? slot : (edgeOrder[slot] as number);
        if (edgeTier[e] === k && (edgeDevice[e] as number) >= 0) return ARC_EDGES + slot - start;
        work--;
      }
      return ARC_END;
    }
    const d = h - userCount;
    const k = v - (deviceFirst[d] as number);
    let slot: number;
    if (a >= ARC_DOWN) {
      const start = listStart[d] as number;
      const end = listStart[d + 1] as number;
      for (let at = start + (a === ARC_DOWN ? 0 : a - ARC_EDGES + 1); at < end; at++) {
        if (edgeTier[listEdge[at] as number] === k) return ARC_EDGES + at - start;
        work--;
      }
      slot = (laterHead[d] as number) - 1;
    } else slot = (laterNext[-2 - a] as number) - 1;
    for (; slot >= 0; slot = (laterNext[slot] as number) - 1) {
      if (edgeTier[laterEdge[slot] as number] === k) return -2 - slot;
      work--;
    }
    return ARC_END;
  }

  /** The edge of edge arc a at v (a >= ARC_EDGES, or a later slot's code). */
  function edgeOf(v: number, a: number): number {
    const h = holderOf[v] as number;
    if (h < userCount) {
      const slot = (userEdgeStart[h] as number) + a - ARC_EDGES;
      return edgeOrder === undefined ? slot : (edgeOrder[slot] as number);
    }
    if (a < 0) return laterEdge[-2 - a] as number;
    return listEdge[(listStart[h - userCount] as number) + a - ARC_EDGES] as number;
  }

  /** Where arc a from v leads when it has room (its holder in `targetHolder`), else -1. */
  function targetOf(v: number, a: number): number {
    const h = holderOf[v] as number;
    targetHolder = h;
    if (h < userCount) {
      const k = v - (userFirst[h] as number);
      if (a === ARC_UP) return k < (userTop[h] as number) ? v + 1 : -1;
      if (a === ARC_DOWN) return k > 0 && (chainFlow[v - 1] as number) > 0 ? v - 1 : -1;
      const d = edgeDevice[edgeOf(v, a)] as number;
      targetHolder = userCount + d;
      return (deviceFirst[d] as number) + k;
    }
    const d = h - userCount;
    const k = v - (deviceFirst[d] as number);
    if (a === ARC_UP) return k > 0 ? v - 1 : -1;
    if (a === ARC_DOWN)
      return k < (deviceTop[d] as number) && (chainFlow[v] as number) > 0 ? v + 1 : -1;
    const e = edgeOf(v, a);
    if ((edgeFlow[e] as number) <= 0) return -1;
    const u = edgeUser[e] as number;
    targetHolder = u;
    return (userFirst[u] as number) + k;
  }

  /** The room on arc a from v (infinite on the arcs the network makes infinite). */
  function roomOf(v: number, a: number): number {
    const h = holderOf[v] as number;
    if (h < userCount) {
      if (a === ARC_DOWN) return chainFlow[v - 1] as number;
      return Number.POSITIVE_INFINITY;
    }
    if (a === ARC_UP) return Number.POSITIVE_INFINITY;
    if (a === ARC_DOWN) return chainFlow[v] as number;
    return edgeFlow[edgeOf(v, a)] as number;
  }

  /** Sends along arc a from v. */
  function sendAlong(v: number, a: number, amount: number): void {
    const h = holderOf[v] as number;
    if (h < userCount) {
      if (a === ARC_UP) chainFlow[v] = (chainFlow[v] as number) + amount;
      else if (a === ARC_DOWN) chainFlow[v - 1] = (chainFlow[v - 1] as number) - amount;
      else {
        const e = edgeOf(v, a);
        const before = edgeFlow[e] as number;
        // An edge starting to carry flow: its device tier now has a residual arc back along it.
        if (before === 0) listLater(e);
        edgeFlow[e] = before + amount;
      }
    } else if (a === ARC_UP) chainFlow[v - 1] = (chainFlow[v - 1] as number) + amount;
    else if (a === ARC_DOWN) chainFlow[v] = (chainFlow[v] as number) - amount;
    else {
      const e = edgeOf(v, a);
      edgeFlow[e] = (edgeFlow[e] as number) - amount;
    }
  }

  /** Lists edge e on its device's later list. */
  function listLater(e: number): void {
    if (laterCount === laterEdge.length) {
      laterEdge = grow(laterEdge);
      laterNext = grow(laterNext);
    }
    const d = edgeDevice[e] as number;
    laterEdge[laterCount] = e;
    laterNext[laterCount] = laterHead[d] as number;
    laterHead[d] = ++laterCount;
  }

  /** Sends the most the path pathNode[0..depth] (ending at a sink arc) takes; returns the amount. */
  function sendAlongPath(depth: number): number {
    const start = pathNode[0] as number;
    const last = pathNode[depth] as number;
    let amount = Math.min(excessOf(start), sinkRoom(last));
    for (let i = 0; i < depth; i++)
      amount = Math.min(amount, roomOf(pathNode[i] as number, pathArc[i] as number));
    for (let i = 0; i < depth; i++) sendAlong(pathNode[i] as number, pathArc[i] as number, amount);
    const h = holderOf[last] as number;
    if (h < userCount) {
      // On from the tier reached up the chain to the user-only edge, and along it to the sink.
      const e = (userOnly as Int32Array)[h] as number;
      const at = userFirst[h] as number;
      for (let i = last - at; i < (edgeTier[e] as number); i++)
        chainFlow[at + i] = (chainFlow[at + i] as number) + amount;
      edgeFlow[e] = (edgeFlow[e] as number) + amount;
    } else pricedFlow[last] = (pricedFlow[last] as number) + amount;
    pricedFlow[start] = (pricedFlow[start] as number) + amount;
    return amount;
  }
}

/** The edges given flow, listed by device (a counting sort): listEdge[listStart[d]..listStart[d+1]-1]. */
function listByDevice(
  given: FlowEdges,
  edgeDevice: Int32Array,
  deviceCount: number,
): { listStart: Int32Array; listEdge: Int32Array } {
  const listStart = new Int32Array(deviceCount + 1);
  const { edges, count } = given;
  for (let i = 0; i < count; i++) {
    const d = edgeDevice[edges[i] as number] as number;
    listStart[d] = (listStart[d] as number) + 1;
  }
  // Counts summed into ends; placing counts each back down to its start.
  for (let d = 1; d <= deviceCount; d++)
    listStart[d] = (listStart[d] as number) + (listStart[d - 1] as number);
  const listEdge = new Int32Array(count);
  for (let i = count - 1; i >= 0; i--) {
    const e = edges[i] as number;
    const d = edgeDevice[e] as number;
    listStart[d] = (listStart[d] as number) - 1;
    listEdge[listStart[d] as number] = e;
  }
  return { listStart, listEdge };
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(2 * array.length);
  larger.set(array);
  return larger;
}
