import { evtxProblemCodes } from "../evtx/evtx-problem.ts";

/** Stable codes for the ways part of an evidence file can be unusable; callers may switch on them. */
export const evidenceProblemCodes = [
  ...evtxProblemCodes,
  /** The file could not be opened or read (missing, a directory, permissions). */
  "EVIDENCE_UNREADABLE",
  /** The file is not in a format this reader (or any reader) knows. */
  "EVIDENCE_UNKNOWN_FORMAT",
  /** A required column is missing from a CSV header: nothing of the file was read. */
  "CSV_MISSING_COLUMN",
  /** A CSV record is malformed (quotes, field count) and was skipped. */
  "CSV_BAD_RECORD",
  /** One <Event> element of an XML export is not well-formed or lacks System fields; skipped. */
  "XML_BAD_EVENT",
  /**
   * One <Event> element of an XML export uses an entity other than XML's five and character references
   * (a DOCTYPE's entities are never expanded), or holds a DOCTYPE or ENTITY declaration; skipped.
   */
  "XML_ENTITY",
  /** One line of a JSON-lines file is not a JSON object or lacks the event fields; skipped. */
  "JSON_BAD_LINE",
  /** A column holds a .NET type name (`…ADPropertyValueCollection`) instead of its values. */
  "CSV_TYPE_NAME_VALUE",
  /** A record lacks a field the reader needs (event id, time, computer…) or holds an unusable value. */
  "EVENT_BAD_FIELD",
  /** A record gives an event data field the logon rules read (TargetUserName…) more than once; skipped. */
  "EVENT_REPEATED_FIELD",
  /** A user, domain or computer name holds a control character (NUL, C0, DEL, C1); the record is skipped. */
  "EVENT_CONTROL_CHARACTER",
  /**
   * A line, CSV record or <Event> element is longer than the reader's cap (docs/limits.md); it is
   * skipped and reading goes on at the next line or element.
   */
  "EVIDENCE_RECORD_TOO_LONG",
] as const;

/** One of `evidenceProblemCodes`. */
export type EvidenceProblemCode = (typeof evidenceProblemCodes)[number];

/** One part of an evidence file that was skipped, located precisely: reported as data, never thrown. */
export interface EvidenceProblem {
  readonly code: EvidenceProblemCode;
  readonly file: string;
  /** 1-based line (text formats). */
  readonly line?: number;
  /** 1-based record (event) number in the file. */
  readonly record?: number;
  /** Absolute byte offset (EVTX). */
  readonly offset?: number;
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
}
