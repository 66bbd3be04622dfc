import type { FlowNetwork, MinCutResult } from "./flow-network.ts";

/**
 * The residual network, kept small because on large inputs touching fresh memory is the main cost.
 * Node v owns slots firstSlot[v]..firstSlot[v+1]-1 (compressed sparse rows); a slot names an input
 * arc a and a direction: slotArc = a for the forward direction (v = arcFrom[a], room capacity - flow)
 * or ~a for the reverse one (v = arcTo[a], room flow[a]). The flow lives per arc, so it is also the
 * result, and the paired reverse slot needs no pointer of its own. The far end of a slot is read
 * from the input's arcFrom/arcTo rather than kept in a copy: on large inputs, fresh memory costs
 * more time than the extra look-up.
 */
interface ResidualNetwork {
  readonly nodeCount: number;
  /** Per node, 1 when it has an arc to a node other than source and sink (a path can go on through it). */
  readonly leadsOn: Uint8Array;
  readonly firstSlot: Int32Array;
  readonly slotArc: Int32Array;
  readonly arcFrom: Int32Array;
  readonly arcTo: Int32Array;
  readonly arcCapacity: Float64Array;
  /** Every capacity is read as min(capacity, capacityCap): how Infinity becomes finite (see solveMinCut). */
  readonly capacityCap: number;
  readonly flow: Float64Array;
}

/** Per-node working arrays of push-relabel, shared by both phases so they are allocated once. */
interface PushRelabelState {
  readonly label: Int32Array;
  readonly excess: Float64Array;
  /** The next slot to try when discharging a node; slots before it are known not to be admissible. */
  readonly current: Int32Array;
  /** Nodes by label in two lists: active ones (positive excess, singly linked, popped highest label
   * first) and idle ones (doubly linked, so the gap heuristic can see when a label empties). */
  readonly activeFirst: Int32Array;
  readonly idleFirst: Int32Array;
  /** The next node in whichever list the node is in (it is in at most one). */
  readonly next: Int32Array;
  readonly idlePrevious: Int32Array;
  readonly queue: Int32Array;
}

/**
 * Computes an exact maximum flow and the minimal minimum s-t cut of `network`.
 *
 * Highest-label push-relabel with the gap heuristic and periodic global relabelling (backward
 * breadth-first search from the target), the variant Cherkassky and Goldberg found fastest in practice.
 * Phase 1 pushes towards the sink until no node that can still reach it holds excess, which fixes the
 * flow value; phase 2 runs the same machinery towards the source to return the stranded excess, so
 * `flow` is a true flow (conserved everywhere) and can serve as the certificate.
 *
 * Infinite capacities: every capacity is read as min(capacity, big) with big = 1 + a finite cut's
 * capacity (the arcs leaving the source, or entering the sink, or all finite arcs, whichever is least).
 * A cut crossing such an arc then costs more than the minimum, before and after, so the minimum cuts
 * are unchanged, and the flow found is feasible for the original capacities. Throws RangeError when
 * the flow is unbounded (an all-infinite source-sink path) or when the numbers would leave the
 * safe-integer range, where float64 stops being exact.
 *
 * With a `workspace` (`createMinCutWorkspace` over the same arcFrom and arcTo), its arrays are reused
 * rather than allocated: the result's `flow` is then the workspace's, overwritten by its next solve.
 */
