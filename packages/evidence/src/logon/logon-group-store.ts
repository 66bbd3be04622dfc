import { ByteStringTable, type ExportedByteStrings } from "../bytes/byte-string-table.ts";
import { readLengthPrefix, writeLengthPrefix } from "../bytes/length-prefix.ts";
import type { EvidenceLocation } from "../event/evidence-location.ts";
import type { EventDeduplicator } from "./event-deduplicator.ts";
import type { LogonEvent } from "./logon-event.ts";
import type { LogonGroup, SeenAt } from "./logon-group.ts";
import type { RecordIdSet } from "./record-id-set.ts";

/** The string fields of a LogonEvent in the order a group key holds them. */
export const groupKeyStrings = [
  "computer",
  "channel",
  "provider",
  "targetUserName",
  "targetDomainName",
  "targetUserSid",
  "workstationName",
  "ipAddress",
  "logonProcessName",
  "authenticationPackageName",
] as const;

/** The longest normalised time kept inline (longer ones, years past 9999, go to a map). */
const timeSlot = 32;
/** Time slots per group: the first event's, the earliest, the latest. */
const eventTime = 0;
const firstTime = 1;
const lastTime = 2;
const noLogonType = 0xffff;
/** What `offer` did with an event. */
export const notCounted = 0;
export const counted = 1;
export const firstCounted = 2;
const encoder = new TextEncoder();

/**
 * A store's groups as a worker sends them (`exportGroups`): the keys, the groups with a counted event
 * in the order of their first one, and their columns; positions and lines as the worker counted them.
 */
export interface ExportedLogonGroups {
  readonly keys: ExportedByteStrings;
  readonly order: Int32Array;
  /** Per group id: events, first and last instant and position, first event's line, record, record id. */
  readonly columns: Float64Array;
  readonly times: Uint8Array;
  readonly timeLengths: Uint8Array;
  readonly longTimes: readonly (readonly [number, string])[];
  readonly representatives: readonly (readonly [number, LogonEvent])[];
  readonly logons: number;
  readonly duplicates: number;
}

/** Columns per group in ExportedLogonGroups.columns. */
const exportStride = 8;

/** Where a group's first event was read, for a reader that keeps no event object (Winlogbeat lines). */
export interface LinePlace {
  readonly line: number;
  readonly record: number;
  readonly recordId: number | null;
}

/**
 * The logon groups of one source, held compactly: each group's key (the event's fields but its time,
 * record id and location: side of the split, event id, logon type, then ten length-prefixed UTF-8
 * strings) interned in a ByteStringTable, its counts and instants in typed arrays, its times as ASCII
 * in fixed slots. Per group about 100 bytes of key plus 180 of columns; nothing per event.
 * Groups are kept in the order of their first counted event.
 */
export class LogonGroupStore {
  private readonly table = new ByteStringTable();
  private key = new Uint8Array(512);
  private keyLength = 0;
  private capacity = 0;
  private events = new Float64Array(0);
  private firstMs = new Float64Array(0);
  private lastMs = new Float64Array(0);
  private firstAt = new Float64Array(0);
  private lastAt = new Float64Array(0);
  private eventLine = new Float64Array(0);
  private eventRecord = new Float64Array(0);
  private eventRecordId = new Float64Array(0);
  private times = new Uint8Array(0);
  private timeLengths = new Uint8Array(0);
  /** Per group: 1 when its lines must be read by the reference reading (its fields are refused). */
  verdicts = new Uint8Array(0);
  private readonly longTimes = new Map<number, string>();
  private readonly representatives: (LogonEvent | undefined)[] = [];
  private readonly recordIds: (RecordIdSet | undefined)[] = [];
  private order = new Int32Array(64);
  private ordered = 0;
  /** Logon events offered, duplicates included. */
  logons = 0;
  /** Events left out as already seen. */
  duplicates = 0;

  constructor(
    private readonly file: string,
    private readonly dedupe: EventDeduplicator,
  ) {}

  /** The number of groups (some may have no counted event yet). */
  get size(): number {
    return this.table.size;
  }

  /** Starts a key: the side of the split (1 before it), the event id, the logon type (null allowed). */
  beginKey(side: number, eventId: number, logonType: number | null): void {
    const key = this.key;
    key[0] = side;
    key[1] = eventId & 0xff;
    key[2] = (eventId >>> 8) & 0xff;
    key[3] = (eventId >>> 16) & 0xff;
    key[4] = (eventId >>> 24) & 0xff;
    const type = logonType ?? noLogonType;
    key[5] = type & 0xff;
    key[6] = type >>> 8;
    this.keyLength = 7;
  }

