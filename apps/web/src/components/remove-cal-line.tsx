import { type FormEvent, useState } from "react";

/** A reason for leaving CALs out, as the quote request records it (`terms.omittedCals`). */
export type OmittedCalsReason =
  | {
      reason: "already-owned";
      family: string;
      version: string;
      type: "user" | "device" | "either";
      quantity: number;
      note?: string;
    }
  | { reason: "anonymous-only"; server: string; note?: string };

/** What the removed CAL line is about: its family, version and type, and the CALs it stands for. */
export interface CalLineSubject {
  readonly description: string;
  readonly family: string;
  readonly version: string;
  readonly type: "user" | "device" | "either";
  readonly units: number;
  readonly servers: readonly string[];
}

/**
 * Asks why a CAL line leaves the quote, before it is removed: the customer already owns those CALs (how
 * many, which version), or the server is reached only anonymously. "No reason" is sent too, and the API
 * refuses it (CALS_NOT_QUOTED): the rule that a server is never sold without its CALs is the API's.
 */
export function RemoveCalLine(props: {
  subject: CalLineSubject;
  busy: boolean;
  onRemove: (reasons: OmittedCalsReason[]) => void;
  onCancel: () => void;
}) {
  const { subject } = props;
  const [reason, setReason] = useState<"none" | "already-owned" | "anonymous-only">("none");
  const [quantity, setQuantity] = useState(String(subject.units));
  const [note, setNote] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const withNote = note.trim() === "" ? {} : { note: note.trim() };
    if (reason === "none") return props.onRemove([]);
    if (reason === "anonymous-only")
      return props.onRemove(
        subject.servers.map((server) => ({ reason: "anonymous-only", server, ...withNote })),
      );
    props.onRemove([
      {
        reason: "already-owned",
        family: subject.family,
        version: subject.version,
        type: subject.type,
        quantity: Math.max(1, Number.parseInt(quantity, 10) || 0),
        ...withNote,
      },
    ]);
  };
  return (
    <form className="remove-cal" onSubmit={submit} aria-labelledby="remove-cal-title">
      <h2 id="remove-cal-title">Remove “{subject.description}”?</h2>
      <p className="hint">
        A server is never sold without its CALs unless the quote records why. Removing this line
        quotes {subject.servers.join(", ")} without CALs for its staff and devices.
      </p>
      <fieldset>
        <legend>Why are these CALs left out?</legend>
        <label className="checkbox">
          <input
            type="radio"
            name="reason"
            checked={reason === "already-owned"}
            onChange={() => setReason("already-owned")}
          />
          The customer already owns them
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name="reason"
            checked={reason === "anonymous-only"}
            onChange={() => setReason("anonymous-only")}
          />
          The server is reached only anonymously (no one signs in)
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name="reason"
            checked={reason === "none"}
            onChange={() => setReason("none")}
          />
          No reason recorded
        </label>
      </fieldset>
      {reason === "already-owned" && (
        <div className="field-row">
          <div className="field">
            <label htmlFor="owned-quantity">
              {subject.version} {subject.type} CALs they own
            </label>
            <input
              id="owned-quantity"
              type="number"
              min={1}
              inputMode="numeric"
              value={quantity}
              onChange={(e) => setQuantity(e.target.value)}
            />
          </div>
        </div>
      )}
      {reason !== "none" && (
        <div className="field">
          <label htmlFor="omitted-note">Note for the quote (optional)</label>
          <input
            id="omitted-note"
            type="text"
            value={note}
            placeholder={
              reason === "already-owned" ? "agreement or invoice number" : "public web site"
            }
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={props.busy}>
          Remove the CALs
        </button>
        <button type="button" className="button-quiet" onClick={props.onCancel}>
          Keep them
        </button>
      </div>
    </form>
  );
}