export function solveMinCut(network: FlowNetwork, workspace?: MinCutWorkspace): MinCutResult {
  checkNetwork(network);
  const { nodeCount, source, sink } = network;
  const space = workspace ?? createMinCutWorkspace(network);
  if (
    space.nodeCount !== nodeCount ||
    space.source !== source ||
    space.sink !== sink ||
    space.arcFrom !== network.arcFrom ||
    space.arcTo !== network.arcTo
  ) {
    throw new RangeError("the workspace was made for another network's arcs");
  }
  const { state, firstSlot, slotArc, leadsOn, flow } = space;
  if (workspace) flow.fill(0);
  rejectInfinitePath(network, firstSlot, slotArc, state.queue);
  const net: ResidualNetwork = {
    nodeCount,
    leadsOn,
    firstSlot,
    slotArc,
    arcFrom: network.arcFrom,
    arcTo: network.arcTo,
    arcCapacity: network.arcCapacity,
    capacityCap: chooseCapacityCap(network, firstSlot, slotArc),
    flow,
  };

  pushAlongShortPaths(net, state, source, sink);
  // When the head start already fills every source arc, the flow is maximum (it saturates the cut
  // around the source) and phase 1 has nothing to do: common on cover networks with equal prices.
  if (saturateSourceArcs(net, state, source, sink)) pushTowards(net, state, sink, source);
  const value = state.excess[sink] as number;
  if (returnExcessDirectly(net, state, source, sink)) pushTowards(net, state, source, sink);
  for (let v = 0; v < nodeCount; v++) {
    if (v !== source && v !== sink && state.excess[v] !== 0) {
      throw new Error(`solveMinCut invariant broken: node ${v} kept excess ${state.excess[v]}`);
    }
  }
  return { value, flow: net.flow, sourceSide: reachableFromSource(net, state.queue, source) };
}

/**
 * The residual network's slot layout and every working array of one network's arcs, for solving it
 * again with other capacities (the Lagrangian search changes only the source and sink arcs): on large
 * networks, fresh memory costs more than the solve's own work. Opaque outside this file.
 */
export interface MinCutWorkspace {
  readonly nodeCount: number;
  readonly source: number;
  readonly sink: number;
  readonly arcFrom: Int32Array;
  readonly arcTo: Int32Array;
  readonly firstSlot: Int32Array;
  readonly slotArc: Int32Array;
  readonly leadsOn: Uint8Array;
  readonly state: PushRelabelState;
  /** The flow of the last solve: a result's `flow` is this array, valid until the next solve. */
  readonly flow: Float64Array;
}

/** Lays out the slots and allocates the working arrays for solving `network`'s arcs with any capacities. */
export function createMinCutWorkspace(network: FlowNetwork): MinCutWorkspace {
  const { nodeCount, source, sink, arcFrom, arcTo } = network;
  const state = createPushRelabelState(nodeCount);
  const firstSlot = new Int32Array(nodeCount + 1);
  const leadsOn = new Uint8Array(nodeCount);
  const slotArc = placeSlots(network, firstSlot, state.current, leadsOn);
  return {
    nodeCount,
    source,
    sink,
    arcFrom,
    arcTo,
    firstSlot,
    slotArc,
    leadsOn,
    state,
    flow: new Float64Array(arcFrom.length),
  };
}

function checkNetwork(network: FlowNetwork): void {
  const { nodeCount, source, sink, arcFrom, arcTo, arcCapacity } = network;
  const isNode = (v: number) => Number.isInteger(v) && v >= 0 && v < nodeCount;
  if (!isNode(source) || !isNode(sink) || source === sink) {
    throw new RangeError(
      `source ${source} and sink ${sink} must be distinct nodes of 0..${nodeCount - 1}`,
    );
  }
  if (arcTo.length !== arcFrom.length || arcCapacity.length !== arcFrom.length) {
    throw new RangeError("arcFrom, arcTo and arcCapacity must have the same length");
  }
  for (let arc = 0; arc < arcFrom.length; arc++) {
    const from = arcFrom[arc] as number;
    const to = arcTo[arc] as number;
    if (from < 0 || from >= nodeCount || to < 0 || to >= nodeCount) {
      throw new RangeError(
        `arc ${arc} (${from} -> ${to}) has an endpoint outside 0..${nodeCount - 1}`,
      );
    }
    const capacity = arcCapacity[arc] as number;
    // isArcCapacity, inlined: this loop runs once per arc of networks with millions of them.
    const valid =
      capacity === Number.POSITIVE_INFINITY ||
      (capacity >= 0 && capacity <= Number.MAX_SAFE_INTEGER && Math.floor(capacity) === capacity);
    if (!valid) {
      throw new RangeError(
        `arc ${arc} has capacity ${arcCapacity[arc]}; use a non-negative safe integer or Infinity`,
      );
    }
  }
}

/**
 * Fills firstSlot and the slot arrays, and marks in `leadsOn` the nodes with an arc to a node other than
 * source and sink; `nextSlot` is scratch space of nodeCount entries.
 * Self-loops get no slots: they can never carry useful flow.
 */
