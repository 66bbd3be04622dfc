import type { InputProblem } from "@calwise/core";
import type { NamedDocument } from "./named-document.ts";

/** Names the document of each problem and, where the document can tell, the line and column of its path. */
export function locateProblems(
  problems: readonly InputProblem[],
  document: NamedDocument,
): InputProblem[] {
  return problems.map((p) => ({ ...p, file: document.name, ...document.locate?.(p.path) }));
}
