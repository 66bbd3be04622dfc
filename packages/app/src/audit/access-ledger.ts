import type { EvidenceLocation } from "@calwise/evidence";
import { formatIsoTime } from "./format-iso-time.ts";
import { IntTripleIndex } from "./int-triple-index.ts";
import { isIsoText } from "./is-iso-text.ts";
import type { PlacedSpan, SeenTime } from "./widen-seen.ts";

/** Where a device name came from (docs/audit.md, "device"). */
export type DeviceSource = "workstation" | "address-resolved" | "address" | "ual-address";

/** One distinct (user, device, server, service) access with the evidence behind it, as one object. */
export interface AccessRecord extends PlacedSpan {
  readonly user: string | undefined;
  readonly device: string | undefined;
  readonly server: string;
  readonly service: "admin" | "rds" | undefined;
  readonly deviceSource: DeviceSource | undefined;
  readonly origin: "logon" | "ual";
  readonly events: number;
  /** The source files (indexes into the ledger's `files`) in the order they first showed it. */
  readonly files: readonly number[];
  /** The first event that showed this access: where to look to verify it. */
  readonly sample: EvidenceLocation;
}

/** What an access is: who, from where, to which server and service, as recorded. */
export interface AccessSeen {
  readonly user?: string | undefined;
  readonly device?: string | undefined;
  readonly server: string;
  readonly service?: "admin" | "rds" | undefined;
  readonly deviceSource?: DeviceSource | undefined;
  readonly origin: "logon" | "ual";
}

const services = [undefined, "admin", "rds"] as const;
const deviceSources = [undefined, "workstation", "address-resolved", "address", "ual-address"];
/** In an access's flags: the bit of a UAL access; the bits below it are its device source. */
const ualFlag = 8;
/** In an access's flags: its sample is `{ file, line, record }`, kept as two numbers. */
const lineSampleFlag = 16;
/** Per access in `spans`: first and last instant, first and last position, events, sample line and record. */
const stride = 7;

/** Whether a location is `{ file, line, record }` (these keys in this order, numbers), as text readers write it. */
function isLineSample(location: EvidenceLocation): boolean {
  let keys = 0;
  for (const key in location) {
    if (key !== (keys === 0 ? "file" : keys === 1 ? "line" : "record")) return false;
    keys++;
  }
  return keys === 3 && typeof location.line === "number" && typeof location.record === "number";
}

/** The index of `text` in `list`, appending it when new (`ids` maps each text to its index). */
function internText(text: string, list: (string | undefined)[], ids: Map<string, number>): number {
  let id = ids.get(text);
  if (id === undefined) {
    id = list.length;
    list.push(text);
    ids.set(text, id);
  }
  return id;
}

/** `from` copied into a new array of `length` elements. */
function grown<T extends Float64Array | Int32Array | Uint8Array>(from: T, length: number): T {
  const to = new (from.constructor as new (n: number) => T)(length);
  to.set(from);
  return to;
}

/** First and last seen of a span of events, as instants whose ISO text is their time, and reading positions. */
export interface SeenSpan {
  readonly firstMs: number;
  readonly firstAt: number;
  readonly lastMs: number;
  readonly lastAt: number;
}

/**
 * The distinct accesses seen in the evidence, each with first and last seen, event count and source
 * files: memory follows the number of distinct accesses, not the number of events. An access is a
 * number (0, 1, 2, … in the order first seen) and its evidence is kept in columns: its names' ids in
 * the index that finds it (names interned, no key string), instants, positions, counts and the line
 * and record of its sample in typed arrays; a time as logged is kept only when it is not the ISO
 * text of its instant, a sample only when it is not `{ file, line, record }`. No object per access,
 * so the garbage collector has little to trace however many there are. Accesses come in reading order of
 * their first event (the sample is that event); groups of events may widen an access out of order, so
 * first and last seen break ties of equal instants by reading position (`at`).
 */
