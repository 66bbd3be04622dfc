import { ByteStringTable } from "../bytes/byte-string-table.ts";
import { writeLengthPrefix } from "../bytes/length-prefix.ts";
import { successfulLogonEventId } from "./classify-logon.ts";
import { hasRefusedCharacter } from "./has-refused-character.ts";

/** How the audit's rules treat a logon type when a group's names alone decide its access. */
export type DirectLogonClass = "network" | "interactive";

/**
 * A piece of a direct group (DirectLogonNames) as its reader hands it on: its names' numbers (in the
 * order first met in the source), its logon type, events, first and last seen as instants whose ISO
 * text is their time, their positions, and the line and record of its first event.
 */
export interface DirectPiece {
  readonly id: number;
  readonly place: number;
  readonly user: number;
  readonly workstation: number;
  readonly logonType: number;
  readonly events: number;
  readonly firstMs: number;
  readonly firstAt: number;
  readonly lastMs: number;
  readonly lastAt: number;
  readonly line: number;
  readonly record: number;
}

/**
 * What the audit's rules say of a logon's names, for one source, each asked once per distinct name
 * (numbered in the order first met: 0, 1, 2, …); the answers are labels, small numbers standing for
 * upper-case names, equal for equal names. `undefined`: groups with that name are recorded from their
 * event. `take` records a piece of a group whose names all had answers (see DirectLogonNames).
 */
export interface DirectLogonJudge {
  /** A logon type counted by name alone: network (a device) or interactive (at the server itself). */
  logonType(type: number): DirectLogonClass | undefined;
  /** A logging computer that is a server: the label of its name (local accounts) and of its server's name. */
  place(
    computer: string,
    id: number,
  ): { readonly local: number; readonly server: number } | undefined;
  /** A counted account whose user is resolved from its names alone: the label of its domain. */
  user(domain: string, name: string, sid: string, id: number): number | undefined;
  /** A workstation that names a device: its label (compared with the server's). */
  workstation(name: string, id: number): number | undefined;
  /**
   * Records a piece of a direct group handed on (`takeGroups`), as the group's event would be
   * recorded; true when all it did was widen an access (its later events may come one by one).
   */
  take(piece: DirectPiece): boolean;
}

/** Groups per chunk of DirectLogonNames' group names: 2^16. */
const chunkBits = 16;
const chunkMask = (1 << chunkBits) - 1;
/** A field the judge refused. */
const refused = -1;
/** No workstation (interactive logons: the device is none). */
const noWorkstation = -2;
/** The trimmed fields the grouper gives, as pairs: computer, channel, provider, user, domain, sid, workstation, address. */
const computerAt = 0;
const channelAt = 1;
const userAt = 3;
const domainAt = 4;
const sidAt = 5;
const workstationAt = 6;
const addressAt = 7;

/**
 * The names of a source's logon groups whose access the names decide (the common case: a counted
 * logon of a known account on a server, from a workstation that is not the server itself, or
 * interactive at it), for a reader from bytes: when a group is new, its place (computer and channel),
 * account (user, domain, SID) and workstation are interned as bytes and judged once per distinct name
 * (DirectLogonJudge), and the group keeps their three numbers. Its pieces then go to the judge's
 * `take` as numbers — no event decoded, no name looked up again. Any other group (a name refused, a
 * local account, an address that may be the server's own, a logon type the rules read more of, a
 * time not its instant's ISO text, an event read by the streaming reader) is recorded from its event.
 */
export class DirectLogonNames {
  private readonly places = new ByteStringTable();
  private readonly users = new ByteStringTable();
  private readonly workstations = new ByteStringTable();
  /** Per place: its local label and server label (refused: -1). */
  private placeLocal = new Int32Array(64);
  private placeServer = new Int32Array(64);
  /** Per account: its domain's label (refused: -1). */
  private userDomain = new Int32Array(1024);
  /** Per workstation: its label (refused: -1). */
  private workstationLabel = new Int32Array(1024);
  /** Per logon type 0 … 999: 0 not judged, 1 not direct, 2 network, 3 interactive. */
  private readonly classes = new Uint8Array(1000);
  private key = new Uint8Array(256);
  /**
   * Per group id: its place, account and workstation numbers (place -1 for a group not direct), in
   * chunks of 2^16 groups: no copy as the groups grow, no room past the last chunk.
   */
  private readonly groupNames: Int32Array[] = [];

