import { createPlanMemo, type EvaluateOptions, type MipSolver } from "@calwise/core";

/**
 * Runs an evaluation (any front end's: evaluate, quote, advise, audit) without the MIP solver first; when the
 * planner says a solver could prove or improve a family it left open (`FamilyPlan.solverCanHelp`, the same gate
 * that runs the MIP), loads it (`loadSolver`, e.g. HiGHS from `@calwise/node-files`: a WebAssembly load, so only
 * when it can help) and runs again with it. The second run takes every other family's plan from the first
 * (`PlanMemo`), so only the open families are planned again. Most deployments are proven by the engine's own
 * bounds and never load it. Without `loadSolver` it runs once, without a solver.
 */
export async function evaluateUntilProven<T>(
  evaluate: (options: EvaluateOptions) => T,
  loadSolver: (() => Promise<MipSolver>) | undefined,
): Promise<T> {
  if (!loadSolver) return evaluate({});
  const memo = createPlanMemo();
  const first = evaluate({ memo });
  if (!memo.solverCanHelp) return first;
  return evaluate({ memo, solver: await loadSolver() });
}
