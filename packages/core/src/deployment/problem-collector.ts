import type { InputProblem } from "../errors/input-problem.ts";
import { unknownReference } from "../errors/unknown-reference.ts";
import { expandRange } from "./expand-range.ts";

/** Collects a deployment's input problems, with the messages every resolver shares. */
export class ProblemCollector {
  readonly problems: InputProblem[] = [];

  push(problem: InputProblem): void {
    this.problems.push(problem);
  }

  /** A reference to something that does not exist, with up to 12 of the names that do. */
  unknown(path: string, what: string, value: string, known: Iterable<string>): void {
    this.problems.push(unknownReference(path, what, value, known));
  }

  duplicate(path: string, what: string, value: string): void {
    this.problems.push({
      code: "DUPLICATE_ID",
      path,
      message: `${what} '${value}' is declared twice`,
      expected: "each name once",
      received: value,
    });
  }

  /** The names a range such as U{1..20} stands for; a malformed range is a problem and stands for none. */
  expand(path: string, value: string): readonly string[] {
    const names = expandRange(value);
    if (names) return names;
    this.problems.push({
      code: "SCHEMA",
      path,
      message: `malformed range in '${value}'`,
      expected: "a name, or a range such as U{1..20}",
      received: value,
    });
    return [];
  }
}
