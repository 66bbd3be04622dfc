import { CalwiseError, type ErrorCode, errorCodes, type InputProblem } from "@calwise/core";
import { z } from "@hono/zod-openapi";

/** One input problem as the API reports it: the field path and what was expected and found. */
export const apiProblemSchema = z
  .object({
    code: z.string(),
    path: z.string(),
    message: z.string(),
    expected: z.string().optional(),
    received: z.string().optional(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
  })
  .openapi("InputProblem");

/** RFC 9457 problem details, with the error table's code and every input problem. */
export const problemDetailsSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    requestId: z.string().optional(),
    problems: z.array(apiProblemSchema),
  })
  .openapi("ProblemDetails");

export type ProblemDetails = z.output<typeof problemDetailsSchema>;

/** Builds the problem details for a code of the one error table (`core/src/errors/error-codes.ts`). */
export function problemDetails(
  code: ErrorCode,
  detail: string,
  problems: readonly InputProblem[] = [],
  requestId?: string,
): ProblemDetails {
  const entry = errorCodes[code];
  return {
    type: `https://calwise.dev/problems/${code.toLowerCase().replaceAll("_", "-")}`,
    title: entry.summary,
    status: entry.httpStatus,
    detail,
    code,
    ...(requestId !== undefined ? { requestId } : {}),
    problems: problems.map((p) => ({
      code: p.code,
      path: p.path,
      message: p.message,
      ...(p.expected !== undefined ? { expected: p.expected } : {}),
      ...(p.received !== undefined ? { received: p.received } : {}),
      ...(p.line !== undefined ? { line: p.line } : {}),
      ...(p.column !== undefined ? { column: p.column } : {}),
    })),
  };
}

/** The problem details for anything thrown by a route: a CalwiseError keeps its code; a bug is INTERNAL. */
export function problemDetailsOf(error: unknown, requestId?: string): ProblemDetails {
  if (error instanceof CalwiseError)
    return problemDetails(error.code, error.message, error.problems, requestId);
  return problemDetails(
    "INTERNAL",
    "an internal error; the request id names it in the server's log",
    [],
    requestId,
  );
}