function placeSlots(
  network: FlowNetwork,
  firstSlot: Int32Array,
  nextSlot: Int32Array,
  leadsOn: Uint8Array,
): Int32Array {
  const { nodeCount, source, sink, arcFrom, arcTo } = network;
  for (let arc = 0; arc < arcFrom.length; arc++) {
    const from = arcFrom[arc] as number;
    const to = arcTo[arc] as number;
    if (from === to) continue;
    if (to !== source && to !== sink) leadsOn[from] = 1;
    firstSlot[from + 1] = (firstSlot[from + 1] as number) + 1;
    firstSlot[to + 1] = (firstSlot[to + 1] as number) + 1;
  }
  for (let v = 0; v < nodeCount; v++) {
    firstSlot[v + 1] = (firstSlot[v + 1] as number) + (firstSlot[v] as number);
  }
  const slotArc = new Int32Array(firstSlot[nodeCount] as number);
  nextSlot.set(firstSlot.subarray(0, nodeCount));
  for (let arc = 0; arc < arcFrom.length; arc++) {
    const from = arcFrom[arc] as number;
    const to = arcTo[arc] as number;
    if (from === to) continue;
    const forward = nextSlot[from] as number;
    const reverse = nextSlot[to] as number;
    nextSlot[from] = forward + 1;
    nextSlot[to] = reverse + 1;
    slotArc[forward] = arc;
    slotArc[reverse] = ~arc;
  }
  return slotArc;
}

/** An all-infinite source-sink path means no finite cut exists; the capacity cap would hide that. */
function rejectInfinitePath(
  network: FlowNetwork,
  firstSlot: Int32Array,
  slotArc: Int32Array,
  queue: Int32Array,
): void {
  const { nodeCount, source, sink, arcTo, arcCapacity } = network;
  const seen = new Uint8Array(nodeCount);
  let tail = 0;
  queue[tail++] = source;
  seen[source] = 1;
  for (let head = 0; head < tail; head++) {
    const v = queue[head] as number;
    for (let slot = firstSlot[v] as number; slot < (firstSlot[v + 1] as number); slot++) {
      const arc = slotArc[slot] as number;
      if (arc < 0 || arcCapacity[arc] !== Number.POSITIVE_INFINITY) continue;
      const w = arcTo[arc] as number;
      if (seen[w] === 1) continue;
      if (w === sink) {
        throw new RangeError("the maximum flow is unbounded: infinite arcs connect source to sink");
      }
      seen[w] = 1;
      queue[tail++] = w;
    }
  }
}

/** big = 1 + the least of the finite cut capacities at hand; checks every sum stays exact. */
function chooseCapacityCap(
  network: FlowNetwork,
  firstSlot: Int32Array,
  slotArc: Int32Array,
): number {
  const { source, sink, arcFrom, arcTo, arcCapacity } = network;
  let outOfSource = 0;
  let sourceHasInfiniteArc = false;
  let intoSink = 0;
  let sinkHasInfiniteArc = false;
  let allFinite = 0;
  for (let arc = 0; arc < arcCapacity.length; arc++) {
    const from = arcFrom[arc] as number;
    const to = arcTo[arc] as number;
    const capacity = arcCapacity[arc] as number;
    if (from === to) continue;
    const infinite = capacity === Number.POSITIVE_INFINITY;
    if (!infinite) allFinite += capacity;
    if (from === source) {
      if (infinite) sourceHasInfiniteArc = true;
      else outOfSource += capacity;
    }
    if (to === sink) {
      if (infinite) sinkHasInfiniteArc = true;
      else intoSink += capacity;
    }
  }
  // Without an all-infinite path, the nodes the source reaches through infinite arcs form a cut of
  // finite arcs only, so all finite capacities together bound the minimum cut too.
  let bound = allFinite;
  if (!sourceHasInfiniteArc) bound = Math.min(bound, outOfSource);
  if (!sinkHasInfiniteArc) bound = Math.min(bound, intoSink);
  const big = bound + 1;
  if (big > 2 ** 53) {
    throw new RangeError(
      `the smallest finite cut at hand has capacity ${bound}, beyond 2^53-1 where float64 stops being exact`,
    );
  }
  // Push-relabel starts by saturating every source arc, so their total must stay exact too.
  let supply = 0;
  for (let slot = firstSlot[source] as number; slot < (firstSlot[source + 1] as number); slot++) {
    const arc = slotArc[slot] as number;
    if (arc >= 0) supply += Math.min(arcCapacity[arc] as number, big);
  }
  if (supply > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(
      `the capacity leaving the source (infinite arcs counted as ${big}) is ${supply}, beyond 2^53-1 where float64 stops being exact`,
    );
  }
  return big;
}

