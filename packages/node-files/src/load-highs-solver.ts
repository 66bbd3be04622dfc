import { setFlagsFromString } from "node:v8";
import type { MipModel, MipSolution, MipSolver } from "@calwise/core";
import type highsModule from "highs";

/** How much work one solve may do before it stops and reports the bound it reached. */
export interface HighsLimits {
  /**
   * Wall-clock seconds per solve (default 10): a safety net against a hostile input, generous enough that what
   * the limit leaves unproven does not depend on how busy the machine is for the families the MIP is for.
   */
  readonly seconds?: number;
  /**
   * CPU seconds of this process per solve (default none), checked at HiGHS's interrupt points besides the
   * wall-clock limit: a limit whose outcome does not depend on how busy the machine is (the benchmarks use it).
   */
  readonly cpuSeconds?: number;
  /**
   * HiGHS's interrupt checks per solve (default none): a limit on work, not time. HiGHS is single-threaded here, so
   * the same model and options reach the same check at the same point of the search whatever the machine's load:
   * the answer a stopped solve gives is repeatable. Measured on the real-money bench's binding cover MIPs
   * (docs/benchmarks.md, "The upper side"): about 130 checks per CPU second at 1,383 pairs, 70 at 2,724.
   */
  readonly work?: number;
  /** Interrupt checks for every solve of this solver together (default none; see `work`). */
  readonly totalWork?: number;
  /** Branch-and-bound nodes per solve (default 20,000). */
  readonly nodes?: number;
  /**
   * Wall-clock seconds for every solve of this solver together (default 30): an evaluation may ask for one solve
   * per family and External Connector choice; once spent, solves fail fast and the answers keep their bounds.
   */
  readonly totalSeconds?: number;
  /** HiGHS options set on every solve after the adapter's own (for measurements: `scripts/measure-cover-mips.ts`). */
  readonly options?: Readonly<Record<string, boolean | number | string>>;
}

/** How the process uses HiGHS, which decides how V8 compiles its WebAssembly. */
export interface HighsLoadOptions {
  /**
   * True for a process that solves a few MIPs and exits (a CLI run): HiGHS's WebAssembly is then compiled by
   * V8's baseline compiler (Liftoff) only. By default V8 also recompiles its hot functions with TurboFan, which
   * pays off only over several solves: measured on the 1,313-pair cover MIP (docs/benchmarks.md, "Proven by
   * HiGHS"), a process's first solve took 3.2–3.7 s of CPU with the tier-up and 1.5–2.1 s without, later solves
   * 0.9 s with it and 1.3–1.4 s without. Decided by the first load of the process (the module is compiled once).
   */
  readonly fewSolves?: boolean;
}

/**
 * Imports HiGHS's JavaScript only when a solver is asked for (most evaluations never need one, and every CLI
 * run would pay for loading it), then loads its WebAssembly.
 */
async function loadHighs(fewSolves: boolean): ReturnType<typeof highsModule.default> {
  // Read by V8 when it compiles a WebAssembly function, so it must be set before the module is; HiGHS is the
  // only WebAssembly these processes run.
  if (fewSolves) setFlagsFromString("--liftoff-only");
  const imported: { default: unknown } = await import("highs");
  // The package's types describe CommonJS; its ESM build, which node loads, exports the loader itself.
  const exported = imported.default as typeof highsModule | typeof highsModule.default;
  const load = (
    typeof exported === "function" ? exported : exported.default
  ) as typeof highsModule.default;
  return load();
}

/**
 * HiGHS's settings when the caller gives a warm start. The engine's start is its best cover (a minimum cut
 * repaired toward the owned CALs), often already optimal; HiGHS's primal heuristics (RINS, RENS, the root's
 * reduced-cost fixing, ZI rounding, shifting) then only spend time looking for what it holds, and symmetry
 * detection on the cover's thousands of identical office stars costs more than it prunes. Measured on the
 * real-money bench's cover MIPs (1,300–2,700 pairs, docs/benchmarks.md "Proven by HiGHS"): the 1,313-pair
 * binding case proven at the root in 0.8 s of CPU instead of 2.9 s, the included-CAL cases in 0.14–1.5 s
 * instead of 0.2–3.0 s, and where the start is not optimal the node LPs still find the better covers.
 */
