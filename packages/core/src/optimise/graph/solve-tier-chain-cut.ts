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
 * highest tier with room at or below it. Then each user tier node with room left on its source arc
 * searches breadth first for a residual path to the sink and sends along it. Entering a holder at tier k
 * reaches its whole chain the infinite way (a user's tiers above k, a device's below), and the other way
 * as far as the chain carries flow. A failed search proves every node it reached unable to reach the
 * sink; that set is closed in the residual network, no later path enters it, and at the end those sets
 * (with the nodes the source reaches through the infinite arcs) are exactly what the source reaches: the
 * minimal source side, the one `solveMinCut` gives.
 *
 * Returns undefined when the searches exceed `searchBudget` (by default sixteen passes' work over the
 * edges and nodes: `calwise evaluate`'s 100k-user estate, kiosks shared by about 19 users each over four
 * tiers, needs 3.5 passes and several thousand searches; the explicit solve it falls back to costs more), when a capacity is not a non-negative safe integer, or when the capacities could add
 * up beyond the safe integers: the caller then solves the explicit network with `solveMinCut`.
 */
export function solveTierChainCut(
  layout: TierChainLayout,
  capacities: TierChainCapacities,
  searchBudget = 16 * (layout.graph.edgeTier.length + layout.nodeCount) + 4096,
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
  const sent = augmentFromUsers(
    layout,
    capacities,
    { pricedFlow, chainFlow, edgeFlow, sourceSide },
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
): { value: number; short: boolean } {
  const { userFirst, deviceFirst, userEdgeStart, edgeOrder } = layout;
  const { userTop, edgeDevice, edgeTier } = layout.graph;
  const { pricedFlow, chainFlow, edgeFlow } = flows;
  const userCapacity = capacities.user;
  const deviceCapacity = capacities.device;
  const userOnly = layout.userOnlyEdge;
  const remaining = new Float64Array(layout.maxTier + 1);
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
        edgeFlow[e] = (edgeFlow[e] as number) + amount;
        for (let i = j; i < tier; i++)
          chainFlow[deviceAt + i] = (chainFlow[deviceAt + i] as number) + amount;
        pricedFlow[deviceAt + j] = (pricedFlow[deviceAt + j] as number) + amount;
      }
    }
    if (left > 0) short = true;
  }
  return { value, short };
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

// Parent codes of a node in a search (an edge number otherwise): the chain neighbour it was reached from.
const FROM_BELOW = -1;
const FROM_ABOVE = -2;
const START = -3;

/**
 * The searches after the greedy pass (see solveTierChainCut): returns the flow they added, or undefined
 * past their budget. Marks the source side in `flows.sourceSide`.
 */