function createPushRelabelState(nodeCount: number): PushRelabelState {
  return {
    label: new Int32Array(nodeCount),
    excess: new Float64Array(nodeCount),
    current: new Int32Array(nodeCount),
    activeFirst: new Int32Array(nodeCount).fill(-1),
    idleFirst: new Int32Array(nodeCount).fill(-1),
    next: new Int32Array(nodeCount),
    idlePrevious: new Int32Array(nodeCount),
    queue: new Int32Array(nodeCount),
  };
}

/** The most middle arcs a head-start path may take: source -> v, then up to this many, then -> sink. */
const shortPathDepth = 3;

/**
 * A head start: sends flow greedily along short paths source -> v -> ... -> sink, one pass over the
 * source's arcs in order, each trying paths of 0, 1, 2 then 3 middle arcs (shorter first). Complete
 * paths keep the flow conserved, so push-relabel starts from them. On cover networks (source -> user
 * chain -> device chain -> sink) they carry most of the maximum flow: a holder's tier chain is one or
 * two infinite arcs, so source -> user tier 0 -> user tier 1 -> device tier 1 -> device tier 0 -> sink
 * is a path of three middle arcs, and push-relabel is left with only the contested part. A deeper
 * search runs only when the shallower one ended at a node that leads on (bipartite networks stop at one
 * middle arc), and none runs once the searches have scanned about twice the slots (high degrees).
 */
function pushAlongShortPaths(
  net: ResidualNetwork,
  state: PushRelabelState,
  source: number,
  sink: number,
): void {
  const { nodeCount, leadsOn, firstSlot, slotArc, arcFrom, arcTo, arcCapacity, capacityCap, flow } =
    net;
  const { excess } = state;
  // Per node, its arc into the sink and the room left on it: one array read per step, not three.
  // They borrow the label and excess arrays, which are still unused (and set again below and by
  // the first global relabelling).
  const arcIntoSink = state.label.fill(-1);
  const roomIntoSink = excess;
  for (let slot = firstSlot[sink] as number; slot < (firstSlot[sink + 1] as number); slot++) {
    const arc = slotArc[slot] as number;
    if (arc >= 0) continue;
    const v = arcFrom[~arc] as number;
    if ((arcIntoSink[v] as number) >= 0) continue;
    arcIntoSink[v] = ~arc;
    roomIntoSink[v] = roomOf(~arc, arcCapacity, capacityCap, flow);
  }
  // The path being tried: node, next slot to scan and the arc taken, per level (level 0 is v).
  const pathNode = new Int32Array(shortPathDepth + 1);
  const pathSlot = new Int32Array(shortPathDepth + 1);
  const pathArc = new Int32Array(shortPathDepth);
  let budget = 2 * slotArc.length + nodeCount;
  let sent = 0;
  for (
    let first = firstSlot[source] as number;
    first < (firstSlot[source + 1] as number);
    first++
  ) {
    const sourceArc = slotArc[first] as number;
    if (sourceArc < 0) continue;
    const v = arcTo[sourceArc] as number;
    if (v === sink || v === source) continue;
    const room = roomOf(sourceArc, arcCapacity, capacityCap, flow);
    let remaining = room;
    const direct = Math.min(remaining, roomIntoSink[v] as number);
    if (direct > 0) {
      roomIntoSink[v] = (roomIntoSink[v] as number) - direct;
      remaining -= direct;
    }
    // Deeper paths are tried only when the last depth ended at a node that leads on.
    let deeper = true;
    for (let depth = 1; depth <= shortPathDepth && remaining > 0 && deeper; depth++) {
      if (depth > 1 && budget <= 0) break;
      deeper = false;
      // Paths of exactly `depth` middle arcs from v, depth first, each ending at a node with room
      // into the sink (or with a middle arc straight into the sink).
      let level = 0;
      pathNode[0] = v;
      pathSlot[0] = firstSlot[v] as number;
      while (level >= 0 && remaining > 0) {
        const u = pathNode[level] as number;
        const slot = pathSlot[level] as number;
        if (slot >= (firstSlot[u + 1] as number)) {
          level--;
          continue;
        }
        pathSlot[level] = slot + 1;
        budget--;
        const arc = slotArc[slot] as number;
        if (arc < 0 || arc === arcIntoSink[u]) continue;
        const w = arcTo[arc] as number;
        if (w === source) continue;
        let along = roomOf(arc, arcCapacity, capacityCap, flow);
        for (let l = 0; l < level && along > 0; l++) {
          along = Math.min(along, roomOf(pathArc[l] as number, arcCapacity, capacityCap, flow));
        }
        if (along === 0) continue;
        pathArc[level] = arc;
        if (level + 1 < depth) {
          if (w === sink || leadsOn[w] === 0) continue;
          level++;
          pathNode[level] = w;
          pathSlot[level] = firstSlot[w] as number;
          continue;
        }
        if (leadsOn[w] === 1) deeper = true;
        let amount = Math.min(remaining, along);
        if (w !== sink) {
          amount = Math.min(amount, roomIntoSink[w] as number);
          if (amount === 0) continue;
          roomIntoSink[w] = (roomIntoSink[w] as number) - amount;
        }
        for (let l = 0; l <= level; l++) {
          const pathArcId = pathArc[l] as number;
          flow[pathArcId] = (flow[pathArcId] as number) + amount;
        }
        remaining -= amount;
      }
    }
    flow[sourceArc] = (flow[sourceArc] as number) + (room - remaining);
    sent += room - remaining;
  }
  for (let v = 0; v < nodeCount; v++) {
    const arc = arcIntoSink[v] as number;
    if (arc >= 0) {
      flow[arc] = Math.min(arcCapacity[arc] as number, capacityCap) - (roomIntoSink[v] as number);
    }
  }
  excess.fill(0);
  excess[sink] = sent;
  excess[source] = -sent;
}