  /** Appends bytes[start, end) (UTF-8) as the key's next string. */
  appendBytes(bytes: Uint8Array, start: number, end: number): void {
    const length = end - start;
    this.reserve(length + 4);
    const key = this.key;
    let at = writeLengthPrefix(key, this.keyLength, length);
    for (let index = start; index < end; index++) key[at++] = bytes[index] as number;
    this.keyLength = at;
  }

  /** Appends a string as the key's next string. */
  appendString(text: string): void {
    this.reserve(3 * text.length + 4);
    // Write the string after room for the longest length prefix, then move it if the prefix is short.
    const { written } = encoder.encodeInto(text, this.key.subarray(this.keyLength + 4));
    const from = this.keyLength + 4;
    const at = writeLengthPrefix(this.key, this.keyLength, written);
    if (at !== from) this.key.copyWithin(at, from, from + written);
    this.keyLength = at + written;
  }

  /** The group id of the key built; a new group when `isNew` afterwards. */
  internKey(): number {
    const before = this.table.size;
    const id = this.table.intern(this.key, 0, this.keyLength);
    this.isNew = id === before;
    if (this.isNew) this.grow(id);
    return id;
  }
  /** Whether the last internKey made a new group. */
  isNew = false;

  /** The record ids seen of the group's computer, channel and event id. */
  recordIdsOf(id: number, event: LogonEvent): RecordIdSet {
    let set = this.recordIds[id];
    if (set === undefined) {
      set = this.dedupe.recordIdsOf(event.computer, event.channel, event.eventId);
      this.recordIds[id] = set;
    }
    return set;
  }

  /**
   * Sets the record ids of a new group from the bytes of its trimmed computer and channel (UTF-8):
   * one decoding per distinct computer, channel and event id, not per group.
   */
  recordIdsOfBytes(
    id: number,
    eventId: number,
    bytes: Uint8Array,
    computerStart: number,
    computerEnd: number,
    channelStart: number,
    channelEnd: number,
  ): void {
    const key = this.logKey;
    const length = 8 + computerEnd - computerStart + channelEnd - channelStart;
    if (length > key.length) this.logKey = new Uint8Array(2 * length);
    const into = this.logKey;
    let at = writeLengthPrefix(into, 0, computerEnd - computerStart);
    into.set(bytes.subarray(computerStart, computerEnd), at);
    at += computerEnd - computerStart;
    into.set(bytes.subarray(channelStart, channelEnd), at);
    at += channelEnd - channelStart;
    into[at++] = eventId & 0xff;
    into[at++] = (eventId >>> 8) & 0xff;
    into[at++] = (eventId >>> 16) & 0xff;
    into[at++] = eventId >>> 24;
    const before = this.logs.size;
    const log = this.logs.intern(into, 0, at);
    if (log === before) {
      const text = (start: number, end: number) =>
        Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("utf8");
      this.logSets.push(
        this.dedupe.recordIdsOf(
          text(computerStart, computerEnd),
          text(channelStart, channelEnd),
          eventId,
        ),
      );
    }
    this.recordIds[id] = this.logSets[log];
  }
  /** The logs (computer, channel, event id) seen, as bytes, and their record id sets. */
  private readonly logs = new ByteStringTable();
  private logKey = new Uint8Array(256);
  private readonly logSets: RecordIdSet[] = [];

  /**
   * Counts a logon event of group `id` unless it was seen before (dedupe): `notCounted`, `counted`,
   * or `firstCounted`, when the caller must describe the group's first event (`placeFirst`, `keepFirst`).
   * The caller then writes its time (`setTimeBytes`, `setTimeText`).
   */
  offer(id: number, recordId: number | null, ms: number, at: number): number {
    this.logons++;
    if (recordId !== null && recordId >= 0 && Number.isSafeInteger(recordId)) {
      const set = this.recordIds[id] ?? this.recordIdsFromKey(id);
      if (!set.add(recordId)) {
        this.duplicates++;
        this.updated = 0;
        return notCounted;
      }
    }
    const events = this.events[id] as number;
    this.events[id] = events + 1;
    if (events === 0) {
      this.appendOrder(id);
      this.firstMs[id] = ms;
      this.lastMs[id] = ms;
      this.firstAt[id] = at;
      this.lastAt[id] = at;
      this.eventRecordId[id] = recordId ?? Number.NaN;
      this.updated = 7;
      return firstCounted;
    }
    // Events come in reading order: a strict comparison keeps the first read of equal times.
    this.updated = 0;
    if (ms < (this.firstMs[id] as number)) {
      this.firstMs[id] = ms;
      this.firstAt[id] = at;
      this.updated |= 1 << firstTime;
    }
    if (ms > (this.lastMs[id] as number)) {
      this.lastMs[id] = ms;
      this.lastAt[id] = at;
      this.updated |= 1 << lastTime;
    }
    return counted;
  }
  /** Puts group `id` next in the order of first counted events. */
  private appendOrder(id: number): void {
    if (this.ordered === this.order.length) {
      const bigger = new Int32Array(2 * this.ordered);
      bigger.set(this.order);
      this.order = bigger;
    }
    this.order[this.ordered++] = id;
  }

