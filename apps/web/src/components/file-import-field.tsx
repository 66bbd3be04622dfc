import type { ReactNode } from "react";
import { ApiError, type Problem } from "../api/api-client.ts";
import { fieldMessage } from "../format/field-message.ts";

/** A file the server refused: its name and each problem in words. */
export interface Refusal {
  readonly file: string;
  readonly lines: readonly string[];
}

/** A problem as a reseller reads it: where (line and column of the file), what, and what was expected. */
export function describeProblem(problem: Problem["problems"][number]): string {
  const where =
    problem.line === undefined
      ? problem.path === ""
        ? ""
        : `${problem.path}: `
      : `line ${problem.line}${problem.column === undefined ? "" : `, column ${problem.column}`}: `;
  return `${where}${fieldMessage(problem.message)}${problem.expected ? ` (expected ${problem.expected})` : ""}`;
}

/** Why `file` was refused, from the error its request threw (every located problem, else the message). */
export function refusalOf(error: Error, file: File): Refusal {
  const problems = error instanceof ApiError ? (error.problem?.problems ?? []) : [];
  return {
    file: file.name,
    lines: problems.length > 0 ? problems.map(describeProblem) : [error.message],
  };
}

/**
 * A labelled file input that hands the chosen file on (and clears itself, so the same file can be chosen
 * again after it is corrected), with what the server said about the last refused file.
 */
export function FileImportField(props: {
  readonly id: string;
  readonly label: string;
  readonly hint: ReactNode;
  readonly accept: string;
  readonly pending: boolean;
  readonly refusal: Refusal | undefined;
  readonly onFile: (file: File) => void;
}) {
  const { id, refusal } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <p className="hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      <input
        id={id}
        type="file"
        accept={props.accept}
        aria-describedby={`${id}-hint`}
        disabled={props.pending}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file !== undefined) props.onFile(file);
          e.target.value = "";
        }}
      />
      {props.pending && <p aria-live="polite">Reading the file…</p>}
      {refusal !== undefined && (
        <div className="error-summary" role="alert">
          <h3>{refusal.file} was not imported</h3>
          <ul className="problems">
            {refusal.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
