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
 * the flows, the source side and, only when the greedy pass leaves flow to find, the search arrays, and
 * those only where the searches go: a device tier lists only the edges carrying flow after the greedy
 * pass (and those given flow since); a user's edges are sorted by tier when a pass's walk first leaves it.
 *
 * First the edges only one side can cover saturate that holder's priced arcs up to their tier (every
 * maximum flow does: the arc from the source, or to the sink, is infinite). Then a greedy pass sends each
 * user's capacity along its edges, from its highest tier at or below the edge's and into the device's
 * highest tier with room at or below it. Then the flow left to find is found first as the bare cut
 * finds it: from each user tier node with room left on its source arc in turn, breadth-first searches
 * for a residual path to a node with room to the sink, one after another until the source arc is full
 * or a search fails. A failed search has looked at every residual arc of everything it reached: that
 * set is closed (no path ever leaves it), on the source side for good, and no later search enters it.
 * On the bench's 2M-pair estates the greedy pass leaves 120k-190k starts, almost all closed by a failed
 * search of a few nodes, and the few hundred to few thousand paths cost a few hundred arcs each: the
 * searches look at 4-6M arcs in all (the passes below took 3.5-6M arcs in 3-32 passes, at about twice
 * the cost per arc, a user's edges sorted by tier as a walk left it). A user tier's edges are read from
 * the user's whole run (a run is a few edges in a row: cheaper than sorting it).
 * When most searches find a path and those cross large regions (over 256 arcs a path on average:
 * `calwise evaluate`'s estates, kiosks shared by about 19 users over four tiers, where 9 searches in 10
 * find one, at 350-550 arcs each at first and thousands later, what one looked at the next looks at
 * again; on the bench's estates 1 search in 30 to 400 finds one, and the failed ones close what they
 * looked at) or past `searchesShare`, passes go on from the flow and the closed sets the searches left
 * (on `calwise evaluate`'s 100k and 200k estates after about 170 searches): each pass walks
 * depth first from every user tier node with room left on its source arc, enters each node at most once
 * unless a walk let it go, and sends along every path to the sink it finds (going back only to the first
 * arc the path filled). A walk whose start has sent all it can ends on a path that did not fail to reach
 * the sink: it lets the path's nodes go, so the walks after it in the pass may enter them again (held,
 * they cut the pass off from the sink, and the 200k-user estate took 45 passes finding about one path
 * each, its 4,000-odd user tiers with no device left re-walked every pass; let go, it takes 3). A
 * node let go keeps its current arc for the rest of the pass (what it passed over led nowhere), as a
 * blocking flow's nodes do, so later walks do not re-read it (the 100k-user estate: 12 passes of 0.3M
 * arcs looked at instead of 3 of up to 6.7M), and a walk that enters one closes nothing.
 * Entering a holder at tier k reaches its chain the infinite way (a user's tiers above k, a device's
 * below) and the other way as far as the chain carries flow. A walk that sends nothing and meets only
 * its own nodes has entered a closed set (no path ever leaves it): on the source side for good, and later
 * passes step around it. A pass that finds no path has entered exactly what the source reaches in the
 * residual network: the minimal source side, the one `solveMinCut` gives; so have the searches when
 * every start is full or closed. (Searches alone were superlinear on
 * `calwise evaluate`'s 200k-user estate: they gave up after 4 s; shortest-path Dinic phases took 18 phases
 * of about the whole reachable region each; the passes reach fewer nodes each and need no levels.)
 *
 * Returns undefined when the searches and passes exceed `searchBudget` (by default 24 times the edges and nodes,
 * counted in arcs looked at, about where the explicit solve it falls back to becomes cheaper:
 * `calwise evaluate`'s 200k-user estate, kiosks shared by about 19 users each over four tiers, takes 3
 * passes and 22M of its 34M), when a capacity is not a non-negative safe
 * integer, or when the capacities could add up beyond the safe integers: the caller then solves the
 * explicit network with `solveMinCut`. `searchesShare` is the work the breadth-first searches may take
 * before the passes go on (by default 3 times the edges and nodes; the tests give small ones, so the
 * passes go on from any point of the searches).
 */
