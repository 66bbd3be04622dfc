import type { MipModel, MipSolution, MipSolver } from "@calwise/core";
import type highsModule from "highs";

/** How much work one solve may do before it stops and reports the bound it reached. */
export interface HighsLimits {
  /**
   * Wall-clock seconds per solve (default 10): a safety net against a hostile input, generous enough that what
   * the limit leaves unproven does not depend on how busy the machine is for the families the MIP is for.
   */
  readonly seconds?: number;
  /** Branch-and-bound nodes per solve (default 20,000). */
  readonly nodes?: number;
  /**
   * Wall-clock seconds for every solve of this solver together (default 30): an evaluation may ask for one solve
   * per family and External Connector choice; once spent, solves fail fast and the answers keep their bounds.
   */
  readonly totalSeconds?: number;
}

/**
 * Imports HiGHS's JavaScript only when a solver is asked for (most evaluations never need one, and every CLI
 * run would pay for loading it), then loads its WebAssembly.
 */
async function loadHighs(): ReturnType<typeof highsModule.default> {
  const imported: { default: unknown } = await import("highs");
  // The package's types describe CommonJS; its ESM build, which node loads, exports the loader itself.
  const exported = imported.default as typeof highsModule | typeof highsModule.default;
  const load = (
    typeof exported === "function" ? exported : exported.default
  ) as typeof highsModule.default;
  return load();
}

// The WebAssembly module is instantiated once per process: a server asks for a solver per evaluation.
let highsLoaded: ReturnType<typeof loadHighs> | undefined;

/**
 * Loads HiGHS (WebAssembly, asynchronous; instantiated once per process) and returns it as the core's
 * `MipSolver` port with its own budget: each solve is synchronous and bounded by `limits`, so a hostile input
 * cannot hang the engine. Money is whole minor units, so the relative gap is 0 and the absolute gap under one
 * unit: `optimal` is a proof.
 */
export async function loadHighsSolver(limits: HighsLimits = {}): Promise<MipSolver> {
  // A failed load is not kept: the next evaluation tries again.
  highsLoaded ??= loadHighs().catch((error: unknown) => {
    highsLoaded = undefined;
    throw error;
  });
  const highs = await highsLoaded;
  const seconds = limits.seconds ?? 10;
  const nodes = limits.nodes ?? 20_000;
  let left = limits.totalSeconds ?? 30;
  const status = highs.constants.modelStatus;
  return {
    name: `HiGHS ${highs.version.string}`,
    solve(m: MipModel): MipSolution {
      if (left <= 0) return { status: "failed", reason: "its time budget is spent" };
      const started = performance.now();
      const limit = Math.min(seconds, left);
      const numCols = m.cost.length;
      const numRows = m.rowLower.length;
      const model = highs.createModel({
        numCols,
        numRows,
        colCost: m.cost,
        colLower: m.lower,
        colUpper: m.upper,
        rowLower: m.rowLower,
        rowUpper: m.rowUpper,
        integrality: Int32Array.from(m.integer),
        matrix: {
          format: "csr",
          numRows,
          numCols,
          starts: m.starts,
          indices: m.indices,
          values: m.values,
        },
      });
      try {
        model.options.set({
          output_flag: false,
          time_limit: limit,
          mip_max_nodes: nodes,
          mip_rel_gap: 0,
          mip_abs_gap: 0.5,
        } as never);
        if (m.start) model.setSolution({ indices: m.start.indices, values: m.start.values });
        const outcome = model.run();
        const read = (name: string) => Number(model.info.get(name));
        const bound = read("mip_dual_bound");
        const explored = read("mip_node_count");
        const hasSolution = read("primal_solution_status") === 2;
        if (outcome.modelStatus === status.optimal)
          return {
            status: "optimal",
            values: Float64Array.from(model.getSolution().colValue),
            objective: model.getObjectiveValue(),
            bound,
            nodes: explored,
          };
        const stopped =
          outcome.modelStatus === status.timeLimit ||
          outcome.modelStatus === status.iterationLimit ||
          outcome.modelStatus === status.solutionLimit ||
          outcome.modelStatus === status.interrupted;
        if (!stopped || !Number.isFinite(bound))
          return { status: "failed", reason: `HiGHS model status ${outcome.modelStatus}` };
        return {
          status: "stopped",
          ...(hasSolution ? { values: Float64Array.from(model.getSolution().colValue) } : {}),
          bound,
          nodes: explored,
          reason:
            outcome.modelStatus === status.timeLimit
              ? `its ${Number(limit.toFixed(2))} s limit`
              : `its limit of ${nodes} nodes`,
        };
      } catch (error) {
        return { status: "failed", reason: error instanceof Error ? error.message : String(error) };
      } finally {
        model.dispose();
        left -= (performance.now() - started) / 1000;
      }
    },
  };
}
