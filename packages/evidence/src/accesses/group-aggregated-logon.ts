import type { LogonGroup } from "../logon/logon-group.ts";
import type { AggregatedLogon } from "./aggregated-logon.ts";

/**
 * A row of an accesses file as the logon group it stands for, so that the audit records rows and
 * read events through one path: `events` logons alike, the first at `firstSeen`, the last at the
 * logon's time. `at` is the row's position in its file; both ends take it, as the row cannot say
 * where its events were read. Rows carry no record ids: nothing of them is deduplicated.
 */
export function groupAggregatedLogon(access: AggregatedLogon, at: number): LogonGroup {
  const { logon, firstSeen, events } = access;
  const last = { time: logon.time, ms: Date.parse(logon.time), at };
  const first =
    firstSeen === logon.time ? last : { time: firstSeen, ms: Date.parse(firstSeen), at };
  return { event: logon, events, first, last };
}
