import type { InputProblem } from "./input-problem.ts";

/** The problem of a reference to something that does not exist, with up to 12 of the names that do. */
export function unknownReference(
  path: string,
  what: string,
  value: string,
  known: Iterable<string>,
): InputProblem {
  const list = [...known];
  return {
    code: "UNKNOWN_REFERENCE",
    path,
    message: `unknown ${what} '${value}'`,
    expected:
      list.length === 0
        ? `a declared ${what}`
        : `one of ${list.slice(0, 12).join(", ")}${list.length > 12 ? ", ..." : ""}`,
    received: value,
  };
}