export function solveTierChainCut(
  layout: TierChainLayout,
  capacities: TierChainCapacities,
  searchBudget = 24 * (layout.graph.edgeTier.length + layout.nodeCount) + 4096,
  searchesShare = 3 * (layout.graph.edgeTier.length + layout.nodeCount),
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
    greedy,
    searchBudget,
    searchesShare,
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
): GreedyFlow {
  const { userFirst, deviceFirst, userEdgeStart, edgeOrder } = layout;
  const { userTop, edgeDevice, edgeTier } = layout.graph;
  const { pricedFlow, chainFlow, edgeFlow } = flows;
  const userCapacity = capacities.user;
  const deviceCapacity = capacities.device;
  const userOnly = layout.userOnlyEdge;
  // What each of the user's tiers has left to send, in the flows' own type (Int32: no boxed doubles).
  const remaining =
    pricedFlow instanceof Int32Array
      ? new Int32Array(layout.maxTier + 1)
      : new Float64Array(layout.maxTier + 1);
  let value = 0;
  // The edges given flow and the users left with room, noted as they are met (grown as needed: a
  // fresh array sized for every pair costs its whole size in zeroed memory).
  let givenFlow = new Int32Array(1024);
  let given = 0;
  let shortUsers = new Int32Array(64);
  let shortCount = 0;
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
    const total = left;
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
      let gave = false;
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
        pricedFlow[first + k] = (pricedFlow[first + k] as number) + amount;
        for (let i = k; i < tier; i++)
          chainFlow[first + i] = (chainFlow[first + i] as number) + amount;
        edgeFlow[e] = (edgeFlow[e] as number) + amount;
        for (let i = j; i < tier; i++)
          chainFlow[deviceAt + i] = (chainFlow[deviceAt + i] as number) + amount;
        pricedFlow[deviceAt + j] = (pricedFlow[deviceAt + j] as number) + amount;
        gave = true;
      }
      // Each edge is met once, in its user's run: noted once.
      if (gave) {
        if (given === givenFlow.length) givenFlow = grow(givenFlow);
        givenFlow[given++] = e;
      }
    }
    // Summed per user, not per edge: the total passes the small integers, and every sum of a double in
    // a loop not yet optimised allocates a number.
    value += total - left;
    if (left > 0) {
      if (shortCount === shortUsers.length) shortUsers = grow(shortUsers);
      shortUsers[shortCount++] = u;
    }
  }
  return {
    value,
    short: shortCount > 0,
    givenFlow: givenFlow.subarray(0, given),
    shortUsers: shortUsers.subarray(0, shortCount),
  };
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

/**
 * What the greedy pass sent, whether some user has room left on a source arc, the edges it gave flow
 * (each has a user and a device; in the order met) and the users left with room.
 */
interface GreedyFlow {
  readonly value: number;
  readonly short: boolean;
  readonly givenFlow: Int32Array;
  readonly shortUsers: Int32Array;
}

// Arc codes of a node's residual arcs in a pass's current-arc pointer. Along the chain: ARC_UP the
// infinite way (a user's tier up, a device's down), ARC_DOWN back the way the chain carries flow; then
// ARC_EDGES + i for the node's i-th edge (a user tier's edges out, a device tier's edges in that carry
// flow); ARC_END: none left.
const ARC_UP = 0;
const ARC_DOWN = 1;
const ARC_EDGES = 2;
const ARC_END = 0x7fffffff;

/**
 * The flow the greedy pass left to find, in breadth-first searches from each start, then if they cross
 * large regions in depth-first passes (see solveTierChainCut): returns the flow they added, or undefined
 * past their budget. Marks the source side in `flows.sourceSide`.
 */
