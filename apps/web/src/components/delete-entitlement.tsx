import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { callApi } from "../api/api-client.ts";
import { describeApiError } from "../api/describe-api-error.ts";
import { Field } from "./field.tsx";

/**
 * Deleting one entitlement entered by mistake (owners; DELETE /v1/entitlements/{id}): the reason is required,
 * because what the customer owns changes and the audit log keeps why, with what was deleted.
 */
export function DeleteEntitlement(props: {
  id: string;
  label: string;
  onDone: (deleted: boolean) => void;
}) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  // The form opens where the owner's focus goes next: on the reason it asks for.
  useEffect(() => input.current?.focus(), []);
  const remove = useMutation({
    mutationFn: () =>
      callApi("delete", "/v1/entitlements/{id}", {
        params: { id: props.id },
        body: { reason: reason.trim() },
      }),
    onSuccess: () => props.onDone(true),
  });
  return (
    <form
      className="remove-cal"
      aria-labelledby="delete-entitlement-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim().length < 3)
          return setError("Say why it is deleted (at least 3 characters): the audit log keeps it.");
        setError(undefined);
        remove.mutate();
      }}
    >
      <h3 id="delete-entitlement-title">Delete “{props.label}”?</h3>
      <p>
        Audits and compliance checks stop counting it. The audit log keeps what it was, who deleted
        it and why.
      </p>
      <Field id="delete-entitlement-reason" label="Why is it deleted?" error={error}>
        {(control) => (
          <input
            {...control}
            ref={input}
            type="text"
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      {remove.isError && (
        <p className="error-text" role="alert">
          {describeApiError(remove.error, "Deleting the entitlement")}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={remove.isPending}>
          Delete entitlement
        </button>
        <button type="button" className="button-quiet" onClick={() => props.onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