  constructor(readonly judge: DirectLogonJudge) {}

  /**
   * Names new group `id` from the trimmed fields of its first line (pairs in `trimmed`, UTF-8 without
   * escapes or refused characters), or leaves it not direct.
   */
  nameGroup(
    id: number,
    bytes: Uint8Array,
    trimmed: Int32Array,
    eventId: number,
    logonType: number | null,
  ): void {
    if (eventId !== successfulLogonEventId || logonType === null || logonType >= 1000) return;
    let kind = this.classes[logonType] as number;
    if (kind === 0) {
      const judged = this.judge.logonType(logonType);
      kind = judged === "network" ? 2 : judged === "interactive" ? 3 : 1;
      this.classes[logonType] = kind;
    }
    if (kind === 1) return;
    const place = this.placeOf(bytes, trimmed);
    if (place < 0) return;
    const user = this.userOf(bytes, trimmed);
    // A domain that is the logging computer's name: a local account, resolved by its computer.
    if (user < 0 || this.userDomain[user] === this.placeLocal[place]) return;
    let workstation = noWorkstation;
    if (kind === 2) {
      const from = trimmed[2 * addressAt] as number;
      if (mayBeLoopback(bytes, from, trimmed[2 * addressAt + 1] as number)) return;
      workstation = this.workstationOf(bytes, trimmed);
      // The server's own name as workstation: a logon at the server itself.
      if (workstation < 0 || this.workstationLabel[workstation] === this.placeServer[place]) return;
    }
    const chunk = this.chunkOf(id, true) as Int32Array;
    const at = 3 * (id & chunkMask);
    chunk[at] = place;
    chunk[at + 1] = user;
    chunk[at + 2] = workstation;
  }

  /** The chunk of group `id`'s names; made when `make` (and missing), else undefined when missing. */
  private chunkOf(id: number, make: boolean): Int32Array | undefined {
    const index = id >>> chunkBits;
    if (make)
      while (this.groupNames.length <= index)
        this.groupNames.push(new Int32Array(3 << chunkBits).fill(refused));
    return this.groupNames[index];
  }

  /** Whether group `id` is direct. */
  isDirect(id: number): boolean {
    const chunk = this.chunkOf(id, false);
    return chunk !== undefined && (chunk[3 * (id & chunkMask)] as number) >= 0;
  }

  /** Group `id` is recorded from its event from now on (an event of it read otherwise, a time not ISO). */
  drop(id: number): void {
    const chunk = this.chunkOf(id, false);
    if (chunk !== undefined) chunk[3 * (id & chunkMask)] = refused;
  }

  /** Hands a piece of direct group `id` to the judge; true when it only widened an access. */
  take(
    id: number,
    logonType: number,
    events: number,
    firstMs: number,
    firstAt: number,
    lastMs: number,
    lastAt: number,
    line: number,
    record: number,
  ): boolean {
    const names = this.chunkOf(id, false) as Int32Array;
    const at = 3 * (id & chunkMask);
    return this.judge.take({
      id,
      place: names[at] as number,
      user: names[at + 1] as number,
      workstation: names[at + 2] as number,
      logonType,
      events,
      firstMs,
      firstAt,
      lastMs,
      lastAt,
      line,
      record,
    });
  }

