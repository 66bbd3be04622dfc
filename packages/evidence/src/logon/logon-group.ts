import type { EvidenceReadSummary } from "../event/evidence-read-summary.ts";
import type { LogonEvent } from "./logon-event.ts";

/** An event time as logged (normalised ISO text), as an instant, and where it was read. */
export interface SeenAt {
  readonly time: string;
  readonly ms: number;
  /** The event's position in its source (events are numbered in reading order). */
  readonly at: number;
}

/**
 * Logon events of one source that are the same but for their time, record id and place (one
 * "logon signature"): what the audit needs of them, kept once however many events there are.
 */
export interface LogonGroup {
  /** The group's first event in reading order: its time, record id and location are that event's. */
  readonly event: LogonEvent;
  /** How many events, duplicates left out. */
  readonly events: number;
  /** The earliest time (the first read of equal ones) and the latest (the first read of equal ones). */
  readonly first: SeenAt;
  readonly last: SeenAt;
}

/** What grouping a source's logons gave: the groups in the order of their first event, and the counts. */
export interface LogonGrouping {
  readonly summary: EvidenceReadSummary;
  /** Logon events read (wanted ids, not refused), duplicates included. */
  readonly logons: number;
  /** Logon events already seen (same computer, channel, event id and record id): left out. */
  readonly duplicates: number;
  /** The groups, decoded one at a time (memory holds the compact store, not one object per group). */
  groups(): Iterable<LogonGroup>;
}
