import { ByteStringTable, type ExportedByteStrings } from "../bytes/byte-string-table.ts";
import { readLengthPrefix, writeLengthPrefix } from "../bytes/length-prefix.ts";
import type { EvidenceLocation } from "../event/evidence-location.ts";
import type { DirectLogonNames } from "./direct-logon-names.ts";
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
/**
 * Counted, and the event is of a group whose taker widens it event by event (`takeGroups`): no piece
 * is kept; the caller hands the event on with its time (`widenBytes`, `widenText`).
 */
export const widenCounted = 3;
const encoder = new TextEncoder();

/**
 * A store's groups as a worker sends them (`exportGroups`): the keys, the groups with a counted event
 * in the order of their first one (their key ids in `order`), and their columns in that order;
 * positions and lines as the worker counted them.
 */
export interface ExportedLogonGroups {
  readonly keys: ExportedByteStrings;
  readonly order: Int32Array;
  /** Per group in `order`: events, first and last instant and position, first event's line, record, record id. */
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
 *
 * The columns are held per *piece*: the events of a group counted since the groups were last taken
 * (`takeGroups`), in the order of their first one. A reader that hands its groups on as it reads
 * (every few megabytes) thus holds the keys of every group (a group's id stays its key's) but the
 * columns only of those seen since; a group seen again after it was taken starts a new piece of the
 * same id. Until groups are taken, a piece is a whole group.
 */
export class LogonGroupStore {
  private readonly table = new ByteStringTable();
  private key = new Uint8Array(512);
  private keyLength = 0;
  /** Per group id: its piece + 1 since the groups were last taken, 0 for none. */
  private pieceOf = new Int32Array(1024);
  /** Per group id: 1 once handed on by takeGroups. */
  private taken = new Uint8Array(1024);
  /**
   * Per group id: 1 when its taker said it only widens it (`take` or `more` answered true): its later
   * events go to `more` one by one as they are read, not into a piece.
   */
  private settled = new Uint8Array(1024);
  /** The `more` of the last takeGroups, which takes a settled group's events as they are read. */
  private widenMore:
    | ((id: number, events: number, first: SeenAt, last: SeenAt) => boolean)
    | undefined;
  /** Per piece: its group id. */
  private pieceGroup = new Int32Array(0);
  /** Pieces since the groups were last taken; columns below are per piece. */
  private pieces = 0;
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
  /** Per group id: 1 when its lines must be read by the reference reading (its fields are refused). */
  verdicts = new Uint8Array(1024);
  /** Per piece slot (3 × piece + slot): a time longer than a slot. */
  private readonly longTimes = new Map<number, string>();
  /** Per piece: its first event, when the reader kept it. */
  private readonly representatives: (LogonEvent | undefined)[] = [];
  /** Per group id. */
  private readonly recordIds: (RecordIdSet | undefined)[] = [];
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

  /** The names of this source's direct groups, recorded by number when handed on (DirectLogonNames). */
  direct: DirectLogonNames | undefined;

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
    if (this.isNew) this.growGroups(id);
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
    // Byte by byte: a subarray per new group would be two objects for a few bytes.
    for (let index = computerStart; index < computerEnd; index++)
      into[at++] = bytes[index] as number;
    for (let index = channelStart; index < channelEnd; index++) into[at++] = bytes[index] as number;
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
    const piece = (this.pieceOf[id] as number) - 1;
    if (piece < 0) {
      if (this.settled[id] === 1) {
        this.updated = 0;
        this.widenMs = ms;
        this.widenPosition = at;
        this.widenRecordId = recordId ?? Number.NaN;
        return widenCounted;
      }
      const next = this.newPiece(id);
      this.events[next] = 1;
      this.firstMs[next] = ms;
      this.lastMs[next] = ms;
      this.firstAt[next] = at;
      this.lastAt[next] = at;
      this.eventRecordId[next] = recordId ?? Number.NaN;
      this.updated = 7;
      return firstCounted;
    }
    this.events[piece] = (this.events[piece] as number) + 1;
    // Events come in reading order: a strict comparison keeps the first read of equal times.
    this.updated = 0;
    if (ms < (this.firstMs[piece] as number)) {
      this.firstMs[piece] = ms;
      this.firstAt[piece] = at;
      this.updated |= 1 << firstTime;
    }
    if (ms > (this.lastMs[piece] as number)) {
      this.lastMs[piece] = ms;
      this.lastAt[piece] = at;
      this.updated |= 1 << lastTime;
    }
    return counted;
  }

