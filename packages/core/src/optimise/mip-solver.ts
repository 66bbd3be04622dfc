/**
 * A mixed-integer linear programme in one shape: minimise cost·x subject to rowLower ≤ A·x ≤ rowUpper and
 * lower ≤ x ≤ upper, x integral where `integer` is 1. A is given row by row (compressed sparse rows). Every
 * bound is finite or ±Infinity.
 */
export interface MipModel {
  readonly cost: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** 1 for an integer column, 0 for a continuous one. */
  readonly integer: Uint8Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  /** Row r's entries are starts[r] … starts[r + 1] − 1 of `indices` (columns) and `values`. */
  readonly starts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
  /**
   * A solution to start from, when the caller has one: values of some columns (the integer ones); the solver
   * completes the rest or ignores the start when it is not feasible.
   */
  readonly start?: { readonly indices: Int32Array; readonly values: Float64Array };
}

/**
 * What a solver made of a model. `optimal`: `values` is optimal and no solution costs less than `bound`
 * (equal to `objective` up to the solver's tolerance). `stopped`: a work limit ended the search; `bound` is
 * still a valid lower bound on the optimum and `values` the best solution found, if any. `failed`: nothing
 * can be concluded (the caller keeps what it had).
 */
export type MipSolution =
  | {
      readonly status: "optimal";
      readonly values: Float64Array;
      readonly objective: number;
      readonly bound: number;
      readonly nodes: number;
    }
  | {
      readonly status: "stopped";
      readonly values?: Float64Array;
      readonly bound: number;
      readonly nodes: number;
      readonly reason: string;
    }
  | { readonly status: "failed"; readonly reason: string };

/**
 * The port through which the core asks for an exact MIP solve. Synchronous, so the core stays a pure function
 * of its inputs; the adapter (HiGHS in `@calwise/node-files`) is loaded outside the core and bounds its own
 * work (time and branch-and-bound nodes) so that no input can hang the engine.
 */
export interface MipSolver {
  /** Names the solver in the answer's method text. */
  readonly name: string;
  solve(model: MipModel): MipSolution;
}
