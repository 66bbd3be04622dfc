import type { LogonEvent } from "./logon-event.ts";
import { groupKeyStrings, type LogonGroupStore } from "./logon-group-store.ts";

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
  store.addEvent(store.internKey(), event, ms, at);
}
