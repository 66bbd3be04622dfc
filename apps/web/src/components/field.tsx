import type { ReactNode } from "react";

/** What a control inside a Field needs: its id, and the ARIA wiring to its hint and error. */
export interface FieldControlProps {
  readonly id: string;
  readonly "aria-invalid": true | undefined;
  readonly "aria-describedby": string | undefined;
}

/**
 * A labelled form field (GOV.UK pattern): the label that never disappears, an optional hint, the error next
 * to the field, and the control wired to both; `children` renders the control from those props.
 */
export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  error: string | undefined;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const { id, error } = props;
  const describedBy = [props.hint === undefined ? "" : `${id}-hint`, error ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`field${error ? " field-error" : ""}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint !== undefined && (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p className="error-text" id={`${id}-error`}>
          {error}
        </p>
      )}
      {props.children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy === "" ? undefined : describedBy,
      })}
    </div>
  );
}