export class AccessLedger {
  private readonly index = new IntTripleIndex();
  /** Every user, device and server name seen, by id; 0 stands for none. */
  private readonly names: (string | undefined)[] = [undefined];
  private readonly nameIds = new Map<string, number>();
  readonly files: string[] = [];
  private readonly fileIndex = new Map<string, number>();
  /** The file of the last access added. */
  private lastFile = 0;
  private count = 0;
  private spans = new Float64Array(stride * 1024);
  private flags = new Uint8Array(1024);
  private firstFile = new Int32Array(1024);
  /** The files of the accesses seen in more than one, all of them in order. */
  private readonly moreFiles = new Map<number, number[]>();
  /** The times as logged that are not their instant's ISO text, by 2 × access (+ 1 for the last). */
  private readonly texts = new Map<number, string>();
  /** The samples that are not `{ file, line, record }`. */
  private readonly samples = new Map<number, EvidenceLocation>();

  private nameId(name: string | undefined): number {
    return name === undefined ? 0 : internText(name, this.names, this.nameIds);
  }

  add(
    access: AccessSeen,
    first: Required<SeenTime>,
    last: Required<SeenTime>,
    events: number,
    location: EvidenceLocation,
  ): number {
    const user = this.nameId(access.user);
    const device = this.nameId(access.device);
    const server = this.nameId(access.server);
    const service = access.service === undefined ? 0 : services.indexOf(access.service);
    const id = this.index.intern(user, device, server * 4 + service);
    const file = this.fileId(location.file);
    if (id === this.count) this.append(access, first, last, events, file, location);
    else this.widenAccess(id, first, last, events, file);
    return id;
  }

  /** Adds events of access `id` (as `add` would, from a group of the same access) read in `file`. */
  widen(
    id: number,
    first: Required<SeenTime>,
    last: Required<SeenTime>,
    events: number,
    file: string,
  ): void {
    this.widenAccess(id, first, last, events, this.fileId(file));
  }

  /**
   * Adds `events` events at instant `ms`, position `at`, of access `id` read in `file`, as `widen`
   * would with the instant's ISO text as their time (a reader that saw that text hands on the instant).
   */
  widenAt(id: number, ms: number, at: number, events: number, file: string): void {
    this.widenSpan(id, ms, at, ms, at, events, this.fileId(file));
  }

  /** As widenAt for events from `span.firstMs` to `span.lastMs` (instants whose ISO text is their time). */
  widenSpanAt(id: number, span: SeenSpan, events: number, file: string): void {
    const { firstMs, firstAt, lastMs, lastAt } = span;
    this.widenSpan(id, firstMs, firstAt, lastMs, lastAt, events, this.fileId(file));
  }

  /** The id of a user, device or server name, added when new (as `add` adds them). */
  nameIdOf(name: string): number {
    return internText(name, this.names, this.nameIds);
  }

  /**
   * As `add`, with the names' ids (`nameIdOf`, 0 for none), first and last seen as instants whose ISO
   * text is their time, and the sample `{ file, line, record }`: for readers that name accesses by
   * number. The access's number.
   */
  addNamed(
    names: { readonly user: number; readonly device: number; readonly server: number },
    service: "admin" | undefined,
    deviceSource: DeviceSource | undefined,
    span: SeenSpan,
    events: number,
    sample: { readonly file: string; readonly line: number; readonly record: number },
  ): number {
    const id = this.index.intern(names.user, names.device, names.server * 4 + (service ? 1 : 0));
    const file = this.fileId(sample.file);
    const { firstMs, firstAt, lastMs, lastAt } = span;
    if (id !== this.count) {
      this.widenSpan(id, firstMs, firstAt, lastMs, lastAt, events, file);
      return id;
    }
    const at = stride * this.grow();
    this.spans[at] = firstMs;
    this.spans[at + 1] = lastMs;
    this.spans[at + 2] = firstAt;
    this.spans[at + 3] = lastAt;
    this.spans[at + 4] = events;
    this.spans[at + 5] = sample.line;
    this.spans[at + 6] = sample.record;
    this.flags[id] = deviceSources.indexOf(deviceSource) | lineSampleFlag;
    this.firstFile[id] = file;
    return id;
  }

