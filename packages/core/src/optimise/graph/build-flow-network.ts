import type { FlowNetwork } from "./flow-network.ts";

/** Collects nodes and arcs one at a time and packs them into a `FlowNetwork`. */
export interface FlowNetworkBuilder {
  /** Adds a node and returns its id (0, 1, 2, … in order of addition). */
  addNode(): number;
  /** Adds an arc and returns its index, which `MinCutResult.flow` is keyed by. */
  addArc(from: number, to: number, capacity: number): number;
  /** A snapshot of everything added so far; the builder stays usable afterwards. */
  build(source: number, sink: number): FlowNetwork;
}

const minimumArcRoom = 16;

/**
 * Starts an empty flow network. Arcs live in three typed arrays that double when full,
 * so millions of arcs cost three allocations' worth of copying, not millions of objects.
 * `nodeCountHint` only pre-sizes the arc arrays (a guess of two arcs per node); `arcCountHint` overrides it.
 */
export function createFlowNetworkBuilder(
  nodeCountHint = 0,
  arcCountHint = 2 * nodeCountHint,
): FlowNetworkBuilder {
  let nodeCount = 0;
  let arcCount = 0;
  let room = Math.max(minimumArcRoom, Math.ceil(arcCountHint));
  let arcFrom = new Int32Array(room);
  let arcTo = new Int32Array(room);
  let arcCapacity = new Float64Array(room);

  function grow(): void {
    room *= 2;
    const from = new Int32Array(room);
    const to = new Int32Array(room);
    const capacity = new Float64Array(room);
    from.set(arcFrom);
    to.set(arcTo);
    capacity.set(arcCapacity);
    arcFrom = from;
    arcTo = to;
    arcCapacity = capacity;
  }

  function checkNode(node: number, role: string): void {
    if (!Number.isInteger(node) || node < 0 || node >= nodeCount) {
      throw new RangeError(`${role} ${node} is not a node of this network (0..${nodeCount - 1})`);
    }
  }

  return {
    addNode() {
      // Int32Array arc endpoints cap the id space.
      if (nodeCount === 0x7fffffff) throw new RangeError("flow network is limited to 2^31-1 nodes");
      return nodeCount++;
    },
    addArc(from, to, capacity) {
      checkNode(from, "arc tail");
      checkNode(to, "arc head");
      if (!isArcCapacity(capacity)) {
        throw new RangeError(
          `arc capacity must be a non-negative safe integer or Infinity, got ${capacity}`,
        );
      }
      if (arcCount === room) grow();
      arcFrom[arcCount] = from;
      arcTo[arcCount] = to;
      arcCapacity[arcCount] = capacity;
      return arcCount++;
    },
    build(source, sink) {
      checkNode(source, "source");
      checkNode(sink, "sink");
      if (source === sink) throw new RangeError(`source and sink must differ, both are ${source}`);
      return {
        nodeCount,
        source,
        sink,
        // Views, not copies: arcs are only ever appended past arcCount, so these never change, and the
        // unused tail of a doubled array is never touched, so it costs address space, not memory.
        arcFrom: arcFrom.subarray(0, arcCount),
        arcTo: arcTo.subarray(0, arcCount),
        arcCapacity: arcCapacity.subarray(0, arcCount),
      };
    },
  };
}

/** True for the capacities a `FlowNetwork` accepts: a non-negative safe integer, or Infinity for an uncuttable arc. */
export function isArcCapacity(capacity: number): boolean {
  return capacity === Number.POSITIVE_INFINITY || (Number.isSafeInteger(capacity) && capacity >= 0);
}
