import type { z } from "zod";
import { formatPath, type InputProblem } from "./input-problem.ts";

/** Turns zod issues into located input problems with `expected` and `received` where zod knows them. */
export function zodProblems(
  error: z.ZodError,
  received: (path: readonly PropertyKey[]) => unknown,
): InputProblem[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    const value = received(issue.path);
    const expected = "expected" in issue ? String(issue.expected) : undefined;
    const keyList: readonly string[] =
      "keys" in issue && Array.isArray(issue.keys) ? issue.keys : [];
    const keys = keyList.length > 0 ? keyList.join(", ") : undefined;
    return {
      code: "SCHEMA",
      path: keys ? `${path}${path ? "." : ""}${keys}` : path,
      message: keys ? `unknown field${keyList.length > 1 ? "s" : ""} ${keys}` : issue.message,
      ...(expected !== undefined ? { expected } : {}),
      received: describeValue(value),
    };
  });
}

/** A short, readable rendering of a received value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Reads the value at a path in plain data, or undefined. */
export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
