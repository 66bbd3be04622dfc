import { z } from "zod";
import { problemCodeSchema } from "./problem-code.ts";

/** One thing wrong with an input (a deployment, a catalog, a price list), located precisely. */
export const inputProblemSchema = z.strictObject({
  code: problemCodeSchema,
  path: z
    .string()
    .describe(
      "field path in the document, e.g. `servers[2].product`; empty for the whole document",
    ),
  message: z.string(),
  expected: z.string().optional(),
  received: z.string().optional(),
  file: z.string().optional().describe("the file, filled in by the adapter that read the text"),
  line: z.number().int().min(1).optional().describe("1-based line"),
  column: z.number().int().min(1).optional().describe("1-based column"),
});

/** One thing wrong with an input (see `inputProblemSchema`). */
export type InputProblem = Readonly<z.output<typeof inputProblemSchema>>;

/** The result of validating input: the value, or every problem found (not just the first). */
export type Validated<T> =
  | { readonly success: true; readonly value: T }
  | { readonly success: false; readonly problems: readonly InputProblem[] };

/** Formats a path array such as ["servers", 2, "product"] as `servers[2].product`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}
