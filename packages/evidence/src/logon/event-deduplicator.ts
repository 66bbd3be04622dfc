import { RecordIdSet } from "./record-id-set.ts";

/**
 * Recognises an event seen before — in the same file or in an overlapping export — by its logging
 * computer, channel, event id and EventRecordID. Events without a record id cannot be matched and are
 * always new (the caller counts them).
 */
export class EventDeduplicator {
  private readonly sets = new Map<string, RecordIdSet>();

  /** True the first time this event is offered. */
  isFirst(computer: string, channel: string, eventId: number, recordId: number | null): boolean {
    if (recordId === null || recordId < 0 || !Number.isSafeInteger(recordId)) return true;
    return this.recordIdsOf(computer, channel, eventId).add(recordId);
  }

  /** The record ids seen of one computer, channel and event id (readers that group events cache it). */
  recordIdsOf(computer: string, channel: string, eventId: number): RecordIdSet {
    const key = `${computer.toLowerCase()}\u0000${channel.toLowerCase()}\u0000${eventId}`;
    let set = this.sets.get(key);
    if (set === undefined) {
      set = new RecordIdSet();
      this.sets.set(key, set);
    }
    return set;
  }
}
