import type { EvaluationResult } from "@calwise/core";
import type { AccessLedger } from "./access-ledger.ts";
import type { HolderEvidence } from "./audit-result-schema.ts";
import type { AuditDeployment } from "./build-audit-deployment.ts";
import type { HolderRanks } from "./holder-ranks.ts";
import { sortDistinctTexts } from "./sort-distinct-texts.ts";
import { sortIndexesByKey } from "./sort-indexes-by-key.ts";
import { TrailList } from "./trail-list.ts";

/** The evidence trail of the CAL holders, and which users and devices are in it. */
export interface HolderTrail {
  /** Users first, then devices, each in rank order; an entry is made as it is read. */
  readonly holders: TrailList<HolderEvidence>;
  /** The ids listed in `holders`, by type. */
  readonly listed: { readonly user: ReadonlySet<string>; readonly device: ReadonlySet<string> };
}

/**
 * The evidence trail of every user and device that holds a CAL in the evaluation: first and last
 * seen, servers, event count, source files and one sample event, from the records behind the
 * accesses that made the engine give it a CAL. Users come first, then devices, each in the order of
 * `ranks` (every holder with records is ranked there: its id is a user or device of a record). A
 * holder's accesses (from every family that gives it a CAL) are deduplicated by marking each with the
 * holder's number, not by a set per holder. Only each holder's records are kept here (one list of
 * record numbers for all holders); its entry is made when the report writer reaches it and dropped
 * after, so a large estate's trail (an object with five arrays per holder) is never held whole.
 */
export function buildHolderEvidence(
  evaluation: EvaluationResult,
  built: Pick<AuditDeployment, "recordOfAccess" | "pairedDeviceRecord">,
  ledger: AccessLedger,
  flagsOf: (userId: string) => string[],
  ranks: HolderRanks,
): HolderTrail {
  // Each holder's lists of accesses, one per family that gives it a CAL (not copied).
  const byType = {
    user: new Map<string, (readonly number[])[]>(),
    device: new Map<string, (readonly number[])[]>(),
  };
  for (const family of evaluation.families)
    for (const h of family.holders) {
      const holders = byType[h.type];
      const lists = holders.get(h.id);
      if (lists === undefined) holders.set(h.id, [h.accesses]);
      else lists.push(h.accesses);
    }
  /** For each access, the number of the last holder that took it (1-based; 0 for none). */
  const { recordOfAccess, pairedDeviceRecord } = built;
  const takenBy = new Int32Array(recordOfAccess.length);
  const pairedDevice = pairedDeviceRecord.size > 0;
  let holderNumber = 0;
  // The listed holders in report order: their ids, and their records in `records` from `starts`.
  const ids: string[] = [];
  const types: ("user" | "device")[] = [];
  const records: number[] = [];
  const starts: number[] = [0];
  const listed = { user: new Set<string>(), device: new Set<string>() };
  for (const type of ["user", "device"] as const) {
    const found: string[] = [];
    const foundRecords: number[] = [];
    const foundStarts: number[] = [0];
    for (const [id, lists] of byType[type]) {
      holderNumber++;
      // The records of one holder, in the order first met. An access stands for a record of its own,
      // or for two (a UAL user × device pair, buildAuditDeployment); only a paired record stands
      // behind several accesses, so only those are checked for repeats.
      const before = foundRecords.length;
      let paired: Set<number> | undefined;
      for (const accesses of lists)
        for (const a of accesses) {
          if (takenBy[a] === holderNumber) continue;
          takenBy[a] = holderNumber;
          const record = recordOfAccess[a];
          if (record === undefined) continue;
          // An access of its own record names the holder as that record does (the deployment
          // copied the record's user and device ids), so its record is the holder's without reading
          // the ledger's names: a random read per access, a quarter of this step.
          const device = pairedDevice ? pairedDeviceRecord.get(a) : undefined;
          if (device === undefined) {
            foundRecords.push(record);
            continue;
          }
          for (const r of [record, device]) {
            if ((type === "user" ? ledger.user(r) : ledger.device(r)) !== id) continue;
            paired ??= new Set();
            if (paired.has(r)) continue;
            paired.add(r);
            foundRecords.push(r);
          }
        }
      if (foundRecords.length === before) continue;
      found.push(id);
      foundStarts.push(foundRecords.length);
      listed[type].add(id);
    }
    // In rank order by a counting sort over the ranks (stable, as the sort by rank it replaces): no
    // map lookup in every comparison.
    const rankOf = ranks[type];
    const order = sortIndexesByKey(
      Int32Array.from(found, (_, index) => index),
      Int32Array.from(found, (id) => rankOf.get(id) as number),
      rankOf.size,
    );
    for (const index of order) {
      ids.push(found[index] as string);
      types.push(type);
      const end = foundStarts[index + 1] as number;
      for (let i = foundStarts[index] as number; i < end; i++)
        records.push(foundRecords[i] as number);
      starts.push(records.length);
    }
  }
  /** A holder's entry, from its records. */
  const entry = (holder: number): HolderEvidence => {
    const id = ids[holder] as string;
    const type = types[holder] as "user" | "device";
    const begin = starts[holder] as number;
    const end = starts[holder + 1] as number;
    let first = records[begin] as number;
    let last = first;
    let events = 0;
    const fileIndexes: number[] = [];
    const servers: string[] = [];
    for (let i = begin; i < end; i++) {
      const r = records[i] as number;
      if (ledger.firstMs(r) < ledger.firstMs(first)) first = r;
      if (ledger.lastMs(r) > ledger.lastMs(last)) last = r;
      events += ledger.events(r);
      for (const f of ledger.fileIndexes(r)) if (!fileIndexes.includes(f)) fileIndexes.push(f);
      servers.push(ledger.server(r));
    }
    return {
      id,
      type,
      firstSeen: ledger.firstSeen(first),
      lastSeen: ledger.lastSeen(last),
      servers: sortDistinctTexts(servers),
      events,
      files: fileIndexes.sort((a, b) => a - b).map((f) => ledger.files[f] ?? ""),
      sample: ledger.sample(first),
      flags: type === "user" ? flagsOf(id) : [],
    };
  };
  function* entries(): Generator<HolderEvidence> {
    for (let holder = 0; holder < ids.length; holder++) yield entry(holder);
  }
  return { holders: new TrailList(ids.length, entries), listed };
}
