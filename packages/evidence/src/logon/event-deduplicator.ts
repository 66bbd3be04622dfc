import { type RecordIdPage, RecordIdSet } from "./record-id-set.ts";

/** The record ids a deduplicator saw, per log, as a worker sends them. */
export type ExportedRecordIds = readonly (readonly [string, readonly RecordIdPage[]])[];

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

  /** Every log's record ids, to send to another thread (this deduplicator is done with them). */
  exportRecordIds(): ExportedRecordIds {
    return [...this.sets].map(([key, set]) => [key, set.exportPages()] as const);
  }

  /** Whether any record id of `exported` was seen here (an event another thread took as new). */
  meets(exported: ExportedRecordIds): boolean {
    for (const [key, pages] of exported) if (this.sets.get(key)?.meets(pages)) return true;
    return false;
  }

  /** Takes every record id of `exported` as seen. */
  absorb(exported: ExportedRecordIds): void {
    for (const [key, pages] of exported) {
      let set = this.sets.get(key);
      if (set === undefined) {
        set = new RecordIdSet();
        this.sets.set(key, set);
      }
      set.addPages(pages);
    }
  }
}
