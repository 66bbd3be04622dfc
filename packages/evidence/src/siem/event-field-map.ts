import type { logonDataFields } from "../logon/check-logon-fields.ts";

/** The event data fields a field map can name: the ones the logon rules read. */
export type LogonDataField = (typeof logonDataFields)[number];

/**
 * Where a flat export (a SIEM's CSV or JSON) keeps each field calwise reads: for every field, the
 * source's column or key names to try in order (the first present wins). A multi-valued field (a JSON
 * array, as Splunk writes `Account_Name` for the subject and the new logon) gives its last value.
 */
export interface EventFieldMap {
  readonly eventId: readonly string[];
  readonly time: readonly string[];
  readonly computer: readonly string[];
  readonly recordId: readonly string[];
  readonly channel: readonly string[];
  readonly provider: readonly string[];
  /** Event data by the name 4624 gives it (TargetUserName…) → the source's names for it. */
  readonly data: Readonly<Record<LogonDataField, readonly string[]>>;
}

/** The fields of a map a record must give: without them no event can be read. */
export const requiredMapFields = ["eventId", "time", "computer"] as const;

/** The fields of an EventFieldMap besides `data`, in the order docs and problems list them. */
export const eventMapFields = [
  "eventId",
  "time",
  "computer",
  "recordId",
  "channel",
  "provider",
] as const;