function augmentFromUsers(
  layout: TierChainLayout,
  capacities: TierChainCapacities,
  flows: Flows,
  searchBudget: number,
): number | undefined {
  const { graph, userFirst, deviceFirst, userEdgeStart, edgeOrder } = layout;
  const { userTop, deviceTop, edgeUser, edgeDevice, edgeTier } = graph;
  const { pricedFlow, chainFlow, edgeFlow, sourceSide } = flows;
  const userCount = userTop.length;
  const userOnly = layout.userOnlyEdge;
  const userCapacity = capacities.user;
  const deviceCapacity = capacities.device;
  // A node known unable to reach the sink is on the source side (sourceSide 1): the device-only tiers
  // from the start, and every node a failed search reached. What the current search reached, and the arc
  // it came by, is kept in a small hash table (searches reach few nodes; two arrays over every node would
  // cost more in fresh memory than all the searches together).
  const reached = createReachedTable();
  const reverse = listFlowEdges(layout, edgeFlow);
  // The queue: per entry a holder (users u, devices userCount + d) and the tiers newly reached, lo..hi.
  let queueHolder = new Int32Array(256);
  let queueLow = new Int32Array(256);
  let queueHigh = new Int32Array(256);
  let tail = 0;
  let budget = searchBudget;
  let sent = 0;
  // Where a search found the sink: a device tier with room, or a user tier at or below its user-only edge.
  let foundNode = -1;
  let foundHolder = -1;
  let foundUser = false;

  for (let u = 0; u < userCount; u++) {
    const top = userTop[u] as number;
    const first = userFirst[u] as number;
    for (let k = 0; k <= top; k++) {
      const start = first + k;
      while (userCapacity(u, k) > (pricedFlow[start] as number) && sourceSide[start] === 0) {
        if (budget <= 0) return undefined;
        reached.clear();
        tail = 0;
        foundNode = -1;
        enterUser(u, k, START);
        for (let head = 0; head < tail && foundNode < 0; head++) {
          const holder = queueHolder[head] as number;
          const low = queueLow[head] as number;
          const high = queueHigh[head] as number;
          if (holder < userCount) {
            // A user's edges are infinite: every device tier they lead to is reached.
            const end = userEdgeStart[holder + 1] as number;
            const begin = userEdgeStart[holder] as number;
            for (let slot = begin; slot < end && foundNode < 0; slot++) {
              const e = edgeOrder === undefined ? slot : (edgeOrder[slot] as number);
              const tier = edgeTier[e] as number;
              const d = edgeDevice[e] as number;
              if (d >= 0 && tier >= low && tier <= high) enterDevice(d, tier, e);
            }
            budget -= end - begin + 1;
          } else {
            // A device: back along the edges that carry flow into the tiers reached.
            const d = holder - userCount;
            const end = reverse.first[d + 1] as number;
            for (let slot = reverse.first[d] as number; slot < end && foundNode < 0; slot++) {
              visitBackwards(reverse.edges[slot] as number, low, high);
            }
            budget -= end - (reverse.first[d] as number) + 1;
            for (
              let extra = (reverse.extraHead?.[d] ?? 0) - 1;
              extra >= 0 && foundNode < 0;
              extra = reverse.extraNext[extra] as number
            ) {
              visitBackwards(reverse.extraEdge[extra] as number, low, high);
              budget--;
            }
          }
        }
        if (foundNode < 0) {
          // Nothing reached can reach the sink: closed for good, and on the source side.
          for (let i = 0; i < tail; i++) {
            const holder = queueHolder[i] as number;
            const at =
              holder < userCount
                ? (userFirst[holder] as number)
                : (deviceFirst[holder - userCount] as number);
            for (let t = queueLow[i] as number; t <= (queueHigh[i] as number); t++)
              sourceSide[at + t] = 1;
          }
          break;
        }
        sent += sendAlongPath(start, u, k);
      }
    }
  }
  return sent;

  /** Queues user u's tiers newly reached from tier t: t and above (infinite), below while the chain carries flow. */
  function enterUser(u: number, t: number, from: number): void {
    const first = userFirst[u] as number;
    if (sourceSide[first + t] === 1 || reached.has(first + t)) return;
    const top = userTop[u] as number;
    const onlyTier = userOnly === undefined ? -1 : onlyTierOf(userOnly[u] as number);
    let high = t;
    for (; high <= top; high++) {
      const v = first + high;
      if (high > t && (sourceSide[v] === 1 || reached.has(v))) break;
      reached.add(v, high === t ? from : FROM_BELOW);
    }
    high--;
    if (t <= onlyTier) {
      found(first + t, u, true);
      return;
    }
    let low = t;
    while (low > 0) {
      const v = first + low - 1;
      if ((chainFlow[v] as number) === 0 || sourceSide[v] === 1 || reached.has(v)) break;
      reached.add(v, FROM_ABOVE);
      low--;
      if (low <= onlyTier) {
        found(v, u, true);
        return;
      }
    }
    push(u, low, high);
  }

  /** Queues device d's tiers newly reached from tier t: t and below (infinite), above while the chain carries flow. */
  function enterDevice(d: number, t: number, from: number): void {
    const first = deviceFirst[d] as number;
    if (sourceSide[first + t] === 1 || reached.has(first + t)) return;
    const top = deviceTop[d] as number;
    let low = t;
    for (; low >= 0; low--) {
      const v = first + low;
      if (low < t && (sourceSide[v] === 1 || reached.has(v))) break;
      reached.add(v, low === t ? from : FROM_ABOVE);
      if (deviceCapacity(d, low) > (pricedFlow[v] as number)) {
        found(v, d, false);
        return;
      }
    }
    low++;
    let high = t;
    while (high < top) {
      const v = first + high + 1;
      if ((chainFlow[v - 1] as number) === 0 || sourceSide[v] === 1 || reached.has(v)) break;
      reached.add(v, FROM_BELOW);
      high++;
      if (deviceCapacity(d, high) > (pricedFlow[v] as number)) {
        found(v, d, false);
        return;
      }
    }
    push(userCount + d, low, high);
  }

  /** From a device tier back along edge e (which carries flow) to its user, when e's tier was reached. */
  function visitBackwards(e: number, low: number, high: number): void {
    const tier = edgeTier[e] as number;
    if (tier < low || tier > high || (edgeFlow[e] as number) === 0) return;
    enterUser(edgeUser[e] as number, tier, e);
  }

  function onlyTierOf(e: number): number {
    return e < 0 ? -1 : (edgeTier[e] as number);
  }

  function found(node: number, holder: number, isUser: boolean): void {
    foundNode = node;
    foundHolder = holder;
    foundUser = isUser;
  }

  function push(holder: number, low: number, high: number): void {
    if (tail === queueHolder.length) {
      queueHolder = grow(queueHolder);
      queueLow = grow(queueLow);
      queueHigh = grow(queueHigh);
    }
    queueHolder[tail] = holder;
    queueLow[tail] = low;
    queueHigh[tail] = high;
    tail++;
  }

  /**
   * Sends the most the path to `foundNode` takes, from user u's tier k: walks it back twice (the
   * bottleneck, then the flows), holder by holder. Returns the amount sent.
   */
  function sendAlongPath(start: number, u: number, k: number): number {
    let amount = userCapacity(u, k) - (pricedFlow[start] as number);
    if (!foundUser) {
      const d = foundHolder;
      const room =
        deviceCapacity(d, foundNode - (deviceFirst[d] as number)) -
        (pricedFlow[foundNode] as number);
      amount = Math.min(amount, room);
    }
    // Pass 1: the bottleneck, the flow on every arc the path takes backwards.
    let w = foundNode;
    let holder = foundHolder;
    let onUser = foundUser;
    while (w !== start) {
      const from = reached.parentOf(w);
      if (onUser) {
        if (from === FROM_BELOW) w--;
        else if (from === FROM_ABOVE) {
          amount = Math.min(amount, chainFlow[w] as number);
          w++;
        } else {
          amount = Math.min(amount, edgeFlow[from] as number);
          holder = edgeDevice[from] as number;
          w = (deviceFirst[holder] as number) + (edgeTier[from] as number);
          onUser = false;
        }
      } else if (from === FROM_ABOVE) w++;
      else if (from === FROM_BELOW) {
        amount = Math.min(amount, chainFlow[w - 1] as number);
        w--;
      } else {
        holder = edgeUser[from] as number;
        w = (userFirst[holder] as number) + (edgeTier[from] as number);
        onUser = true;
      }
    }
    // Pass 2: the flows.
    w = foundNode;
    holder = foundHolder;
    onUser = foundUser;
    if (foundUser) {
      // On from the found tier up the chain to the user-only edge, and along it to the sink.
      const e = (userOnly as Int32Array)[holder] as number;
      const at = userFirst[holder] as number;
      for (let i = w - at; i < (edgeTier[e] as number); i++)
        chainFlow[at + i] = (chainFlow[at + i] as number) + amount;
      edgeFlow[e] = (edgeFlow[e] as number) + amount;
    } else pricedFlow[w] = (pricedFlow[w] as number) + amount;
    while (w !== start) {
      const from = reached.parentOf(w);
      if (onUser) {
        if (from === FROM_BELOW) {
          chainFlow[w - 1] = (chainFlow[w - 1] as number) + amount;
          w--;
        } else if (from === FROM_ABOVE) {
          chainFlow[w] = (chainFlow[w] as number) - amount;
          w++;
        } else {
          edgeFlow[from] = (edgeFlow[from] as number) - amount;
          holder = edgeDevice[from] as number;
          w = (deviceFirst[holder] as number) + (edgeTier[from] as number);
          onUser = false;
        }
      } else if (from === FROM_ABOVE) {
        chainFlow[w] = (chainFlow[w] as number) + amount;
        w++;
      } else if (from === FROM_BELOW) {
        chainFlow[w - 1] = (chainFlow[w - 1] as number) - amount;
        w--;
      } else {
        // An edge that starts to carry flow joins its device's list of edges to go back along.
        if ((edgeFlow[from] as number) === 0) listFlowEdge(reverse, from, holder);
        edgeFlow[from] = (edgeFlow[from] as number) + amount;
        holder = edgeUser[from] as number;
        w = (userFirst[holder] as number) + (edgeTier[from] as number);
        onUser = true;
      }
    }
    pricedFlow[start] = (pricedFlow[start] as number) + amount;
    return amount;
  }
}

