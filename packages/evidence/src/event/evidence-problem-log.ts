import type { EvidenceProblem, EvidenceProblemCode } from "./evidence-problem.ts";

/** The most characters of a problem's message, expected or received text kept; docs/limits.md. */
export const maxProblemText = 500;

/** Control characters shown escaped (`\x1b`), so a problem never writes them to a terminal. */
function escapeControls(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && (code < 0x7f || code > 0x9f)) continue;
    out += `${text.slice(from, i)}\\x${code.toString(16).padStart(2, "0")}`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

function bound(text: string): string {
  const short = text.length > maxProblemText ? `${text.slice(0, maxProblemText)}…` : text;
  return escapeControls(short);
}

/**
 * A problem whose texts quote at most `maxProblemText` characters of the input, control characters
 * escaped: a header of a million columns or a binary line is excerpted, never echoed whole.
 */
function boundProblemText(problem: EvidenceProblem): EvidenceProblem {
  return {
    ...problem,
    message: bound(problem.message),
    ...(problem.expected !== undefined ? { expected: bound(problem.expected) } : {}),
    ...(problem.received !== undefined ? { received: bound(problem.received) } : {}),
  };
}

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
    /** Each problem as reported, before its texts are bounded (a worker sends them to be reported again). */
    private readonly onReported?: (problem: EvidenceProblem) => void,
  ) {}

  readonly report = (reported: EvidenceProblem): void => {
    this.onReported?.(reported);
    const problem = boundProblemText(reported);
    this.counts[problem.code] = (this.counts[problem.code] ?? 0) + 1;
    if (this.kept.length < this.keep) this.kept.push(problem);
    else this.notKept++;
    this.onProblem?.(problem);
  };

  get total(): number {
    return this.kept.length + this.notKept;
  }
}
