import { wordSchemaMessage } from "@calwise/app/word-schema-message";
import type { InputProblem } from "@calwise/core";
import { quoteForTerminal } from "./quote-for-terminal.ts";

/** How many problems are printed before the rest are only counted. */
export const problemsShown = 20;

/**
 * Renders problems as `file:line:column: path: message (expected …, found …)`, one per line, the schema's
 * own wording in people's words ("must be 0 or more", `wordSchemaMessage`, as the web words it): at most
 * `limit` of them and a count of the rest, every part escaped and shortened so that a binary or huge value
 * never reaches the terminal raw.
 */
export function formatProblems(problems: readonly InputProblem[], limit = problemsShown): string {
  const lines = problems.slice(0, limit).map((p) => {
    const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(":");
    const detail = [
      p.expected !== undefined ? `expected ${quoteForTerminal(p.expected, 160)}` : "",
      p.received !== undefined ? `found ${quoteForTerminal(p.received, 80)}` : "",
    ]
      .filter(Boolean)
      .join(", ");
    const path = p.path ? `${quoteForTerminal(p.path, 120)}: ` : "";
    return `${where ? `${quoteForTerminal(where, 200)}: ` : ""}${path}${quoteForTerminal(wordSchemaMessage(p.message, "file"), 240)}${detail ? ` (${detail})` : ""}`;
  });
  const rest = problems.length - lines.length;
  if (rest > 0) lines.push(`... and ${rest} more problem${rest === 1 ? "" : "s"}`);
  return lines.join("\n");
}
