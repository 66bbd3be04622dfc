import type { EvaluationResult } from "@calwise/core";
import type { AccessRecord } from "./access-ledger.ts";
import type { HolderEvidence } from "./audit-result-schema.ts";
import { compareText } from "./compare-text.ts";

/**
 * The evidence trail of every user and device that holds a CAL in the evaluation: first and last
 * seen, servers, event count, source files and one sample event, from the records behind the
 * accesses that made the engine give it a CAL.
 */
export function buildHolderEvidence(
  evaluation: EvaluationResult,
  recordsOfAccess: readonly (readonly AccessRecord[])[],
  files: readonly string[],
  flagsOf: (userId: string) => string[],
): HolderEvidence[] {
  const holders = new Map<string, { type: "user" | "device"; id: string; accesses: Set<number> }>();
  for (const family of evaluation.families)
    for (const h of family.holders) {
      const key = `${h.type}\u0000${h.id}`;
      const entry = holders.get(key) ?? { type: h.type, id: h.id, accesses: new Set<number>() };
      for (const a of h.accesses) entry.accesses.add(a);
      holders.set(key, entry);
    }
  const out: HolderEvidence[] = [];
  for (const { type, id, accesses } of holders.values()) {
    const records = new Set<AccessRecord>();
    for (const a of accesses)
      for (const r of recordsOfAccess[a] ?? [])
        if ((type === "user" ? r.user : r.device) === id) records.add(r);
    if (records.size === 0) continue;
    const list = [...records];
    const first = list.reduce((a, b) => (b.firstMs < a.firstMs ? b : a));
    const last = list.reduce((a, b) => (b.lastMs > a.lastMs ? b : a));
    const fileSet = new Set<number>();
    for (const r of list) for (const f of r.files) fileSet.add(f);
    out.push({
      id,
      type,
      firstSeen: first.firstSeen,
      lastSeen: last.lastSeen,
      servers: [...new Set(list.map((r) => r.server))].sort(),
      events: list.reduce((n, r) => n + r.events, 0),
      files: [...fileSet].sort((a, b) => a - b).map((f) => files[f] ?? ""),
      sample: first.sample,
      flags: type === "user" ? flagsOf(id) : [],
    });
  }
  return out.sort((a, b) =>
    a.type === b.type ? compareText(a.id, b.id) : a.type === "user" ? -1 : 1,
  );
}
