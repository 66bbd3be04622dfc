import type { LogonEvent } from "./logon-event.ts";
import { firstCounted, groupKeyStrings, type LogonGroupStore } from "./logon-group-store.ts";

/**
 * Adds one decoded logon event to its group (the reading every format shares; Winlogbeat's byte
 * path builds the same key from bytes): the key from its fields, dedupe, first and last seen.
 */
export function addLogonEvent(
  store: LogonGroupStore,
  event: LogonEvent,
  at: number,
  splitAtMs: number | undefined,
): void {
  const ms = Date.parse(event.time);
  store.beginKey(splitAtMs !== undefined && ms < splitAtMs ? 1 : 0, event.eventId, event.logonType);
  for (const field of groupKeyStrings) store.appendString(event[field]);
  const id = store.internKey();
  store.recordIdsOf(id, event);
  const outcome = store.offer(id, event.recordId, ms, at);
  if (outcome === firstCounted) store.keepFirst(id, event);
  store.setTimeText(id, event.time);
}