/**
 * The nodes one search reached and the arc each came by (its parent code), in an open-addressing hash
 * table that grows with the search and is emptied in constant time (entries carry the table's generation).
 */
function createReachedTable() {
  let size = 1024;
  let keys = new Int32Array(size);
  let parents = new Int32Array(size);
  let generations = new Int32Array(size);
  let generation = 1;
  let count = 0;
  const slotOf = (node: number): number => {
    const mask = size - 1;
    let slot = Math.imul(node, 0x9e3779b1) & mask;
    while (generations[slot] === generation && keys[slot] !== node) slot = (slot + 1) & mask;
    return slot;
  };
  const put = (node: number, parent: number) => {
    const slot = slotOf(node);
    if (generations[slot] !== generation) count++;
    keys[slot] = node;
    parents[slot] = parent;
    generations[slot] = generation;
  };
  return {
    clear(): void {
      generation++;
      count = 0;
    },
    has(node: number): boolean {
      return generations[slotOf(node)] === generation;
    },
    add(node: number, parent: number): void {
      if (2 * (count + 1) > size) {
        const oldKeys = keys;
        const oldParents = parents;
        const oldGenerations = generations;
        size *= 2;
        keys = new Int32Array(size);
        parents = new Int32Array(size);
        generations = new Int32Array(size);
        count = 0;
        for (let slot = 0; slot < oldKeys.length; slot++)
          if (oldGenerations[slot] === generation)
            put(oldKeys[slot] as number, oldParents[slot] as number);
      }
      put(node, parent);
    },
    parentOf(node: number): number {
      return parents[slotOf(node)] as number;
    },
  };
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(2 * array.length);
  larger.set(array);
  return larger;
}