/** Saturates every arc out of the source; returns whether any node but the sink got excess by it. */
function saturateSourceArcs(
  net: ResidualNetwork,
  state: PushRelabelState,
  source: number,
  sink: number,
): boolean {
  const { firstSlot, slotArc, arcFrom, arcTo, arcCapacity, capacityCap, flow } = net;
  const { excess } = state;
  let stranded = false;
  for (let slot = firstSlot[source] as number; slot < (firstSlot[source + 1] as number); slot++) {
    const arc = slotArc[slot] as number;
    if (arc < 0) continue;
    const capacity = Math.min(arcCapacity[arc] as number, capacityCap);
    // pushAlongShortPaths may have sent some already, through to the sink.
    const amount = capacity - (flow[arc] as number);
    const w = headOf(slotArc[slot] as number, arcFrom, arcTo);
    flow[arc] = capacity;
    excess[w] = (excess[w] as number) + amount;
    excess[source] = (excess[source] as number) - amount;
    if (amount > 0 && w !== sink) stranded = true;
  }
  return stranded;
}

/**
 * Phase 2's head start: excess stranded at a node that the source feeds directly goes straight back
 * along that arc (its reverse has room equal to its flow). On cover networks that settles nearly all
 * of it without a global relabelling. Returns whether any excess is left for phase 2 proper.
 */
function returnExcessDirectly(
  net: ResidualNetwork,
  state: PushRelabelState,
  source: number,
  sink: number,
): boolean {
  const { nodeCount, firstSlot, slotArc, arcTo, flow } = net;
  const { excess } = state;
  for (let slot = firstSlot[source] as number; slot < (firstSlot[source + 1] as number); slot++) {
    const arc = slotArc[slot] as number;
    if (arc < 0) continue;
    const v = arcTo[arc] as number;
    const stranded = excess[v] as number;
    if (v === sink || stranded <= 0) continue;
    const amount = Math.min(stranded, flow[arc] as number);
    flow[arc] = (flow[arc] as number) - amount;
    excess[v] = stranded - amount;
    excess[source] = (excess[source] as number) + amount;
  }
  for (let v = 0; v < nodeCount; v++) {
    if (v !== source && v !== sink && (excess[v] as number) > 0) return true;
  }
  return false;
}