function augmentInPasses(
  layout: TierChainLayout,
  capacities: TierChainCapacities,
  flows: Flows,
  greedy: GreedyFlow,
  searchBudget: number,
  searchesShare: number,
): number | undefined {
  const { givenFlow, shortUsers } = greedy;
  const { graph, nodeCount, userFirst, deviceFirst } = layout;
  const { userTop, deviceTop, edgeUser, edgeDevice, edgeTier } = graph;
  const { pricedFlow, chainFlow, edgeFlow, sourceSide } = flows;
  const userCount = userTop.length;
  const userOnly = layout.userOnlyEdge;
  const userCapacity = capacities.user;
  const deviceCapacity = capacities.device;
  // Per node its holder (users u, devices userCount + d), written where a walk reaches the node: the
  // arcs are read from the holder. Like every per-node array here it is touched only where walks go
  // (fresh memory is most of a large solve's cost, and the greedy pass leaves few nodes to walk).
  const holderOf = new Int32Array(nodeCount);
  // A user tier's edges out, listed for all the user's tiers when a walk first leaves one of them (its
  // run of edges sorted by tier): userLists[userListStart[v]-1 .. userListEnd[v]-1]; 0: not listed yet.
  const userListStart = new Int32Array(nodeCount);
  const userListEnd = new Int32Array(nodeCount);
  // Grown as users are listed (the walks list few of them on most graphs).
  let userLists = new Int32Array(1024);
  let userListed = 0;
  const tierCount = new Int32Array(layout.maxTier + 2);
  // A device tier's edges in that carry flow after the greedy pass (a counting sort over those edges
  // only), then the edges given flow since, newest first (extraHead / extraNext, edge + 1; 0: none).
  const deviceBase = deviceTop.length > 0 ? (deviceFirst[0] as number) : nodeCount;
  const listedBits = new Uint32Array((edgeTier.length + 31) >>> 5);
  const deviceArcStart = new Int32Array(nodeCount - deviceBase + 1);
  const deviceArcs = listDeviceEdgesWithFlow();
  const extraHead = new Int32Array(nodeCount - deviceBase);
  // Allocated when the first edge is given flow (an edge-sized array counts against the heap's limits).
  let extraNext: Int32Array | undefined;
  // seen[v]: the stamp of the last walk (one per start per pass, rising) that entered v; 0 none.
  const seen = new Int32Array(nodeCount);
  let stamp = 0;
  const arc = new Int32Array(nodeCount);
  // The nodes the pass entered, in order. A node let go may be entered again, but a sending walk's
  // entries are dropped at its end, so each node is listed at most once (grown only as a safeguard).
  let queue = new Int32Array(Math.min(nodeCount, 1024));
  // The user tier nodes with room left on their source arcs (the greedy pass leaves few).
  let starts = new Int32Array(64);
  let startCount = 0;
  for (let i = 0; i < shortUsers.length; i++) {
    const u = shortUsers[i] as number;
    const first = userFirst[u] as number;
    for (let k = 0; k <= (userTop[u] as number); k++) {
      if (userCapacity(u, k) <= (pricedFlow[first + k] as number)) continue;
      holderOf[first + k] = u;
      if (startCount === starts.length) starts = grow(starts);
      starts[startCount++] = first + k;
    }
  }
  let pathNode = new Int32Array(64);
  let pathArc = new Int32Array(64);
  let work = searchBudget;
  let sent = 0;
  // First one breadth-first search after another from each start, as the bare cut's searches are; past
  // their share of the budget (a graph where many searches cross large regions to find a path), the
  // depth-first passes below go on from the flow and the closed sets they leave.
  const searchesDone = searchFromEachStart(work - searchesShare);
  if (searchesDone === undefined) return undefined;
  if (searchesDone) return sent;

  for (;;) {
    // One depth-first pass from every node with room on its source arc; each node entered at most once
    // unless a walk that sent all its start could let it go.
    let tail = 0;
    let kept = 0;
    let found = false;
    const passFirst = stamp + 1;
    for (let i = 0; i < startCount; i++) {
      const s = starts[i] as number;
      if (excessOf(s) === 0 || sourceSide[s] === 1) continue;
      starts[kept++] = s;
      if ((seen[s] as number) >= passFirst) continue;
      // Whether this walk met a node an earlier walk of the pass entered (which may yet reach the sink).
      let open = false;
      stamp++;
      if (seen[s] === -passFirst) open = true;
      else arc[s] = ARC_UP;
      seen[s] = stamp;
      const regionFirst = tail;
      if (tail === queue.length) queue = grow(queue);
      queue[tail++] = s;
      let sentHere = false;
      let depth = 0;
      pathNode[0] = s;
      for (;;) {
        const v = pathNode[depth] as number;
        if (sinkRoom(v) > 0) {
          found = true;
          sentHere = true;
          sent += sendAlongPath(depth);
          if (excessOf(s) === 0) {
            // The path did not fail to reach the sink (its end may have room yet): later walks of the
            // pass may enter its nodes, going on from the arcs it took (what it passed over before
            // them led nowhere this pass, as in a blocking flow's current arcs). A walk that enters
            // them is open: it has not looked at every arc of its nodes, so it closes nothing.
            for (let at = 0; at <= depth; at++) seen[pathNode[at] as number] = -passFirst;
            break;
          }
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
        for (; a !== ARC_END; a = nextArc(v, a)) {
          work--;
          w = targetOf(v, a);
          if (w >= 0 && sourceSide[w] === 0) {
            const last = seen[w] as number;
            if (last < passFirst) break;
            if (last !== stamp) open = true;
          }
          w = -1;
        }
        arc[v] = a;
        if (w >= 0) {
          if (depth + 1 === pathNode.length) {
            pathNode = grow(pathNode);
            pathArc = grow(pathArc);
          }
          if (seen[w] === -passFirst) open = true;
          else arc[w] = ARC_UP;
          seen[w] = stamp;
          if (tail === queue.length) queue = grow(queue);
          queue[tail++] = w;
          pathArc[depth] = a;
          pathNode[++depth] = w;
          continue;
        }
        if (depth === 0) break;
        depth--;
      }
      // A walk that sent nothing and met only its own nodes entered a closed set: no residual arc leaves
      // it, none ever will (a path cannot enter a set it cannot leave), and the source reaches it. Later
      // passes step around it.
      if (!open && !sentHere)
        for (let at = regionFirst; at < tail; at++) sourceSide[queue[at] as number] = 1;
      // A walk that sent: this pass is not the last, whose entries are the source side, so its own
      // entries mark nothing (and the nodes it let go are not listed twice).
      else if (sentHere) tail = regionFirst;
      if (work < 0) return undefined;
    }
    startCount = kept;
    if (!found) {
      // No path left: what this pass entered is what the source reaches, the minimal source side.
      for (let i = 0; i < tail; i++) sourceSide[queue[i] as number] = 1;
      return sent;
    }
  }

  /**
   * From each start in turn, breadth-first searches for a path to the sink until its source arc is full
   * or a search fails; a failed search closes what it reached (on the source side: no residual arc
   * leaves it, so no path ever will, and the source reaches it through the start). Returns true when
   * every start is full or closed (the source side then complete), false when the work went below
   * `limit` (the passes go on), undefined past the budget.
   */
  function searchFromEachStart(limit: number): boolean | undefined {
    // How a search reached v: from node parentNode[v] along arc arc[v] (the passes reset arc[] on entry).
    const parentNode = new Int32Array(nodeCount);
    // The searches made, those that found a path, and the work these took.
    let searches = 0;
    let paths = 0;
    let pathWork = 0;
    let tail = 0;
    let found = -1;
    for (let i = 0; i < startCount; i++) {
      const s = starts[i] as number;
      while (sourceSide[s] === 0 && excessOf(s) > 0) {
        if (work < 0) return undefined;
        // Past the share, or when most searches find a path and those cross large regions each (what
        // one looked at the next looks at again; a failed search closes what it looked at), the passes
        // go on.
        if (work < limit || (2 * paths > searches && pathWork > 256 * paths + 16384)) return false;
        searches++;
        const before = work;
        stamp++;
        seen[s] = stamp;
        queue[0] = s;
        tail = 1;
        found = -1;
        for (let head = 0; head < tail && found < 0; head++) {
          const v = queue[head] as number;
          const h = holderOf[v] as number;
          work -= 2;
          if (h < userCount) {
            const k = v - (userFirst[h] as number);
            if (k < (userTop[h] as number) && enter(v + 1, h, v, ARC_UP)) break;
            if (k > 0 && (chainFlow[v - 1] as number) > 0 && enter(v - 1, h, v, ARC_DOWN)) break;
            // The user's run, its edges of tier k (reading the run again per tier costs less than
            // sorting it): arc -(e + 1), which edgeOf reads as edge e.
            const runFirst = layout.userEdgeStart[h] as number;
            const runEnd = layout.userEdgeStart[h + 1] as number;
            const order = layout.edgeOrder;
            work -= runEnd - runFirst;
            for (let slot = runFirst; slot < runEnd; slot++) {
              const e = order === undefined ? slot : (order[slot] as number);
              const d = edgeDevice[e] as number;
              if (d < 0 || (edgeTier[e] as number) !== k) continue;
              if (enter((deviceFirst[d] as number) + k, userCount + d, v, -e - 1)) break;
            }
          } else {
            const d = h - userCount;
            const k = v - (deviceFirst[d] as number);
            if (k > 0 && enter(v - 1, h, v, ARC_UP)) break;
            if (k < (deviceTop[d] as number) && (chainFlow[v] as number) > 0)
              if (enter(v + 1, h, v, ARC_DOWN)) break;
            const at = v - deviceBase;
            const listEnd = deviceArcStart[at + 1] as number;
            work -= listEnd - (deviceArcStart[at] as number);
            for (let slot = deviceArcStart[at] as number; slot < listEnd; slot++) {
              const e = deviceArcs[slot] as number;
              if ((edgeFlow[e] as number) === 0) continue;
              const u = edgeUser[e] as number;
              const a = ARC_EDGES + slot - (deviceArcStart[at] as number);
              if (enter((userFirst[u] as number) + k, u, v, a)) break;
            }
            if (found >= 0) break;
            for (let next = extraHead[at] as number; next !== 0; ) {
              work--;
              const e = next - 1;
              if ((edgeFlow[e] as number) !== 0) {
                const u = edgeUser[e] as number;
                if (enter((userFirst[u] as number) + k, u, v, -next)) break;
              }
              next = (extraNext as Int32Array)[e] as number;
            }
          }
        }
        if (found < 0) {
          for (let at = 0; at < tail; at++) sourceSide[queue[at] as number] = 1;
          break;
        }
        let depth = 0;
        for (let w = found; w !== s; w = parentNode[w] as number) depth++;
        while (depth >= pathNode.length) {
          pathNode = grow(pathNode);
          pathArc = grow(pathArc);
        }
        for (let w = found, at = depth; at >= 0; at--) {
          pathNode[at] = w;
          if (at > 0) {
            pathArc[at - 1] = arc[w] as number;
            w = parentNode[w] as number;
          }
        }
        sent += sendAlongPath(depth);
        paths++;
        pathWork += before - work;
      }
    }
    return work < 0 ? undefined : true;

    /** The search reaches w (of holder h) from v along arc a unless closed or reached; true: sink room. */
    function enter(w: number, h: number, v: number, a: number): boolean {
      if (sourceSide[w] === 1 || seen[w] === stamp) return false;
      seen[w] = stamp;
      holderOf[w] = h;
      parentNode[w] = v;
      arc[w] = a;
      if (sinkRoom(w) > 0) {
        found = w;
        return true;
      }
      if (tail === queue.length) queue = grow(queue);
      queue[tail++] = w;
      return false;
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

  /** The arc code after a at v: its chain arcs, its listed edges, then (a device tier's) edges given flow. */
  function nextArc(v: number, a: number): number {
    if (a < 0) {
      const next = (extraNext as Int32Array)[-a - 1] as number;
      return next === 0 ? ARC_END : -next;
    }
    const h = holderOf[v] as number;
    if (h < userCount) {
      if (userListStart[v] === 0) listUserEdges(h);
      return a + 1 < ARC_EDGES + (userListEnd[v] as number) - (userListStart[v] as number) + 1
        ? a + 1
        : ARC_END;
    }
    const i = v - deviceBase;
    if (a + 1 < ARC_EDGES + (deviceArcStart[i + 1] as number) - (deviceArcStart[i] as number))
      return a + 1;
    const head = extraHead[i] as number;
    return head === 0 ? ARC_END : -head;
  }

  /** The edge of edge arc a at v (a >= ARC_EDGES, or an edge given flow: a = -(edge + 1)). */
  function edgeOf(v: number, a: number): number {
    if (a < 0) return -a - 1;
    if ((holderOf[v] as number) < userCount)
      return userLists[(userListStart[v] as number) - 1 + a - ARC_EDGES] as number;
    return deviceArcs[(deviceArcStart[v - deviceBase] as number) + a - ARC_EDGES] as number;
  }

  /** Lists user u's edges to devices by tier node (its run sorted by tier) at the end of `userLists`. */
  function listUserEdges(u: number): void {
    const first = userFirst[u] as number;
    const top = userTop[u] as number;
    const start = layout.userEdgeStart[u] as number;
    const end = layout.userEdgeStart[u + 1] as number;
    const order = layout.edgeOrder;
    tierCount.fill(0, 0, top + 1);
    for (let slot = start; slot < end; slot++) {
      const e = order === undefined ? slot : (order[slot] as number);
      if ((edgeDevice[e] as number) >= 0)
        tierCount[edgeTier[e] as number] = (tierCount[edgeTier[e] as number] as number) + 1;
    }
    for (let k = 0; k <= top; k++) {
      userListStart[first + k] = userListed + 1;
      userListEnd[first + k] = userListed;
      userListed += tierCount[k] as number;
    }
    while (userListed > userLists.length) userLists = grow(userLists);
    for (let slot = start; slot < end; slot++) {
      const e = order === undefined ? slot : (order[slot] as number);
      if ((edgeDevice[e] as number) < 0) continue;
      const v = first + (edgeTier[e] as number);
      userLists[userListEnd[v] as number] = e;
      userListEnd[v] = (userListEnd[v] as number) + 1;
    }
  }

  /**
   * Lists the edges the greedy pass gave flow (`givenFlow`: each has a user and a device) by device tier
   * node, in the order given, into `deviceArcStart` (a counting sort), and marks them listed.
   */
  function listDeviceEdgesWithFlow(): Int32Array {
    for (let i = 0; i < givenFlow.length; i++) {
      const e = givenFlow[i] as number;
      const at =
        (deviceFirst[edgeDevice[e] as number] as number) + (edgeTier[e] as number) - deviceBase;
      deviceArcStart[at] = (deviceArcStart[at] as number) + 1;
      listedBits[e >>> 5] = (listedBits[e >>> 5] as number) | (1 << (e & 31));
    }
    // Counts summed into ends; placing counts each back down to its start.
    for (let i = 1; i < deviceArcStart.length; i++)
      deviceArcStart[i] = (deviceArcStart[i] as number) + (deviceArcStart[i - 1] as number);
    const arcs = new Int32Array(givenFlow.length);
    for (let i = givenFlow.length - 1; i >= 0; i--) {
      const e = givenFlow[i] as number;
      const at =
        (deviceFirst[edgeDevice[e] as number] as number) + (edgeTier[e] as number) - deviceBase;
      deviceArcStart[at] = (deviceArcStart[at] as number) - 1;
      arcs[deviceArcStart[at] as number] = e;
    }
    return arcs;
  }

  /** Lists edge e (just given flow) at its device tier, unless it is listed there already. */
  function listGivenFlow(e: number): void {
    const word = listedBits[e >>> 5] as number;
    const bit = 1 << (e & 31);
    if ((word & bit) !== 0) return;
    listedBits[e >>> 5] = word | bit;
    const at =
      (deviceFirst[edgeDevice[e] as number] as number) + (edgeTier[e] as number) - deviceBase;
    extraNext ??= new Int32Array(edgeTier.length);
    extraNext[e] = extraHead[at] as number;
    extraHead[at] = e + 1;
  }

  /** Where arc a from v leads when it has room, else -1. */
  function targetOf(v: number, a: number): number {
    const h = holderOf[v] as number;
    if (h < userCount) {
      const k = v - (userFirst[h] as number);
      if (a === ARC_UP) return k < (userTop[h] as number) ? reach(v + 1, h) : -1;
      if (a === ARC_DOWN) return k > 0 && (chainFlow[v - 1] as number) > 0 ? reach(v - 1, h) : -1;
      const d = edgeDevice[edgeOf(v, a)] as number;
      return reach((deviceFirst[d] as number) + k, userCount + d);
    }
    const d = h - userCount;
    const k = v - (deviceFirst[d] as number);
    if (a === ARC_UP) return k > 0 ? reach(v - 1, h) : -1;
    if (a === ARC_DOWN)
      return k < (deviceTop[d] as number) && (chainFlow[v] as number) > 0 ? reach(v + 1, h) : -1;
    const e = edgeOf(v, a);
    if ((edgeFlow[e] as number) === 0) return -1;
    const u = edgeUser[e] as number;
    return reach((userFirst[u] as number) + k, u);
  }

  /** Node w of holder h, its holder noted (a walk may enter it). */
  function reach(w: number, h: number): number {
    holderOf[w] = h;
    return w;
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
        if ((edgeFlow[e] as number) === 0) listGivenFlow(e);
        edgeFlow[e] = (edgeFlow[e] as number) + amount;
      }
    } else if (a === ARC_UP) chainFlow[v - 1] = (chainFlow[v - 1] as number) + amount;
    else if (a === ARC_DOWN) chainFlow[v] = (chainFlow[v] as number) - amount;
    else {
      const e = edgeOf(v, a);
      edgeFlow[e] = (edgeFlow[e] as number) - amount;
    }
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

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(2 * array.length);
  larger.set(array);
  return larger;
}
