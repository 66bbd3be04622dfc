import { type EvaluationResult, MIP_MAX_HOLDERS, type MipSolver } from "@calwise/core";

/**
 * Evaluates without the MIP solver first; when a family's answer is left `best-found` and is small enough for the
 * solver, loads it (`loadSolver`, e.g. HiGHS from `@calwise/node-files`: a WebAssembly load, so only when it can
 * help) and evaluates again with it. Most deployments are proven by the engine's own bounds and never load it.
 */
export async function evaluateUntilProven(
  evaluate: (solver?: MipSolver) => EvaluationResult,
  loadSolver: () => Promise<MipSolver>,
): Promise<EvaluationResult> {
  const first = evaluate();
  const open = first.families.some(
    (f) => f.optimisation.exactness === "best-found" && f.holders.length <= MIP_MAX_HOLDERS,
  );
  if (!open) return first;
  return evaluate(await loadSolver());
}