/**
 * Discharges every node that can reach `target` until none holds excess, never entering `blocked`.
 * Labels are lower bounds on the residual distance to `target`; label nodeCount means "cannot reach it",
 * and such nodes are left alone (in phase 1 their excess is exactly what phase 2 sends back).
 * One function with local aliases, no closures and no recursion: this is the hot loop.
 */
function pushTowards(
  net: ResidualNetwork,
  state: PushRelabelState,
  target: number,
  blocked: number,
): void {
  const { nodeCount, firstSlot, slotArc, arcFrom, arcTo, arcCapacity, capacityCap, flow } = net;
  const { label, excess, current, activeFirst, idleFirst, next, idlePrevious } = state;
  // Cherkassky and Goldberg's budget: relabel globally once relabelling has scanned about 12n + 2m.
  const workBudget = 12 * nodeCount + slotArc.length;
  let work = 0;
  let maxLabel = relabelGlobally(net, state, target, blocked);
  let maxActive = maxLabel;

  while (maxActive >= 0) {
    const v = activeFirst[maxActive] as number;
    if (v < 0) {
      maxActive--;
      continue;
    }
    activeFirst[maxActive] = next[v] as number;

    for (;;) {
      const vLabel = label[v] as number;
      const downhill = vLabel - 1;
      const end = firstSlot[v + 1] as number;
      let remaining = excess[v] as number;
      let slot = current[v] as number;
      for (; slot < end; slot++) {
        const signedArc = slotArc[slot] as number;
        const w = headOf(signedArc, arcFrom, arcTo);
        if (label[w] !== downhill) continue;
        const room = roomOf(signedArc, arcCapacity, capacityCap, flow);
        if (room === 0) continue;
        const amount = Math.min(remaining, room);
        if (signedArc >= 0) flow[signedArc] = (flow[signedArc] as number) + amount;
        else flow[~signedArc] = (flow[~signedArc] as number) - amount;
        if (excess[w] === 0 && w !== target) {
          // w turns active: move it from the idle to the active list of its label.
          const previous = idlePrevious[w] as number;
          const following = next[w] as number;
          if (previous >= 0) next[previous] = following;
          else idleFirst[downhill] = following;
          if (following >= 0) idlePrevious[following] = previous;
          next[w] = activeFirst[downhill] as number;
          activeFirst[downhill] = w;
          if (downhill > maxActive) maxActive = downhill;
        }
        excess[w] = (excess[w] as number) + amount;
        remaining -= amount;
        if (remaining === 0) break;
      }
      excess[v] = remaining;
      if (remaining === 0) {
        current[v] = slot;
        const first = idleFirst[vLabel] as number;
        next[v] = first;
        idlePrevious[v] = -1;
        if (first >= 0) idlePrevious[first] = v;
        idleFirst[vLabel] = v;
        break;
      }

      if (activeFirst[vLabel] === -1 && idleFirst[vLabel] === -1) {
        // Gap: v was the last node at its label, so nothing above it can reach the target any more.
        for (let gapLabel = vLabel + 1; gapLabel <= maxLabel; gapLabel++) {
          for (let u = idleFirst[gapLabel] as number; u >= 0; u = next[u] as number) {
            label[u] = nodeCount;
          }
          for (let u = activeFirst[gapLabel] as number; u >= 0; u = next[u] as number) {
            label[u] = nodeCount;
          }
          idleFirst[gapLabel] = -1;
          activeFirst[gapLabel] = -1;
        }
        label[v] = nodeCount;
        maxLabel = vLabel - 1;
        if (maxActive > maxLabel) maxActive = maxLabel;
        break;
      }

      // Relabel: one above the lowest residual neighbour, and resume the scan at that neighbour.
      const start = firstSlot[v] as number;
      let lowest = nodeCount;
      let lowestSlot = start;
      for (let s = start; s < end; s++) {
        const signedArc = slotArc[s] as number;
        const neighbourLabel = label[headOf(signedArc, arcFrom, arcTo)] as number;
        if (neighbourLabel >= lowest) continue;
        if (roomOf(signedArc, arcCapacity, capacityCap, flow) === 0) continue;
        lowest = neighbourLabel;
        lowestSlot = s;
      }
      work += 12 + end - start;
      if (lowest + 1 >= nodeCount) {
        label[v] = nodeCount;
        break;
      }
      label[v] = lowest + 1;
      current[v] = lowestSlot;
      if (lowest + 1 > maxLabel) maxLabel = lowest + 1;
    }

    if (work > workBudget) {
      work = 0;
      maxLabel = relabelGlobally(net, state, target, blocked);
      maxActive = maxLabel;
    }
  }
}

