import type { EvaluationResult } from "@calwise/core";
import type { AccessLedger } from "./access-ledger.ts";
import type { HolderEvidence } from "./audit-result-schema.ts";
import type { AuditDeployment } from "./build-audit-deployment.ts";
import type { HolderRanks } from "./holder-ranks.ts";
import { sortDistinctTexts } from "./sort-distinct-texts.ts";
import { sortIndexesByKey } from "./sort-indexes-by-key.ts";

/**
 * The evidence trail of every user and device that holds a CAL in the evaluation: first and last
 * seen, servers, event count, source files and one sample event, from the records behind the
 * accesses that made the engine give it a CAL. Users come first, then devices, each in the order of
 * `ranks` (every holder with records is ranked there: its id is a user or device of a record). A
 * holder's accesses (from every family that gives it a CAL) are deduplicated by marking each with the
 * holder's number, not by a set per holder.
 */
export function buildHolderEvidence(
  evaluation: EvaluationResult,
  built: Pick<AuditDeployment, "recordOfAccess" | "pairedDeviceRecord">,
  ledger: AccessLedger,
  flagsOf: (userId: string) => string[],
  ranks: HolderRanks,
): HolderEvidence[] {
  const byType = { user: new Map<string, number[]>(), device: new Map<string, number[]>() };
  for (const family of evaluation.families)
    for (const h of family.holders) {
      const holders = byType[h.type];
      const accesses = holders.get(h.id);
      if (accesses === undefined) holders.set(h.id, [...h.accesses]);
      else for (const a of h.accesses) accesses.push(a);
    }
  /** For each access, the number of the last holder that took it (1-based; 0 for none). */
  const { recordOfAccess, pairedDeviceRecord } = built;
  const takenBy = new Int32Array(recordOfAccess.length);
  let holderNumber = 0;
  const out: HolderEvidence[] = [];
  for (const type of ["user", "device"] as const) {
    const listed: HolderEvidence[] = [];
    for (const [id, accesses] of byType[type]) {
      holderNumber++;
      // The records of one holder, in the order first met. An access stands for a record of its own,
      // or for two (a UAL user × device pair, buildAuditDeployment); only a paired record stands
      // behind several accesses, so only those are checked for repeats.
      const list: number[] = [];
      let paired: Set<number> | undefined;
      for (const a of accesses) {
        if (takenBy[a] === holderNumber) continue;
        takenBy[a] = holderNumber;
        const record = recordOfAccess[a];
        if (record === undefined) continue;
        const device = pairedDeviceRecord.get(a);
        if (device === undefined) {
          if ((type === "user" ? ledger.user(record) : ledger.device(record)) === id)
            list.push(record);
          continue;
        }
        for (const r of [record, device]) {
          if ((type === "user" ? ledger.user(r) : ledger.device(r)) !== id) continue;
          paired ??= new Set();
          if (paired.has(r)) continue;
          paired.add(r);
          list.push(r);
        }
      }
      if (list.length === 0) continue;
      let first = list[0] as number;
      let last = first;
      let events = 0;
      const fileIndexes: number[] = [];
      const servers: string[] = [];
      for (const r of list) {
        if (ledger.firstMs(r) < ledger.firstMs(first)) first = r;
        if (ledger.lastMs(r) > ledger.lastMs(last)) last = r;
        events += ledger.events(r);
        for (const f of ledger.fileIndexes(r)) if (!fileIndexes.includes(f)) fileIndexes.push(f);
        servers.push(ledger.server(r));
      }
      listed.push({
        id,
        type,
        firstSeen: ledger.firstSeen(first),
        lastSeen: ledger.lastSeen(last),
        servers: sortDistinctTexts(servers),
        events,
        files: fileIndexes.sort((a, b) => a - b).map((f) => ledger.files[f] ?? ""),
        sample: ledger.sample(first),
        flags: type === "user" ? flagsOf(id) : [],
      });
    }
    // In rank order by a counting sort over the ranks (stable, as the sort by rank it replaces): no
    // map lookup in every comparison.
    const rankOf = ranks[type];
    const order = sortIndexesByKey(
      Int32Array.from(listed, (_, index) => index),
      Int32Array.from(listed, (h) => rankOf.get(h.id) as number),
      rankOf.size,
    );
    for (const index of order) out.push(listed[index] as HolderEvidence);
  }
  return out;
}