  /** widenAccess for first and last seen as instants whose ISO text is their time. */
  private widenSpan(
    id: number,
    firstMs: number,
    firstAt: number,
    lastMs: number,
    lastAt: number,
    events: number,
    file: number,
  ): void {
    const spans = this.spans;
    const offset = stride * id;
    const earliest = spans[offset] as number;
    if (firstMs < earliest || (firstMs === earliest && firstAt < (spans[offset + 2] as number))) {
      spans[offset] = firstMs;
      spans[offset + 2] = firstAt;
      if (this.texts.size > 0) this.texts.delete(2 * id);
    }
    const latest = spans[offset + 1] as number;
    if (lastMs > latest || (lastMs === latest && lastAt < (spans[offset + 3] as number))) {
      spans[offset + 1] = lastMs;
      spans[offset + 3] = lastAt;
      if (this.texts.size > 0) this.texts.delete(2 * id + 1);
    }
    spans[offset + 4] = (spans[offset + 4] as number) + events;
    this.addFile(id, file);
  }

  private fileId(name: string): number {
    // Groups come file by file: the last file's id is usually the one.
    if (name !== this.files[this.lastFile])
      this.lastFile = internText(name, this.files, this.fileIndex);
    return this.lastFile;
  }

  private widenAccess(
    id: number,
    first: Required<SeenTime>,
    last: Required<SeenTime>,
    events: number,
    file: number,
  ): void {
    const spans = this.spans;
    const at = stride * id;
    // Of equal instants, the one read first wins (by position).
    const firstMs = spans[at] as number;
    if (first.ms < firstMs || (first.ms === firstMs && first.at < (spans[at + 2] as number))) {
      spans[at] = first.ms;
      spans[at + 2] = first.at;
      this.keepText(2 * id, first);
    }
    const lastMs = spans[at + 1] as number;
    if (last.ms > lastMs || (last.ms === lastMs && last.at < (spans[at + 3] as number))) {
      spans[at + 1] = last.ms;
      spans[at + 3] = last.at;
      this.keepText(2 * id + 1, last);
    }
    spans[at + 4] = (spans[at + 4] as number) + events;
    this.addFile(id, file);
  }

  private append(
    access: AccessSeen,
    first: Required<SeenTime>,
    last: Required<SeenTime>,
    events: number,
    file: number,
    location: EvidenceLocation,
  ): void {
    const id = this.grow();
    const at = stride * id;
    this.spans[at] = first.ms;
    this.spans[at + 1] = last.ms;
    this.spans[at + 2] = first.at;
    this.spans[at + 3] = last.at;
    this.spans[at + 4] = events;
    const lineSample = isLineSample(location);
    if (lineSample) {
      this.spans[at + 5] = location.line as number;
      this.spans[at + 6] = location.record as number;
    } else this.samples.set(id, location);
    this.flags[id] =
      deviceSources.indexOf(access.deviceSource) |
      (access.origin === "ual" ? ualFlag : 0) |
      (lineSample ? lineSampleFlag : 0);
    this.firstFile[id] = file;
    this.keepText(2 * id, first);
    this.keepText(2 * id + 1, last);
  }

  /** The next access's number, with room for its columns. */
  private grow(): number {
    const id = this.count++;
    if (id === this.flags.length) {
      this.spans = grown(this.spans, this.spans.length * 2);
      this.flags = grown(this.flags, this.flags.length * 2);
      this.firstFile = grown(this.firstFile, this.firstFile.length * 2);
    }
    return id;
  }

  /** Keeps a first or last time as logged, unless it is its instant's ISO text. */
  private keepText(key: number, time: Required<SeenTime>): void {
    if (!isIsoText(time.time, time.ms)) this.texts.set(key, time.time);
    else if (this.texts.size > 0) this.texts.delete(key);
  }