  private widenMs = 0;
  private widenPosition = 0;
  private widenRecordId = Number.NaN;

  /**
   * Hands the event `offer` answered `widenCounted` for, its time ASCII bytes[start, end), to the
   * taker; its line, record and record id start a piece when the taker refuses it.
   */
  widenBytes(
    id: number,
    bytes: Buffer,
    start: number,
    end: number,
    line: number,
    record: number,
    recordId: number | null,
  ): void {
    if (this.widenEvent(id, bytes.toString("latin1", start, end))) return;
    this.placeFirst(id, { line, record, recordId });
    this.setTimeBytes(id, bytes, start, end);
  }

  /**
   * As widenBytes, for an event whose time is its instant's ISO text (isIsoTimeBytes): handed to
   * `moreAt` as the instant alone, no text made, when the taker gave one.
   */
  widenAt(
    id: number,
    bytes: Buffer,
    start: number,
    end: number,
    line: number,
    record: number,
    recordId: number | null,
  ): void {
    if (this.widenMoreAt === undefined) {
      this.widenBytes(id, bytes, start, end, line, record, recordId);
      return;
    }
    if (this.widenMoreAt(id, this.widenMs, this.widenPosition)) return;
    this.restartPiece(id);
    this.placeFirst(id, { line, record, recordId });
    this.setTimeBytes(id, bytes, start, end);
  }
  /** The `moreAt` of the last takeGroups: a settled group's event by its instant (ISO text) alone. */
  private widenMoreAt: ((id: number, ms: number, at: number) => boolean) | undefined;

  /** As widenBytes, for an event the reader decoded: kept as its piece's first when refused. */
  widenText(id: number, event: LogonEvent): void {
    if (this.widenEvent(id, event.time)) return;
    this.keepFirst(id, event);
    this.setTimeText(id, event.time);
  }

  /** Gives the widened event to `more`; when refused, the group is no longer settled and the event starts a piece. */
  private widenEvent(id: number, time: string): boolean {
    const seen: SeenAt = { time, ms: this.widenMs, at: this.widenPosition };
    if ((this.widenMore as NonNullable<typeof this.widenMore>)(id, 1, seen, seen)) return true;
    this.restartPiece(id);
    return false;
  }

  /** The widened event refused: the group is no longer settled and the event starts a piece. */
  private restartPiece(id: number): void {
    this.settled[id] = 0;
    const piece = this.newPiece(id);
    this.events[piece] = 1;
    this.firstMs[piece] = this.widenMs;
    this.lastMs[piece] = this.widenMs;
    this.firstAt[piece] = this.widenPosition;
    this.lastAt[piece] = this.widenPosition;
    this.eventRecordId[piece] = this.widenRecordId;
    this.updated = 7;
  }

  /** Starts group `id`'s piece, next in the order of first counted events; its columns are the caller's to set. */
  private newPiece(id: number): number {
    const piece = this.pieces++;
    if (piece === this.capacity) this.growPieces();
    this.pieceOf[id] = piece + 1;
    this.pieceGroup[piece] = id;
    // Written in order, so the array stays dense (most readers keep no event).
    this.representatives[piece] = undefined;
    return piece;
  }

  /** The time slots the last offer changed (bit per slot): the caller writes the time into them. */
  updated = 0;

  /** Writes the time of the last offered event, as ASCII bytes[start, end), into the slots it changed. */
  setTimeBytes(id: number, bytes: Uint8Array, start: number, end: number): void {
    const length = end - start;
    const piece = (this.pieceOf[id] as number) - 1;
    for (let slot = 0; slot < 3; slot++) {
      if ((this.updated & (1 << slot)) === 0) continue;
      const at = (3 * piece + slot) * timeSlot;
      for (let offset = 0; offset < length; offset++)
        this.times[at + offset] = bytes[start + offset] as number;
      this.timeLengths[3 * piece + slot] = length;
    }
  }

