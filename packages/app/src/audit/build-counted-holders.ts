import type { AccessRecord } from "./access-ledger.ts";
import type { CountedHolder, HolderEvidence } from "./audit-result-schema.ts";
import type { HolderRanks } from "./holder-ranks.ts";
import { rankTexts } from "./rank-texts.ts";
import { type SeenSpan, widenSeen } from "./widen-seen.ts";

/** An access summary while it is built: one holder's accesses to one server. */
interface Access extends SeenSpan {
  readonly server: string;
  /** The server's place in the report's order of servers. */
  readonly rank: number;
  events: number;
  /** The other side (devices of a user, users of a device), repeats included until the end. */
  readonly with: string[];
}

/** Adds a record to an access summary (per server): events, first and last seen, the other side. */
function addRecord(access: Access, r: AccessRecord, other: string | undefined): void {
  access.events += r.events;
  widenSeen(access, { time: r.firstSeen, ms: r.firstMs }, { time: r.lastSeen, ms: r.lastMs });
  if (other !== undefined) access.with.push(other);
}

/** The distinct texts of `list`, sorted (code unit order). */
function sortedDistinct(list: string[]): string[] {
  if (list.length < 2) return list;
  list.sort();
  return list.filter((text, i) => i === 0 || text !== list[i - 1]);
}

/**
 * Every user and every device counted in the window, with its accesses per server (events, first and
 * last seen, and the devices a user came from or the users of a device), whichever CAL type the
 * evaluation chose: an auditor needs both lists to check a device-CAL answer against the people
 * behind it, or a user-CAL answer against the devices. Holders and servers sort by their ranks
 * (`compareText` order, computed once); a holder's access to a server is found by number.
 */
export function buildCountedHolders(
  records: readonly AccessRecord[],
  holders: readonly HolderEvidence[],
  flagsOf: (userId: string) => string[],
  ranks: HolderRanks,
): { users: CountedHolder[]; devices: CountedHolder[] } {
  const withCal = { user: new Set<string>(), device: new Set<string>() };
  for (const h of holders) withCal[h.type].add(h.id);
  const serverRank = rankTexts(records.map((r) => r.server));
  const servers = serverRank.size;
  const collect = (type: "user" | "device") => {
    const byId = new Map<string, { index: number; accesses: Access[] }>();
    /** A holder's access to a server, by holder index × servers + the server's rank. */
    const found = new Map<number, Access>();
    for (const r of records) {
      const id = type === "user" ? r.user : r.device;
      if (id === undefined) continue;
      let holder = byId.get(id);
      if (holder === undefined) {
        holder = { index: byId.size, accesses: [] };
        byId.set(id, holder);
      }
      const rank = serverRank.get(r.server) as number;
      const key = holder.index * servers + rank;
      let access = found.get(key);
      if (access === undefined || access.server !== r.server) {
        access = holder.accesses.find((a) => a.server === r.server);
        if (access === undefined) {
          access = {
            server: r.server,
            rank,
            events: 0,
            firstSeen: r.firstSeen,
            lastSeen: r.lastSeen,
            firstMs: r.firstMs,
            lastMs: r.lastMs,
            with: [],
          };
          holder.accesses.push(access);
        }
        found.set(key, access);
      }
      addRecord(access, r, type === "user" ? r.device : r.user);
    }
    const rankOf = ranks[type];
    const ids = [...byId.keys()].sort(
      (a, b) => (rankOf.get(a) as number) - (rankOf.get(b) as number),
    );
    return ids.map((id): CountedHolder => {
      const list = (byId.get(id) as { accesses: Access[] }).accesses.sort(
        (a, b) => a.rank - b.rank,
      );
      let first = list[0] as Access;
      let last = first;
      let events = 0;
      for (const a of list) {
        if (a.firstMs < first.firstMs) first = a;
        if (a.lastMs > last.lastMs) last = a;
        events += a.events;
      }
      return {
        id,
        type,
        events,
        firstSeen: first.firstSeen,
        lastSeen: last.lastSeen,
        cal: withCal[type].has(id),
        flags: type === "user" ? flagsOf(id) : [],
        accesses: list.map((a) => ({
          server: a.server,
          events: a.events,
          firstSeen: a.firstSeen,
          lastSeen: a.lastSeen,
          with: sortedDistinct(a.with),
        })),
      };
    });
  };
  return { users: collect("user"), devices: collect("device") };
}
