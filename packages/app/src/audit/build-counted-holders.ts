import type { AccessLedger } from "./access-ledger.ts";
import type { CountedHolder } from "./audit-result-schema.ts";
import type { HolderRanks } from "./holder-ranks.ts";
import { rankTexts } from "./rank-texts.ts";
import { sortDistinctTexts } from "./sort-distinct-texts.ts";
import { sortIndexesByKey } from "./sort-indexes-by-key.ts";
import { TrailList } from "./trail-list.ts";
import { type SeenSpan, widenSeen } from "./widen-seen.ts";

/** An access summary while it is built: one holder's accesses to one server. */
interface Access extends SeenSpan {
  readonly server: string;
  events: number;
  /** The other side (devices of a user, users of a device), repeats included until the end. */
  readonly with: string[];
}

/** A new access summary of the ledger's record `r`: its events, first and last seen, the other side. */
function startAccess(ledger: AccessLedger, r: number, other: string | undefined): Access {
  return {
    server: ledger.server(r),
    events: ledger.events(r),
    firstSeen: ledger.firstSeen(r),
    lastSeen: ledger.lastSeen(r),
    firstMs: ledger.firstMs(r),
    lastMs: ledger.lastMs(r),
    with: other === undefined ? [] : [other],
  };
}

/** Adds a record to an access summary (per server): events, first and last seen, the other side. */
function addRecord(
  access: Access,
  ledger: AccessLedger,
  r: number,
  other: string | undefined,
): void {
  access.events += ledger.events(r);
  widenSeen(
    access,
    { time: ledger.firstSeen(r), ms: ledger.firstMs(r) },
    { time: ledger.lastSeen(r), ms: ledger.lastMs(r) },
  );
  if (other !== undefined) access.with.push(other);
}

/**
 * Every user and every device counted in the window, with its accesses per server (events, first and
 * last seen, and the devices a user came from or the users of a device), whichever CAL type the
 * evaluation chose: an auditor needs both lists to check a device-CAL answer against the people
 * behind it, or a user-CAL answer against the devices. Holders and servers sort by their ranks
 * (`compareText` order, computed once; equal ranks in the order first met). The records are put in
 * that order (holder, server, reading order) by two counting sorts over their indexes and read once:
 * no map or object per access beyond the summaries the result holds.
 */
export function buildCountedHolders(
  ledger: AccessLedger,
  records: Int32Array,
  withCal: { readonly user: ReadonlySet<string>; readonly device: ReadonlySet<string> },
  flagsOf: (userId: string) => string[],
  ranks: HolderRanks,
): { users: TrailList<CountedHolder>; devices: TrailList<CountedHolder> } {
  // Names by their ids in the ledger: each distinct server ranked once, each holder found by an
  // array index instead of a map lookup of its text per record.
  const names = ledger.nameTable;
  const serverMet = new Uint8Array(names.length);
  const serverIds: number[] = [];
  for (let i = 0; i < records.length; i++) {
    const server = ledger.serverId(records[i] as number);
    if (serverMet[server] === 0) {
      serverMet[server] = 1;
      serverIds.push(server);
    }
  }
  const serverRank = rankTexts(serverIds.map((server) => names[server] as string));
  const serverRankOfName = new Int32Array(names.length);
  for (const server of serverIds)
    serverRankOfName[server] = serverRank.get(names[server] as string) as number;
  const serverOf = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++)
    serverOf[i] = serverRankOfName[ledger.serverId(records[i] as number)] as number;
  const collect = (type: "user" | "device"): TrailList<CountedHolder> => {
    const rankOf = ranks[type];
    // The holders in the order first met, and each record's holder (by the holder's name id).
    const holderOfName = new Int32Array(names.length).fill(-1);
    const ids: string[] = [];
    const holderOf = new Int32Array(records.length);
    const held: number[] = [];
    for (let i = 0; i < records.length; i++) {
      const r = records[i] as number;
      const name = type === "user" ? ledger.userId(r) : ledger.deviceId(r);
      if (name === 0) continue;
      let holder = holderOfName[name] as number;
      if (holder === -1) {
        holder = ids.length;
        ids.push(names[name] as string);
        holderOfName[name] = holder;
      }
      holderOf[i] = holder;
      held.push(i);
    }
    // The holders in the report's order, and each holder's place in it.
    const holderRank = Int32Array.from(ids, (id) => rankOf.get(id) as number);
    const byRank = sortIndexesByKey(
      Int32Array.from(ids, (_, i) => i),
      holderRank,
      rankOf.size,
    );
    const placeOf = new Int32Array(ids.length);
    for (const [place, holder] of byRank.entries()) placeOf[holder] = place;
    const placeOfRecord = new Int32Array(records.length);
    for (const i of held) placeOfRecord[i] = placeOf[holderOf[i] as number] as number;
    // The records by holder, then server, then reading order.
    const order = sortIndexesByKey(
      sortIndexesByKey(Int32Array.from(held), serverOf, serverRank.size),
      placeOfRecord,
      ids.length,
    );
    return new TrailList(ids.length, () => entries(type, ids, byRank, order, placeOfRecord));
  };
  /** Each holder's entry in the report's order, made as it is read. */
  function* entries(
    type: "user" | "device",
    ids: readonly string[],
    byRank: Int32Array,
    order: Int32Array,
    placeOfRecord: Int32Array,
  ): Generator<CountedHolder> {
    let j = 0;
    while (j < order.length) {
      const place = placeOfRecord[order[j] as number] as number;
      const id = ids[byRank[place] as number] as string;
      const list: Access[] = [];
      while (j < order.length && placeOfRecord[order[j] as number] === place) {
        // Servers of one rank (names that compare equal) stay apart, in the order first met.
        const rank = serverOf[order[j] as number];
        const sameRank = list.length;
        while (
          j < order.length &&
          placeOfRecord[order[j] as number] === place &&
          serverOf[order[j] as number] === rank
        ) {
          const r = records[order[j] as number] as number;
          j++;
          const other = type === "user" ? ledger.device(r) : ledger.user(r);
          const server = ledger.server(r);
          let access: Access | undefined;
          for (let k = sameRank; k < list.length; k++)
            if ((list[k] as Access).server === server) access = list[k];
          if (access === undefined) list.push(startAccess(ledger, r, other));
          else addRecord(access, ledger, r, other);
        }
      }
      let first = list[0] as Access;
      let last = first;
      let events = 0;
      for (const a of list) {
        if (a.firstMs < first.firstMs) first = a;
        if (a.lastMs > last.lastMs) last = a;
        events += a.events;
      }
      yield {
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
          with: sortDistinctTexts(a.with),
        })),
      };
    }
  }
  return { users: collect("user"), devices: collect("device") };
}
