import type { z } from "zod";
import type { Validated } from "./input-problem.ts";
import { valueAt, zodProblems } from "./zod-problems.ts";

/** Validates data against any zod schema (e.g. an adapter's file form of a core schema), with problems by path. */
export function validateWithSchema<S extends z.ZodType>(
  schema: S,
  input: unknown,
): Validated<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { success: true, value: parsed.data };
  return { success: false, problems: zodProblems(parsed.error, (p) => valueAt(input, p)) };
}
