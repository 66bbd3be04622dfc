import type { EvtxProblem, EvtxProblemCode } from "./evtx-problem.ts";

/**
 * Counts every problem, keeps the first `keep` for the summary and passes each one to the
 * caller's callback, so a file full of damage cannot grow memory without bound.
 */
export class EvtxProblemLog {
  readonly counts: Partial<Record<EvtxProblemCode, number>> = {};
  readonly kept: EvtxProblem[] = [];
  notKept = 0;

  constructor(
    private readonly onProblem: ((problem: EvtxProblem) => void) | undefined,
    private readonly keep: number,
  ) {}

  readonly report = (problem: EvtxProblem): void => {
    this.counts[problem.code] = (this.counts[problem.code] ?? 0) + 1;
    if (this.kept.length < this.keep) this.kept.push(problem);
    else this.notKept++;
    this.onProblem?.(problem);
  };
}