  /** The time slots the last offer changed (bit per slot): the caller writes the time into them. */
  updated = 0;

  /** Writes the time of the last offered event, as ASCII bytes[start, end), into the slots it changed. */
  setTimeBytes(id: number, bytes: Uint8Array, start: number, end: number): void {
    const length = end - start;
    for (let slot = 0; slot < 3; slot++) {
      if ((this.updated & (1 << slot)) === 0) continue;
      const at = (3 * id + slot) * timeSlot;
      for (let offset = 0; offset < length; offset++)
        this.times[at + offset] = bytes[start + offset] as number;
      this.timeLengths[3 * id + slot] = length;
    }
  }

  /** Writes the time of the last offered event, as text, into the slots it changed. */
  setTimeText(id: number, time: string): void {
    for (let slot = 0; slot < 3; slot++) {
      if ((this.updated & (1 << slot)) === 0) continue;
      if (time.length > timeSlot) {
        this.longTimes.set(3 * id + slot, time);
        this.timeLengths[3 * id + slot] = 0;
        continue;
      }
      this.longTimes.delete(3 * id + slot);
      const at = (3 * id + slot) * timeSlot;
      for (let offset = 0; offset < time.length; offset++)
        this.times[at + offset] = time.charCodeAt(offset);
      this.timeLengths[3 * id + slot] = time.length;
    }
  }

  /** Describes the first event of a group by its line (the group's event is decoded from its key). */
  placeFirst(id: number, place: LinePlace): void {
    this.eventLine[id] = place.line;
    this.eventRecord[id] = place.record;
  }

  /** Keeps the first event of a group as it is (readers that build LogonEvents anyway). */
  keepFirst(id: number, event: LogonEvent): void {
    this.representatives[id] = event;
  }

  /**
   * Adds a decoded event to group `id` (its key already interned): its log's record ids, dedupe,
   * the event kept when it is the group's first, first and last seen. Every reading that has a
   * LogonEvent ends here (`addLogonEvent`, and Winlogbeat's byte path for a name it must judge).
   */
  addEvent(id: number, event: LogonEvent, ms: number, at: number): void {
    this.recordIdsOf(id, event);
    const outcome = this.offer(id, event.recordId, ms, at);
    if (outcome === firstCounted) this.keepFirst(id, event);
    this.setTimeText(id, event.time);
  }

  /** The record ids of a group merged from another thread's store, found from its key's computer and channel. */
  private recordIdsFromKey(id: number): RecordIdSet {
    const key = this.table.bytesOf(id);
    const eventId = keyEventId(key);
    const computer = readLengthPrefix(key, 7);
    const channel = readLengthPrefix(key, computer.next + computer.length);
    this.recordIdsOfBytes(
      id,
      eventId,
      key,
      computer.next,
      computer.next + computer.length,
      channel.next,
      channel.next + channel.length,
    );
    return this.recordIds[id] as RecordIdSet;
  }

  /** The groups, their columns and keys, to send to another thread (this store is done with them). */
  exportGroups(): ExportedLogonGroups {
    const count = this.table.size;
    const columns = new Float64Array(exportStride * count);
    for (let id = 0; id < count; id++) {
      const at = exportStride * id;
      columns[at] = this.events[id] as number;
      columns[at + 1] = this.firstMs[id] as number;
      columns[at + 2] = this.lastMs[id] as number;
      columns[at + 3] = this.firstAt[id] as number;
      columns[at + 4] = this.lastAt[id] as number;
      columns[at + 5] = this.eventLine[id] as number;
      columns[at + 6] = this.eventRecord[id] as number;
      columns[at + 7] = this.eventRecordId[id] as number;
    }
    const representatives: [number, LogonEvent][] = [];
    this.representatives.forEach((event, id) => {
      if (event !== undefined) representatives.push([id, event]);
    });
    return {
      keys: this.table.export(),
      order: this.order.slice(0, this.ordered),
      columns,
      times: this.times.slice(0, 3 * count * timeSlot),
      timeLengths: this.timeLengths.slice(0, 3 * count),
      longTimes: [...this.longTimes],
      representatives,
      logons: this.logons,
      duplicates: this.duplicates,
    };
  }