/**
 * Per device, the edges into it from a user that carry flow: the ones that do after the greedy pass in
 * one compact list, and the ones that start to later in linked overflow lists. An edge whose flow drops
 * to 0 stays listed (the searches skip it).
 */
interface FlowEdgeLists {
  readonly first: Int32Array;
  readonly edges: Int32Array;
  extraHead: Int32Array | undefined;
  extraEdge: Int32Array;
  extraNext: Int32Array;
  extraCount: number;
}

/** Lists the user-to-device edges carrying flow by device (counting sort). */
function listFlowEdges(
  layout: TierChainLayout,
  edgeFlow: Int32Array | Float64Array,
): FlowEdgeLists {
  const { edgeUser, edgeDevice } = layout.graph;
  const count = layout.graph.deviceTop.length;
  // Counts into first[d], summed so first[d] is the end of d's list; placing counts each back down to
  // its start, so no second array of list heads is needed.
  const first = new Int32Array(count + 1);
  let listed = 0;
  for (let e = 0; e < edgeDevice.length; e++) {
    if (edgeFlow[e] === 0 || (edgeUser[e] as number) < 0) continue;
    const d = edgeDevice[e] as number;
    if (d < 0) continue;
    first[d] = (first[d] as number) + 1;
    listed++;
  }
  for (let d = 1; d < count; d++) first[d] = (first[d] as number) + (first[d - 1] as number);
  first[count] = listed;
  const edges = new Int32Array(listed);
  for (let e = 0; e < edgeDevice.length; e++) {
    if (edgeFlow[e] === 0 || (edgeUser[e] as number) < 0) continue;
    const d = edgeDevice[e] as number;
    if (d < 0) continue;
    const slot = (first[d] as number) - 1;
    first[d] = slot;
    edges[slot] = e;
  }
  return {
    first,
    edges,
    extraHead: undefined,
    extraEdge: new Int32Array(64),
    extraNext: new Int32Array(64),
    extraCount: 0,
  };
}

/** Adds edge e to device d's overflow list. */
function listFlowEdge(lists: FlowEdgeLists, e: number, d: number): void {
  // Heads hold index + 1 (0: none), so the array's untouched pages are never written.
  lists.extraHead ??= new Int32Array(lists.first.length - 1);
  if (lists.extraCount === lists.extraEdge.length) {
    lists.extraEdge = grow(lists.extraEdge);
    lists.extraNext = grow(lists.extraNext);
  }
  const index = lists.extraCount++;
  lists.extraEdge[index] = e;
  lists.extraNext[index] = (lists.extraHead[d] as number) - 1;
  lists.extraHead[d] = index + 1;
}
