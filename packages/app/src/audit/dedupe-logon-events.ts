import { EventDeduplicator, type LogonEvent } from "@calwise/evidence";
import type { LogonTally } from "./record-logon-access.ts";

/**
 * The dedupe step: a filter that passes each logon event the first time it is seen (computer,
 * channel, event id and record id: the same event exported twice, or in overlapping exports) and
 * counts every logon and every duplicate in the tally.
 */
export function createLogonDedupe(tally: LogonTally): (event: LogonEvent) => boolean {
  const seen = new EventDeduplicator();
  return (event) => {
    tally.logonEvents++;
    if (seen.isFirst(event.computer, event.channel, event.eventId, event.recordId)) return true;
    tally.duplicates++;
    return false;
  };
}