  /**
   * Adds the groups another store read from the next part of the same source, as if its events had
   * been offered here one by one after every event before (their record ids already known to be new:
   * the caller checks them against the deduplicator): its positions and lines are shifted by
   * `atOffset` and `lineOffset`, the events and records of the source before that part.
   */
  mergeGroups(part: ExportedLogonGroups, atOffset: number, lineOffset: number): void {
    const { keys, columns } = part;
    const representatives = new Map(part.representatives);
    const longTimes = new Map(part.longTimes);
    this.logons += part.logons;
    this.duplicates += part.duplicates;
    for (let index = 0; index < part.order.length; index++) {
      const from = part.order[index] as number;
      const start = keys.keyStart[from] as number;
      const end =
        from + 1 < keys.keyStart.length ? (keys.keyStart[from + 1] as number) : keys.arena.length;
      const before = this.table.size;
      const id = this.table.internHashed(keys.arena, start, end, keys.keyHash[from] as number);
      if (id === before) this.grow(id);
      const at = exportStride * from;
      const events = this.events[id] as number;
      this.events[id] = events + (columns[at] as number);
      const firstMs = columns[at + 1] as number;
      const lastMs = columns[at + 2] as number;
      if (events === 0) {
        this.appendOrder(id);
        this.firstMs[id] = firstMs;
        this.lastMs[id] = lastMs;
        this.firstAt[id] = (columns[at + 3] as number) + atOffset;
        this.lastAt[id] = (columns[at + 4] as number) + atOffset;
        this.eventLine[id] = (columns[at + 5] as number) + lineOffset;
        this.eventRecord[id] = (columns[at + 6] as number) + atOffset;
        this.eventRecordId[id] = columns[at + 7] as number;
        for (let slot = 0; slot < 3; slot++) this.copyTime(part, longTimes, from, id, slot);
        const event = representatives.get(from);
        if (event !== undefined) this.representatives[id] = shiftEvent(event, atOffset, lineOffset);
        continue;
      }
      // The part's events were read after every event here: a strict comparison keeps the first read.
      if (firstMs < (this.firstMs[id] as number)) {
        this.firstMs[id] = firstMs;
        this.firstAt[id] = (columns[at + 3] as number) + atOffset;
        this.copyTime(part, longTimes, from, id, firstTime);
      }
      if (lastMs > (this.lastMs[id] as number)) {
        this.lastMs[id] = lastMs;
        this.lastAt[id] = (columns[at + 4] as number) + atOffset;
        this.copyTime(part, longTimes, from, id, lastTime);
      }
    }
  }

  /** Copies time slot `slot` of the part's group `from` into this store's group `id`. */
  private copyTime(
    part: ExportedLogonGroups,
    longTimes: ReadonlyMap<number, string>,
    from: number,
    id: number,
    slot: number,
  ): void {
    const long = longTimes.get(3 * from + slot);
    if (long !== undefined) {
      this.longTimes.set(3 * id + slot, long);
      this.timeLengths[3 * id + slot] = 0;
      return;
    }
    this.longTimes.delete(3 * id + slot);
    const length = part.timeLengths[3 * from + slot] as number;
    const source = (3 * from + slot) * timeSlot;
    const target = (3 * id + slot) * timeSlot;
    for (let offset = 0; offset < length; offset++)
      this.times[target + offset] = part.times[source + offset] as number;
    this.timeLengths[3 * id + slot] = length;
  }

  /** The groups with at least one counted event, in the order of their first one. */
  *groups(): Generator<LogonGroup> {
    for (let index = 0; index < this.ordered; index++) {
      const id = this.order[index] as number;
      yield {
        event: this.representatives[id] ?? this.decodeEvent(id),
        events: this.events[id] as number,
        first: this.seenAt(id, firstTime, this.firstMs[id] as number, this.firstAt[id] as number),
        last: this.seenAt(id, lastTime, this.lastMs[id] as number, this.lastAt[id] as number),
      };
    }
  }