/**
 * Sets every label to the exact residual distance to `target` (nodeCount when unreachable) by a
 * backward breadth-first search, and rebuilds the label lists. Returns the highest label in use.
 */
function relabelGlobally(
  net: ResidualNetwork,
  state: PushRelabelState,
  target: number,
  blocked: number,
): number {
  const { nodeCount, firstSlot, slotArc, arcFrom, arcTo, arcCapacity, capacityCap, flow } = net;
  const { label, excess, current, activeFirst, idleFirst, next, idlePrevious, queue } = state;
  label.fill(nodeCount);
  activeFirst.fill(-1);
  idleFirst.fill(-1);
  label[target] = 0;
  queue[0] = target;
  let tail = 1;
  let maxLabel = 0;
  for (let head = 0; head < tail; head++) {
    const w = queue[head] as number;
    const uLabel = (label[w] as number) + 1;
    for (let slot = firstSlot[w] as number; slot < (firstSlot[w + 1] as number); slot++) {
      const u = headOf(slotArc[slot] as number, arcFrom, arcTo);
      if (label[u] !== nodeCount || u === blocked) continue;
      // ~slotArc names the same arc in the opposite direction, u -> w.
      if (roomOf(~(slotArc[slot] as number), arcCapacity, capacityCap, flow) === 0) continue;
      label[u] = uLabel;
      current[u] = firstSlot[u] as number;
      queue[tail++] = u;
      maxLabel = uLabel;
      if ((excess[u] as number) > 0) {
        next[u] = activeFirst[uLabel] as number;
        activeFirst[uLabel] = u;
      } else {
        const first = idleFirst[uLabel] as number;
        next[u] = first;
        idlePrevious[u] = -1;
        if (first >= 0) idlePrevious[first] = u;
        idleFirst[uLabel] = u;
      }
    }
  }
  return maxLabel;
}

/** The minimal source side: nodes the source still reaches through arcs with residual room. */
function reachableFromSource(net: ResidualNetwork, queue: Int32Array, source: number): Uint8Array {
  const { nodeCount, firstSlot, slotArc, arcFrom, arcTo, arcCapacity, capacityCap, flow } = net;
  const sourceSide = new Uint8Array(nodeCount);
  sourceSide[source] = 1;
  queue[0] = source;
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    const v = queue[head] as number;
    for (let slot = firstSlot[v] as number; slot < (firstSlot[v + 1] as number); slot++) {
      const w = headOf(slotArc[slot] as number, arcFrom, arcTo);
      if (sourceSide[w] === 1) continue;
      if (roomOf(slotArc[slot] as number, arcCapacity, capacityCap, flow) > 0) {
        sourceSide[w] = 1;
        queue[tail++] = w;
      }
    }
  }
  return sourceSide;
}

/** The far end of a slot: the head of a forward arc, the tail of a reversed one. */
function headOf(signedArc: number, arcFrom: Int32Array, arcTo: Int32Array): number {
  return signedArc >= 0 ? (arcTo[signedArc] as number) : (arcFrom[~signedArc] as number);
}

/** Residual room along a slot's direction: capacity - flow forwards (a >= 0), flow backwards (~a). */
function roomOf(
  signedArc: number,
  arcCapacity: Float64Array,
  capacityCap: number,
  flow: Float64Array,
): number {
  if (signedArc < 0) return flow[~signedArc] as number;
  return Math.min(arcCapacity[signedArc] as number, capacityCap) - (flow[signedArc] as number);
}
