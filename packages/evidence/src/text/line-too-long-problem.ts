import type { EvidenceProblem } from "../event/evidence-problem.ts";
import { maxLineBytes } from "./read-line-blocks.ts";

/** The problem for a line over `maxLineBytes`, skipped by a line reader. */
export function lineTooLongProblem(file: string, line: number): EvidenceProblem {
  return {
    code: "EVIDENCE_RECORD_TOO_LONG",
    file,
    line,
    message: `a line longer than ${maxLineBytes} bytes was skipped (real event lines are a few KB); reading resumes on the next line`,
    expected: `at most ${maxLineBytes} bytes per line`,
  };
}
