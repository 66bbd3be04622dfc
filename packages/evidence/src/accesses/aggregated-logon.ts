import type { LogonEvent } from "../logon/logon-event.ts";

/**
 * A row of a pre-aggregated accesses file: `events` successful logons (4624) alike in everything
 * the logon rules read, the first at `firstSeen` and the last at `logon.time`. The audit records it
 * as it records that many events.
 */
export interface AggregatedLogon {
  readonly logon: LogonEvent;
  /** ISO 8601 UTC, at or before `logon.time`. */
  readonly firstSeen: string;
  readonly events: number;
}
