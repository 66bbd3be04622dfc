/**
 * A directed flow network in compressed form, built once and solved by `solveMinCut`.
 * Generic: it knows nothing of licensing. Node 0..nodeCount-1; `source` and `sink` are node ids.
 * Capacities are non-negative integers (safe integers in a Float64Array); `Infinity` marks an arc that may never be cut.
 */
export interface FlowNetwork {
  readonly nodeCount: number;
  readonly source: number;
  readonly sink: number;
  /** Arc i goes from arcFrom[i] to arcTo[i] with capacity arcCapacity[i]. */
  readonly arcFrom: Int32Array;
  readonly arcTo: Int32Array;
  readonly arcCapacity: Float64Array;
}

/** The answer of `solveMinCut`: a maximum flow and the minimum cut it proves. */
export interface MinCutResult {
  /** Value of the maximum flow, equal to the capacity of the minimum cut. */
  readonly value: number;
  /**
   * flow[i] is the flow on arc i: the certificate (`verifyMinCut` checks it). Finite on infinite arcs too.
   * An Int32Array when every flow fits in 31 bits and the solver knew it in advance (the bipartite cover's
   * cut from its pair arrays, with costs below 2^31: half the memory).
   */
  readonly flow: Float64Array | Int32Array;
  /** sourceSide[v] = 1 when node v is on the source side of the minimum cut (reachable from the source in the residual network). */
  readonly sourceSide: Uint8Array;
}