const WARM_START_OPTIONS = {
  mip_heuristic_effort: 0,
  mip_heuristic_run_rins: false,
  mip_heuristic_run_rens: false,
  mip_heuristic_run_root_reduced_cost: false,
  mip_heuristic_run_zi_round: false,
  mip_heuristic_run_shifting: false,
  mip_detect_symmetry: false,
};

// The WebAssembly module is instantiated once per process: a server asks for a solver per evaluation.
let highsLoaded: ReturnType<typeof loadHighs> | undefined;

/**
 * Loads HiGHS (WebAssembly, asynchronous; instantiated once per process) and returns it as the core's
 * `MipSolver` port with its own budget: each solve is synchronous and bounded by `limits`, so a hostile input
 * cannot hang the engine. Money is whole minor units, so the relative gap is 0 and the absolute gap under one
 * unit: `optimal` is a proof.
 */
export async function loadHighsSolver(
  limits: HighsLimits = {},
  load: HighsLoadOptions = {},
): Promise<MipSolver> {
  // A failed load is not kept: the next evaluation tries again.
  highsLoaded ??= loadHighs(load.fewSolves === true).catch((error: unknown) => {
    highsLoaded = undefined;
    throw error;
  });
  const highs = await highsLoaded;
  const seconds = limits.seconds ?? 10;
  const nodes = limits.nodes ?? 20_000;
  const cpuSeconds = limits.cpuSeconds;
  let left = limits.totalSeconds ?? 30;
  let workLeft = limits.totalWork ?? Number.POSITIVE_INFINITY;
  const status = highs.constants.modelStatus;
  return {
    name: `HiGHS ${highs.version.string}`,
    solve(m: MipModel): MipSolution {
      if (left <= 0) return { status: "failed", reason: "its time budget is spent" };
      if (workLeft <= 0) return { status: "failed", reason: "its work budget is spent" };
      const work = Math.min(limits.work ?? Number.POSITIVE_INFINITY, workLeft);
      const started = performance.now();
      let checks = 0;
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
          ...(m.start ? WARM_START_OPTIONS : {}),
          ...limits.options,
        } as never);
        if (m.start) model.setSolution({ indices: m.start.indices, values: m.start.values });
        const cpuAtStart = process.cpuUsage();
        let overCpu = false;
        let overWork = false;
        const outcome = model.run(
          cpuSeconds === undefined && work === Number.POSITIVE_INFINITY
            ? undefined
            : {
                [highs.constants.callbackType.mipInterrupt](event) {
                  checks++;
                  if (checks >= work) {
                    overWork = true;
                    event.interrupt();
                    return;
                  }
                  if (cpuSeconds === undefined) return;
                  const used = process.cpuUsage(cpuAtStart);
                  if ((used.user + used.system) / 1e6 < cpuSeconds) return;
                  overCpu = true;
                  event.interrupt();
                },
              },
        );
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
          return {
            status: "failed",
            reason: overWork
              ? `its work limit (${work} HiGHS interrupt checks) came before a bound`
              : overCpu
                ? `its ${cpuSeconds} s CPU limit came before a bound`
                : `HiGHS model status ${outcome.modelStatus}`,
          };
        return {
          status: "stopped",
          ...(hasSolution ? { values: Float64Array.from(model.getSolution().colValue) } : {}),
          bound,
          nodes: explored,
          reason: overWork
            ? `its work limit (${work} HiGHS interrupt checks)`
            : overCpu
              ? `its ${cpuSeconds} s CPU limit`
              : outcome.modelStatus === status.timeLimit
                ? `its ${Number(limit.toFixed(2))} s wall-clock limit`
                : `its limit of ${nodes} nodes`,
        };
      } catch (error) {
        return { status: "failed", reason: error instanceof Error ? error.message : String(error) };
      } finally {
        model.dispose();
        left -= (performance.now() - started) / 1000;
        workLeft -= checks;
      }
    },
  };
}
