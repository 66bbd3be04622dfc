import type { EvidenceLocation } from "@calwise/evidence";
import { type PlacedSpan, type SeenTime, widenSeen } from "./widen-seen.ts";

/** Where a device name came from (docs/audit.md, "device"). */
export type DeviceSource = "workstation" | "address-resolved" | "address" | "ual-address";

/** One distinct (user, device, server, service) access with the evidence behind it. */
export interface AccessRecord extends PlacedSpan {
  readonly user?: string;
  readonly device?: string;
  readonly server: string;
  readonly service?: "admin" | "rds";
  readonly deviceSource?: DeviceSource;
  readonly origin: "logon" | "ual";
  events: number;
  readonly files: Set<number>;
  /** The first event that showed this access: where to look to verify it. */
  readonly sample: EvidenceLocation;
}

/**
 * The distinct accesses seen in the evidence, each with first and last seen, event count and source
 * files: memory follows the number of distinct accesses, not the number of events. Accesses come in
 * reading order of their first event (the sample is that event); groups of events may widen a record
 * out of order, so first and last seen break ties of equal instants by reading position (`at`).
 */
export class AccessLedger {
  private readonly records = new Map<string, AccessRecord>();
  readonly files: string[] = [];
  private readonly fileIndex = new Map<string, number>();

  private indexOf(file: string): number {
    let i = this.fileIndex.get(file);
    if (i === undefined) {
      i = this.files.length;
      this.files.push(file);
      this.fileIndex.set(file, i);
    }
    return i;
  }

  add(
    access: Pick<
      AccessRecord,
      "user" | "device" | "server" | "service" | "deviceSource" | "origin"
    >,
    first: Required<SeenTime>,
    last: Required<SeenTime>,
    events: number,
    location: EvidenceLocation,
  ): void {
    const key = `${access.user ?? ""}\u0000${access.device ?? ""}\u0000${access.server}\u0000${access.service ?? ""}`;
    const file = this.indexOf(location.file);
    const r = this.records.get(key);
    if (r === undefined) {
      this.records.set(key, {
        ...access,
        firstMs: first.ms,
        lastMs: last.ms,
        firstAt: first.at,
        lastAt: last.at,
        firstSeen: first.time,
        lastSeen: last.time,
        events,
        files: new Set([file]),
        sample: location,
      });
      return;
    }
    widenSeen(r, first, last);
    r.events += events;
    r.files.add(file);
  }

  /** The accesses with an event at or after `startMs`. */
  since(startMs: number): AccessRecord[] {
    return [...this.records.values()].filter((r) => r.lastMs >= startMs);
  }

  get size(): number {
    return this.records.size;
  }
}
