import type { InputProblem } from "../errors/input-problem.ts";
import { unknownReference } from "../errors/unknown-reference.ts";
import { deploymentLimits } from "./deployment-limits.ts";
import { expandRange } from "./expand-range.ts";

/** Collects a deployment's input problems, with the messages every resolver shares. */
export class ProblemCollector {
  readonly problems: InputProblem[] = [];
  /** Names declared in the document that could not be resolved (a server of an unknown product), by kind. */
  readonly #unresolved = new Map<string, Set<string>>();
  #expandedNames = 0;
  #overLimit = false;

  push(problem: InputProblem): void {
    this.problems.push(problem);
  }

  /**
   * Marks a declared name whose own declaration has a problem, so references to it are not reported again:
   * the cause is reported once and what follows from it is suppressed.
   */
  markUnresolved(what: string, name: string): void {
    const names = this.#unresolved.get(what) ?? new Set<string>();
    names.add(name);
    this.#unresolved.set(what, names);
  }

  /** A reference to something that does not exist, with up to 12 of the names that do. */
  unknown(path: string, what: string, value: string, known: Iterable<string>): void {
    if (this.#unresolved.get(what)?.has(value)) return;
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

  /**
   * The names a range such as U{1..20} stands for; a malformed range, or one past the deployment's
   * expansion budget, is a problem and stands for none.
   */
  expand(path: string, value: string): readonly string[] {
    const names = expandRange(value);
    if (!names) {
      this.problems.push({
        code: "SCHEMA",
        path,
        message: `malformed range in '${value}'`,
        expected: `a name, or a range such as U{1..20} of at most ${deploymentLimits.maxRangeNames.toLocaleString("en-US")} names`,
        received: value,
      });
      return [];
    }
    if (names.length === 1) return names;
    this.#expandedNames += names.length;
    if (this.#expandedNames <= deploymentLimits.maxExpandedNames) return names;
    this.tooLarge(
      path,
      `ranges standing for more than ${deploymentLimits.maxExpandedNames.toLocaleString("en-US")} names`,
    );
    return [];
  }

  /** The deployment expands past a limit: reported once (at the first place it is reached). */
  tooLarge(path: string, received: string): void {
    if (this.#overLimit) return;
    this.#overLimit = true;
    this.problems.push({
      code: "DEPLOYMENT_TOO_LARGE",
      path,
      message: "the deployment expands past calwise's limits (docs/limits.md)",
      expected: `at most ${deploymentLimits.maxExpandedNames.toLocaleString("en-US")} names from ranges and ${deploymentLimits.maxExpandedAccesses.toLocaleString("en-US")} accesses`,
      received,
    });
  }
}