  private placeOf(bytes: Uint8Array, trimmed: Int32Array): number {
    const length = this.fill(bytes, trimmed, computerAt, channelAt);
    const before = this.places.size;
    const id = this.places.intern(this.key, 0, length);
    if (id === before) {
      this.placeLocal = room(this.placeLocal, id);
      this.placeServer = room(this.placeServer, id);
      const computer = field(trimmed, computerAt);
      const name = text(bytes, computer);
      const judged = hasRefusedCharacter(bytes, computer[0], computer[1])
        ? undefined
        : this.judge.place(name, id);
      this.placeLocal[id] = judged === undefined ? refused : judged.local;
      this.placeServer[id] = judged === undefined ? refused : judged.server;
    }
    return this.placeServer[id] === refused ? refused : id;
  }

  private userOf(bytes: Uint8Array, trimmed: Int32Array): number {
    const length = this.fill(bytes, trimmed, userAt, sidAt);
    const before = this.users.size;
    const id = this.users.intern(this.key, 0, length);
    if (id === before) {
      this.userDomain = room(this.userDomain, id);
      const user = field(trimmed, userAt);
      const domain = field(trimmed, domainAt);
      const names = [
        text(bytes, user),
        text(bytes, domain),
        text(bytes, field(trimmed, sidAt)),
      ] as const;
      const judged =
        hasRefusedCharacter(bytes, user[0], user[1]) ||
        hasRefusedCharacter(bytes, domain[0], domain[1])
          ? undefined
          : this.judge.user(names[1] as string, names[0] as string, names[2] as string, id);
      this.userDomain[id] = judged ?? refused;
    }
    return this.userDomain[id] === refused ? refused : id;
  }

  private workstationOf(bytes: Uint8Array, trimmed: Int32Array): number {
    const from = trimmed[2 * workstationAt] as number;
    const to = trimmed[2 * workstationAt + 1] as number;
    const before = this.workstations.size;
    const id = this.workstations.intern(bytes, from, to);
    if (id === before) {
      this.workstationLabel = room(this.workstationLabel, id);
      const name = text(bytes, [from, to]);
      const judged = hasRefusedCharacter(bytes, from, to)
        ? undefined
        : this.judge.workstation(name, id);
      this.workstationLabel[id] = judged ?? refused;
    }
    return this.workstationLabel[id] === refused ? refused : id;
  }

  /** Writes trimmed fields `first` to `last` (length-prefixed) into `key`; returns the length written. */
  private fill(bytes: Uint8Array, trimmed: Int32Array, first: number, last: number): number {
    let need = 0;
    for (let k = first; k <= last; k++)
      need += 4 + (trimmed[2 * k + 1] as number) - (trimmed[2 * k] as number);
    if (need > this.key.length) this.key = new Uint8Array(2 * need);
    const key = this.key;
    let at = 0;
    for (let k = first; k <= last; k++) {
      const from = trimmed[2 * k] as number;
      const to = trimmed[2 * k + 1] as number;
      at = writeLengthPrefix(key, at, to - from);
      for (let index = from; index < to; index++) key[at++] = bytes[index] as number;
    }
    return at;
  }
}

/** Field k of the trimmed pairs. */
function field(trimmed: Int32Array, k: number): readonly [number, number] {
  return [trimmed[2 * k] as number, trimmed[2 * k + 1] as number];
}

function text(bytes: Uint8Array, [from, to]: readonly [number, number]): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString("utf8");
}

/**
 * Whether an address may be read as the server's own (the rules' loopback: 127.0.0.1, ::1, or
 * either behind ::ffff:): any address starting with ':' or '0', and 127.0.0.1.
 */
function mayBeLoopback(bytes: Uint8Array, from: number, to: number): boolean {
  if (to <= from) return false;
  const first = bytes[from] as number;
  if (first === 0x3a || first === 0x30) return true;
  if (to - from !== 9) return false;
  const loopback = "127.0.0.1";
  for (let offset = 0; offset < 9; offset++)
    if (bytes[from + offset] !== loopback.charCodeAt(offset)) return false;
  return true;
}

/** `ids`, or a copy twice as long when `id` is past its end. */
function room(ids: Int32Array<ArrayBuffer>, id: number): Int32Array<ArrayBuffer> {
  if (id < ids.length) return ids;
  const bigger = new Int32Array(2 * ids.length);
  bigger.set(ids);
  return bigger;
}
