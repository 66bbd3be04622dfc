import type { ErrorCode } from "./error-codes.ts";
import type { InputProblem } from "./input-problem.ts";

/** The one error type adapters turn into an exit code or HTTP status through `errorCodes`. */
export class CalwiseError extends Error {
  readonly code: ErrorCode;
  readonly problems: readonly InputProblem[];

  constructor(code: ErrorCode, message: string, problems: readonly InputProblem[] = []) {
    super(message);
    this.name = "CalwiseError";
    this.code = code;
    this.problems = problems;
  }
}
