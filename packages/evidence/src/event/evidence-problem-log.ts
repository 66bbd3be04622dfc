import type { EvidenceProblem, EvidenceProblemCode } from "./evidence-problem.ts";

/**
 * Counts every problem, keeps the first `keep` for the summary and passes each one to the caller's
 * callback, so a file full of damage cannot grow memory without bound.
 */
export class EvidenceProblemLog {
  readonly counts: Partial<Record<EvidenceProblemCode, number>> = {};
  readonly kept: EvidenceProblem[] = [];
  notKept = 0;

  constructor(
    private readonly onProblem: ((problem: EvidenceProblem) => void) | undefined,
    private readonly keep = 100,
  ) {}

  readonly report = (problem: EvidenceProblem): void => {
    this.counts[problem.code] = (this.counts[problem.code] ?? 0) + 1;
    if (this.kept.length < this.keep) this.kept.push(problem);
    else this.notKept++;
    this.onProblem?.(problem);
  };

  get total(): number {
    return this.kept.length + this.notKept;
  }
}
