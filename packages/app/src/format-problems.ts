import type { InputProblem } from "@calwise/core";

/** Renders problems as `file:line:column: path: message (expected …, found …)`, one per line. */
export function formatProblems(problems: readonly InputProblem[]): string {
  return problems
    .map((p) => {
      const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(":");
      const detail = [
        p.expected !== undefined ? `expected ${p.expected}` : "",
        p.received !== undefined ? `found ${p.received}` : "",
      ]
        .filter(Boolean)
        .join(", ");
      return `${where ? `${where}: ` : ""}${p.path ? `${p.path}: ` : ""}${p.message}${detail ? ` (${detail})` : ""}`;
    })
    .join("\n");
}
