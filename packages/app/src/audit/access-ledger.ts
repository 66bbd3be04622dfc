import type { EvidenceLocation } from "@calwise/evidence";
import { IntTripleIndex } from "./int-triple-index.ts";
import { type PlacedSpan, type SeenTime, widenSeen } from "./widen-seen.ts";

/** Where a device name came from (docs/audit.md, "device"). */
export type DeviceSource = "workstation" | "address-resolved" | "address" | "ual-address";

/** One distinct (user, device, server, service) access with the evidence behind it. */
export interface AccessRecord extends PlacedSpan {
  /** The ids of its user, device and server in the ledger's `names` (0: none). */
  readonly userId: number;
  readonly deviceId: number;
  readonly serverId: number;
  readonly user: string | undefined;
  readonly device: string | undefined;
  readonly server: string;
  readonly service: "admin" | "rds" | undefined;
  readonly deviceSource: DeviceSource | undefined;
  readonly origin: "logon" | "ual";
  events: number;
  /** The source files (indexes into the ledger's `files`) in the order they first showed it. */
  readonly files: number[];
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

const serviceCodes = { admin: 1, rds: 2 } as const;

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

/**
 * The distinct accesses seen in the evidence, each with first and last seen, event count and source
 * files: memory follows the number of distinct accesses, not the number of events. Names are interned
 * (every access of a user shares one string) and an access is found by the ids of its names in an
 * index over typed arrays, so an access costs one record of fixed shape and no key string. Accesses
 * come in reading order of their first event (the sample is that event); groups of events may widen a
 * record out of order, so first and last seen break ties of equal instants by reading position (`at`).
 */
export class AccessLedger {
  private readonly records: AccessRecord[] = [];
  private readonly index = new IntTripleIndex();
  /** Every user, device and server name seen, by id; 0 stands for none. */
  private readonly names: (string | undefined)[] = [undefined];
  private readonly nameIds = new Map<string, number>();
  readonly files: string[] = [];
  private readonly fileIndex = new Map<string, number>();

  private nameId(name: string | undefined): number {
    return name === undefined ? 0 : internText(name, this.names, this.nameIds);
  }

  add(
    access: AccessSeen,
    first: Required<SeenTime>,
    last: Required<SeenTime>,
    events: number,
    location: EvidenceLocation,
  ): void {
    const user = this.nameId(access.user);
    const device = this.nameId(access.device);
    const server = this.nameId(access.server);
    const service = access.service === undefined ? 0 : serviceCodes[access.service];
    const id = this.index.intern(user, device, server * 4 + service);
    const file = internText(location.file, this.files, this.fileIndex);
    const r = this.records[id];
    if (r === undefined) {
      // Every record has the same fields in the same order: one shape for all of them.
      this.records.push({
        userId: user,
        deviceId: device,
        serverId: server,
        user: this.names[user],
        device: this.names[device],
        server: this.names[server] as string,
        service: access.service,
        deviceSource: access.deviceSource,
        origin: access.origin,
        firstMs: first.ms,
        lastMs: last.ms,
        firstAt: first.at,
        lastAt: last.at,
        firstSeen: first.time,
        lastSeen: last.time,
        events,
        files: [file],
        sample: location,
      });
      return;
    }
    widenSeen(r, first, last);
    r.events += events;
    if (r.files[r.files.length - 1] !== file && !r.files.includes(file)) r.files.push(file);
  }

  /** The accesses with an event at or after `startMs`. */
  since(startMs: number): AccessRecord[] {
    return this.records.filter((r) => r.lastMs >= startMs);
  }

  /** Every user, device and server name seen, by id (`AccessRecord.userId` …); 0 stands for none. */
  get nameTable(): readonly (string | undefined)[] {
    return this.names;
  }

  get size(): number {
    return this.records.length;
  }
}
