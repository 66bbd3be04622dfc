import { useEffect, useRef } from "react";
import type { z } from "zod";
import type { ApiError } from "../api/api-client.ts";
import { fieldMessage } from "../format/field-message.ts";

/** Field name → message, from a zod parse or from the server's problem details. */
export type FieldErrors = Readonly<Record<string, string>>;

/** The first message per field of a failed zod parse (the same schema the form's data must pass). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    out[field] ??= fieldMessage(issue.message);
  }
  return out;
}

/** The server's problems by field, so a 400 shows next to the field it is about. */
export function fieldErrorsOfApi(error: ApiError): FieldErrors {
  const out: Record<string, string> = {};
  for (const problem of error.problem?.problems ?? []) {
    const field = problem.path.split(/[.[]/)[0] ?? "";
    out[field] ??= problem.expected
      ? `${fieldMessage(problem.message)} (expected ${problem.expected})`
      : fieldMessage(problem.message);
  }
  return out;
}

/**
 * The error summary at the top of a form (GOV.UK pattern): focused when it appears, each error a link to its
 * field, so a keyboard or screen-reader user hears what is wrong and can go straight to it.
 */
export function ErrorSummary({
  errors,
  labels,
  message,
}: {
  errors: FieldErrors;
  labels: Readonly<Record<string, string>>;
  message?: string | undefined;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const shown = entries.length > 0 || message !== undefined;
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  if (!shown) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">There is a problem</h2>
      {message !== undefined && <p>{message}</p>}
      {entries.length > 0 && (
        <ul>
          {entries.map(([field, text]) => (
            <li key={field}>
              <a href={`#${field}`}>
                {labels[field] ?? field}: {text}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