  /** A first or last time as logged. */
  private textOf(key: number, ms: number): string {
    return (this.texts.size === 0 ? undefined : this.texts.get(key)) ?? formatIsoTime(ms);
  }

  private addFile(id: number, file: number): void {
    const more = this.moreFiles.get(id);
    if (more === undefined) {
      if (this.firstFile[id] !== file) this.moreFiles.set(id, [this.firstFile[id] as number, file]);
    } else if (more[more.length - 1] !== file && !more.includes(file)) more.push(file);
  }

  /** The accesses (their numbers, in order) with an event at or after `startMs`. */
  since(startMs: number): Int32Array {
    const kept: number[] = [];
    for (let id = 0; id < this.count; id++)
      if ((this.spans[stride * id + 1] as number) >= startMs) kept.push(id);
    return Int32Array.from(kept);
  }

  /** Every user, device and server name seen, by id (`userId` …); 0 stands for none. */
  get nameTable(): readonly (string | undefined)[] {
    return this.names;
  }

  get size(): number {
    return this.count;
  }

  /** The ids of access `id`'s user, device and server names (0: none). */
  userId(id: number): number {
    return this.index.partOf(id, 0);
  }
  deviceId(id: number): number {
    return this.index.partOf(id, 1);
  }
  serverId(id: number): number {
    return this.index.partOf(id, 2) >> 2;
  }

  user(id: number): string | undefined {
    return this.names[this.userId(id)];
  }
  device(id: number): string | undefined {
    return this.names[this.deviceId(id)];
  }
  server(id: number): string {
    return this.names[this.serverId(id)] as string;
  }
  service(id: number): "admin" | "rds" | undefined {
    return services[this.index.partOf(id, 2) & 3];
  }
  origin(id: number): "logon" | "ual" {
    return ((this.flags[id] as number) & ualFlag) === 0 ? "logon" : "ual";
  }
  deviceSource(id: number): DeviceSource | undefined {
    return deviceSources[(this.flags[id] as number) & (ualFlag - 1)] as DeviceSource | undefined;
  }

  /** First and last seen as instants, the event count. */
  firstMs(id: number): number {
    return this.spans[stride * id] as number;
  }
  lastMs(id: number): number {
    return this.spans[stride * id + 1] as number;
  }
  events(id: number): number {
    return this.spans[stride * id + 4] as number;
  }
  /** First and last seen as logged. */
  firstSeen(id: number): string {
    return this.textOf(2 * id, this.firstMs(id));
  }
  lastSeen(id: number): string {
    return this.textOf(2 * id + 1, this.lastMs(id));
  }
  /** The source files (indexes into `files`) in the order they first showed the access. */
  fileIndexes(id: number): readonly number[] {
    return this.moreFiles.get(id) ?? [this.firstFile[id] as number];
  }
  /** The first event that showed the access: where to look to verify it. */
  sample(id: number): EvidenceLocation {
    if (((this.flags[id] as number) & lineSampleFlag) === 0)
      return this.samples.get(id) as EvidenceLocation;
    const at = stride * id;
    return {
      file: this.files[this.firstFile[id] as number] as string,
      line: this.spans[at + 5] as number,
      record: this.spans[at + 6] as number,
    };
  }

  /** Access `id` as one object (tests and small consumers; the steps read the columns). */
  record(id: number): AccessRecord {
    const at = stride * id;
    return {
      user: this.user(id),
      device: this.device(id),
      server: this.server(id),
      service: this.service(id),
      deviceSource: this.deviceSource(id),
      origin: this.origin(id),
      firstMs: this.spans[at] as number,
      lastMs: this.spans[at + 1] as number,
      firstAt: this.spans[at + 2] as number,
      lastAt: this.spans[at + 3] as number,
      firstSeen: this.firstSeen(id),
      lastSeen: this.lastSeen(id),
      events: this.events(id),
      files: this.fileIndexes(id),
      sample: this.sample(id),
    };
  }
}