  /** A group's time slot as a SeenAt (a method, not a closure per group). */
  private seenAt(id: number, slot: number, ms: number, at: number): SeenAt {
    return { time: this.timeOf(id, slot), ms, at };
  }

  private timeOf(id: number, slot: number): string {
    const index = 3 * id + slot;
    const long = this.longTimes.get(index);
    if (long !== undefined) return long;
    const at = index * timeSlot;
    if (this.timeText.buffer !== this.times.buffer)
      this.timeText = Buffer.from(this.times.buffer, this.times.byteOffset, this.times.length);
    return this.timeText.toString("latin1", at, at + (this.timeLengths[index] as number));
  }
  /** A Buffer over `times` (made again when they grow): the times are sliced from it. */
  private timeText = Buffer.alloc(0);

  /** The group's first event from its key and columns. */
  private decodeEvent(id: number): LogonEvent {
    const key = this.table.bytesOf(id);
    const eventId = keyEventId(key);
    const type = (key[5] as number) | ((key[6] as number) << 8);
    // One Buffer over the key, its strings sliced from it (not a Buffer per string).
    const text = Buffer.from(key.buffer, key.byteOffset, key.length);
    const strings: string[] = [];
    let at = 7;
    for (let field = 0; field < groupKeyStrings.length; field++) {
      const { length, next } = readLengthPrefix(key, at);
      at = next;
      strings.push(text.toString("utf8", at, at + length));
      at += length;
    }
    const recordId = this.eventRecordId[id] as number;
    const location: EvidenceLocation = {
      file: this.file,
      line: this.eventLine[id] as number,
      record: this.eventRecord[id] as number,
    };
    const [
      computer,
      channel,
      provider,
      userName,
      domainName,
      userSid,
      workstation,
      ip,
      process,
      pack,
    ] = strings as [string, string, string, string, string, string, string, string, string, string];
    return {
      time: this.timeOf(id, eventTime),
      eventId,
      computer,
      channel,
      provider,
      recordId: Number.isNaN(recordId) ? null : recordId,
      logonType: type === noLogonType ? null : type,
      targetUserName: userName,
      targetDomainName: domainName,
      targetUserSid: userSid,
      workstationName: workstation,
      ipAddress: ip,
      logonProcessName: process,
      authenticationPackageName: pack,
      location,
    };
  }

  private reserve(more: number): void {
    if (this.keyLength + more + 4 <= this.key.length) return;
    const bigger = new Uint8Array(2 * (this.keyLength + more + 4));
    bigger.set(this.key.subarray(0, this.keyLength));
    this.key = bigger;
  }

  private grow(id: number): void {
    this.representatives.push(undefined);
    this.recordIds.push(undefined);
    if (id < this.capacity) return;
    const capacity = Math.max(1024, 2 * this.capacity);
    const widen = (old: Float64Array) => {
      const bigger = new Float64Array(capacity);
      bigger.set(old);
      return bigger;
    };
    this.events = widen(this.events);
    this.firstMs = widen(this.firstMs);
    this.lastMs = widen(this.lastMs);
    this.firstAt = widen(this.firstAt);
    this.lastAt = widen(this.lastAt);
    this.eventLine = widen(this.eventLine);
    this.eventRecord = widen(this.eventRecord);
    this.eventRecordId = widen(this.eventRecordId);
    const times = new Uint8Array(3 * capacity * timeSlot);
    times.set(this.times);
    this.times = times;
    const lengths = new Uint8Array(3 * capacity);
    lengths.set(this.timeLengths);
    this.timeLengths = lengths;
    const verdicts = new Uint8Array(capacity);
    verdicts.set(this.verdicts);
    this.verdicts = verdicts;
    this.capacity = capacity;
  }
}

/** A kept first event read in a later part of its source: its line and record shifted by the part's start. */
function shiftEvent(event: LogonEvent, atOffset: number, lineOffset: number): LogonEvent {
  const { location } = event;
  return {
    ...event,
    location: {
      ...location,
      ...(typeof location.line === "number" ? { line: location.line + lineOffset } : {}),
      ...(typeof location.record === "number" ? { record: location.record + atOffset } : {}),
    },
  };
}

/** The event id a group key holds (bytes 1 to 4, little-endian). */
function keyEventId(key: Uint8Array): number {
  return (
    (key[1] as number) |
    ((key[2] as number) << 8) |
    ((key[3] as number) << 16) |
    ((key[4] as number) << 24)
  );
}
