import { createPlanMemo, type EvaluateOptions, type MipSolver } from "@calwise/core";

/**
 * Runs an evaluation (any front end's: evaluate, quote, advise, audit) without the MIP solver first; when the
 * planner says a solver could prove or improve a family it left open (`FamilyPlan.solverCanHelp`, the same gate
 * that runs the MIP), loads it (`loadSolver`, e.g. HiGHS from `@calwise/node-files`: a WebAssembly load, so only
 * when it can help) and runs again with it. The second run takes every other family's plan from the first
 * (`PlanMemo`), so only the open families are planned again. Most deployments are proven by the engine's own
 * bounds and never load it. Without `loadSolver` it runs once, without a solver. `evaluate` may be async.
 */
export async function evaluateUntilProven<T>(
  evaluate: (options: EvaluateOptions) => T | Promise<T>,
  loadSolver: (() => Promise<MipSolver>) | undefined,
): Promise<T> {
  if (!loadSolver) return evaluate({});
  const memo = createPlanMemo();
  // Awaited before the memo is read: an evaluation in turns (a server's cost chart) fills it as it goes.
  const first = await evaluate({ memo });
  if (!memo.solverCanHelp) return first;
  return evaluate({ memo, solver: await loadSolver() });
}