  /** Writes the time of the last offered event, as text, into the slots it changed. */
  setTimeText(id: number, time: string): void {
    const piece = (this.pieceOf[id] as number) - 1;
    for (let slot = 0; slot < 3; slot++) {
      if ((this.updated & (1 << slot)) === 0) continue;
      if (time.length > timeSlot) {
        this.longTimes.set(3 * piece + slot, time);
        this.timeLengths[3 * piece + slot] = 0;
        continue;
      }
      this.longTimes.delete(3 * piece + slot);
      const at = (3 * piece + slot) * timeSlot;
      for (let offset = 0; offset < time.length; offset++)
        this.times[at + offset] = time.charCodeAt(offset);
      this.timeLengths[3 * piece + slot] = time.length;
    }
  }

  /** Describes the first event of a group by its line (the group's event is decoded from its key). */
  placeFirst(id: number, place: LinePlace): void {
    const piece = (this.pieceOf[id] as number) - 1;
    this.eventLine[piece] = place.line;
    this.eventRecord[piece] = place.record;
  }

  /** Keeps the first event of a group as it is (readers that build LogonEvents anyway). */
  keepFirst(id: number, event: LogonEvent): void {
    this.representatives[(this.pieceOf[id] as number) - 1] = event;
  }

  /**
   * Adds a decoded event to group `id` (its key already interned): its log's record ids, dedupe,
   * the event kept when it is the group's first, first and last seen. Every reading that has a
   * LogonEvent ends here (`addLogonEvent`, and Winlogbeat's byte path for a name it must judge).
   */
  addEvent(id: number, event: LogonEvent, ms: number, at: number): void {
    // Its time was not read as bytes: the group is recorded from its event.
    this.direct?.drop(id);
    this.recordIdsOf(id, event);
    const outcome = this.offer(id, event.recordId, ms, at);
    if (outcome === widenCounted) this.widenText(id, event);
    else {
      if (outcome === firstCounted) this.keepFirst(id, event);
      this.setTimeText(id, event.time);
    }
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

  exportGroups(): ExportedLogonGroups {
    const count = this.pieces;
    const columns = new Float64Array(exportStride * count);
    for (let piece = 0; piece < count; piece++) {
      const at = exportStride * piece;
      columns[at] = this.events[piece] as number;
      columns[at + 1] = this.firstMs[piece] as number;
      columns[at + 2] = this.lastMs[piece] as number;
      columns[at + 3] = this.firstAt[piece] as number;
      columns[at + 4] = this.lastAt[piece] as number;
      columns[at + 5] = this.eventLine[piece] as number;
      columns[at + 6] = this.eventRecord[piece] as number;
      columns[at + 7] = this.eventRecordId[piece] as number;
    }
    const representatives: [number, LogonEvent][] = [];
    this.representatives.forEach((event, piece) => {
      if (event !== undefined && piece < count) representatives.push([piece, event]);
    });
    return {
      keys: this.table.export(),
      order: this.pieceGroup.slice(0, count),
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
      if (id === before) this.growGroups(id);
      const at = exportStride * index;
      const firstMs = columns[at + 1] as number;
      const lastMs = columns[at + 2] as number;
      let piece = (this.pieceOf[id] as number) - 1;
      if (piece < 0) {
        piece = this.newPiece(id);
        this.events[piece] = columns[at] as number;
        this.firstMs[piece] = firstMs;
        this.lastMs[piece] = lastMs;
        this.firstAt[piece] = (columns[at + 3] as number) + atOffset;
        this.lastAt[piece] = (columns[at + 4] as number) + atOffset;
        this.eventLine[piece] = (columns[at + 5] as number) + lineOffset;
        this.eventRecord[piece] = (columns[at + 6] as number) + atOffset;
        this.eventRecordId[piece] = columns[at + 7] as number;
        for (let slot = 0; slot < 3; slot++) this.copyTime(part, longTimes, index, piece, slot);
        const event = representatives.get(index);
        if (event !== undefined)
          this.representatives[piece] = shiftEvent(event, atOffset, lineOffset);
        continue;
      }
      this.events[piece] = (this.events[piece] as number) + (columns[at] as number);
      // The part's events were read after every event here: a strict comparison keeps the first read.
      if (firstMs < (this.firstMs[piece] as number)) {
        this.firstMs[piece] = firstMs;
        this.firstAt[piece] = (columns[at + 3] as number) + atOffset;
        this.copyTime(part, longTimes, index, piece, firstTime);
      }
      if (lastMs > (this.lastMs[piece] as number)) {
        this.lastMs[piece] = lastMs;
        this.lastAt[piece] = (columns[at + 4] as number) + atOffset;
        this.copyTime(part, longTimes, index, piece, lastTime);
      }
    }
  }

  /** Copies time slot `slot` of the part's piece `from` into this store's piece `piece`. */
  private copyTime(
    part: ExportedLogonGroups,
    longTimes: ReadonlyMap<number, string>,
    from: number,
    piece: number,
    slot: number,
  ): void {
    const long = longTimes.get(3 * from + slot);
    if (long !== undefined) {
      this.longTimes.set(3 * piece + slot, long);
      this.timeLengths[3 * piece + slot] = 0;
      return;
    }
    this.longTimes.delete(3 * piece + slot);
    const length = part.timeLengths[3 * from + slot] as number;
    const source = (3 * from + slot) * timeSlot;
    const target = (3 * piece + slot) * timeSlot;
    for (let offset = 0; offset < length; offset++)
      this.times[target + offset] = part.times[source + offset] as number;
    this.timeLengths[3 * piece + slot] = length;
  }

  /**
   * The groups with a counted event since they were last taken (all of them, if never), in the order
   * of their first one.
   */
  *groups(): Generator<LogonGroup> {
    for (let piece = 0; piece < this.pieces; piece++) yield this.groupOf(piece);
  }

  /**
   * Hands the groups with a counted event since they were last taken to `take`, with their ids, in the
   * order of their first one (a group taken before, seen again, comes as a new piece of the same id,
   * first offered to `more` without its event: `true` took it), and forgets their columns. A group
   * that `take` or `more` answered `true` for is *settled*: its taker only widens it, so its later
   * events go to `more` one at a time as they are read (`widenCounted`), with no piece kept; one that
   * `more` then refuses starts a piece again.
   */
  takeGroups(
    take: (group: LogonGroup, id: number) => boolean | undefined,
    more?: (id: number, events: number, first: SeenAt, last: SeenAt) => boolean,
    moreAt?: (id: number, ms: number, at: number) => boolean,
  ): void {
    if (more !== undefined) this.widenMore = more;
    if (moreAt !== undefined) this.widenMoreAt = moreAt;
    for (let piece = 0; piece < this.pieces; piece++) {
      const id = this.pieceGroup[piece] as number;
      if (
        more !== undefined &&
        this.direct?.isDirect(id) === true &&
        this.representatives[piece] === undefined
      ) {
        // The judge widens the access a piece before recorded, or records this one (as more, then take).
        this.taken[id] = 1;
        if (this.takeDirect(piece, id)) this.settled[id] = 1;
        continue;
      }
      if (
        more !== undefined &&
        this.taken[id] === 1 &&
        more(
          id,
          this.events[piece] as number,
          this.seenAt(
            piece,
            firstTime,
            this.firstMs[piece] as number,
            this.firstAt[piece] as number,
          ),
          this.seenAt(piece, lastTime, this.lastMs[piece] as number, this.lastAt[piece] as number),
        )
      ) {
        this.settled[id] = 1;
        continue;
      }
      this.taken[id] = 1;
      if (take(this.groupOf(piece), id) === true && more !== undefined) this.settled[id] = 1;
    }
    for (let piece = 0; piece < this.pieces; piece++)
      this.pieceOf[this.pieceGroup[piece] as number] = 0;
    this.pieces = 0;
    this.longTimes.clear();
    this.representatives.length = 0;
  }

  /** Piece `piece` of direct group `id` to its judge, by number (DirectLogonNames.take). */
  private takeDirect(piece: number, id: number): boolean {
    const key = this.table.bytesOf(id);
    return (this.direct as DirectLogonNames).take(
      id,
      (key[5] as number) | ((key[6] as number) << 8),
      this.events[piece] as number,
      this.firstMs[piece] as number,
      this.firstAt[piece] as number,
      this.lastMs[piece] as number,
      this.lastAt[piece] as number,
      this.eventLine[piece] as number,
      this.eventRecord[piece] as number,
    );
  }

  /** The number of pieces held (groups with a counted event since they were last taken). */
  get held(): number {
    return this.pieces;
  }

  /** Piece `piece` as a LogonGroup (a method, not a closure per group). */
  private groupOf(piece: number): LogonGroup {
    return {
      event: this.representatives[piece] ?? this.decodeEvent(piece),
      events: this.events[piece] as number,
      first: this.seenAt(
        piece,
        firstTime,
        this.firstMs[piece] as number,
        this.firstAt[piece] as number,
      ),
      last: this.seenAt(
        piece,
        lastTime,
        this.lastMs[piece] as number,
        this.lastAt[piece] as number,
      ),
    };
  }

  /** A piece's time slot as a SeenAt (a method, not a closure per group). */
  private seenAt(piece: number, slot: number, ms: number, at: number): SeenAt {
    return { time: this.timeOf(piece, slot), ms, at };
  }

  private timeOf(piece: number, slot: number): string {
    const index = 3 * piece + slot;
    const long = this.longTimes.get(index);
    if (long !== undefined) return long;
    const at = index * timeSlot;
    if (this.timeText.buffer !== this.times.buffer)
      this.timeText = Buffer.from(this.times.buffer, this.times.byteOffset, this.times.length);
    return this.timeText.toString("latin1", at, at + (this.timeLengths[index] as number));
  }
  /** A Buffer over `times` (made again when they grow): the times are sliced from it. */
  private timeText = Buffer.alloc(0);

  /** A piece's first event from its group's key and its columns. */
  private decodeEvent(piece: number): LogonEvent {
    const key = this.table.bytesOf(this.pieceGroup[piece] as number);
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
    const recordId = this.eventRecordId[piece] as number;
    const location: EvidenceLocation = {
      file: this.file,
      line: this.eventLine[piece] as number,
      record: this.eventRecord[piece] as number,
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
      time: this.timeOf(piece, eventTime),
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

  /** Room for group `id`'s per-group columns (its piece, verdict, record ids). */
  private growGroups(id: number): void {
    this.recordIds.push(undefined);
    if (id < this.pieceOf.length) return;
    // Half again, not double: these grow with every group of the source.
    const length = id + (id >> 1) + 1024;
    this.pieceOf = grown(this.pieceOf, length);
    this.verdicts = grown(this.verdicts, length);
    this.taken = grown(this.taken, length);
    this.settled = grown(this.settled, length);
  }

  /** Room for one more piece's columns. */
  private growPieces(): void {
    const capacity = Math.max(1024, 2 * this.capacity);
    this.events = grown(this.events, capacity);
    this.firstMs = grown(this.firstMs, capacity);
    this.lastMs = grown(this.lastMs, capacity);
    this.firstAt = grown(this.firstAt, capacity);
    this.lastAt = grown(this.lastAt, capacity);
    this.eventLine = grown(this.eventLine, capacity);
    this.eventRecord = grown(this.eventRecord, capacity);
    this.eventRecordId = grown(this.eventRecordId, capacity);
    this.pieceGroup = grown(this.pieceGroup, capacity);
    this.times = grown(this.times, 3 * capacity * timeSlot);
    this.timeLengths = grown(this.timeLengths, 3 * capacity);
    this.capacity = capacity;
  }
}

/** `from` copied into a new array of `length` elements. */
function grown<T extends Float64Array | Int32Array | Uint8Array>(from: T, length: number): T {
  const to = new (from.constructor as new (n: number) => T)(length);
  to.set(from);
  return to;
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
