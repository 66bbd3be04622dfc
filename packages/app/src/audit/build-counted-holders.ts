import type { AccessRecord } from "./access-ledger.ts";
import type { CountedHolder, HolderEvidence } from "./audit-result-schema.ts";
import { compareText } from "./compare-text.ts";
import { type SeenSpan, widenSeen } from "./widen-seen.ts";

/** An access summary while it is built. */
interface Access extends SeenSpan {
  readonly server: string;
  events: number;
  readonly with: Set<string>;
}

/** Adds a record to an access summary (per server): events, first and last seen, the other side. */
function addRecord(access: Access, r: AccessRecord, other: string | undefined): void {
  access.events += r.events;
  widenSeen(access, { time: r.firstSeen, ms: r.firstMs }, { time: r.lastSeen, ms: r.lastMs });
  if (other !== undefined) access.with.add(other);
}

/**
 * Every user and every device counted in the window, with its accesses per server (events, first and
 * last seen, and the devices a user came from or the users of a device), whichever CAL type the
 * evaluation chose: an auditor needs both lists to check a device-CAL answer against the people
 * behind it, or a user-CAL answer against the devices.
 */
export function buildCountedHolders(
  records: readonly AccessRecord[],
  holders: readonly HolderEvidence[],
  flagsOf: (userId: string) => string[],
): { users: CountedHolder[]; devices: CountedHolder[] } {
  const withCal = new Set(holders.map((h) => `${h.type}\u0000${h.id}`));
  const collect = (type: "user" | "device") => {
    const byId = new Map<string, Map<string, Access>>();
    for (const r of records) {
      const id = type === "user" ? r.user : r.device;
      if (id === undefined) continue;
      const servers = byId.get(id) ?? new Map<string, Access>();
      byId.set(id, servers);
      const access = servers.get(r.server) ?? {
        server: r.server,
        events: 0,
        firstSeen: r.firstSeen,
        lastSeen: r.lastSeen,
        firstMs: r.firstMs,
        lastMs: r.lastMs,
        with: new Set<string>(),
      };
      servers.set(r.server, access);
      addRecord(access, r, type === "user" ? r.device : r.user);
    }
    return [...byId]
      .map(([id, servers]): CountedHolder => {
        const list = [...servers.values()].sort((a, b) => compareText(a.server, b.server));
        const first = list.reduce((a, b) => (b.firstMs < a.firstMs ? b : a));
        const last = list.reduce((a, b) => (b.lastMs > a.lastMs ? b : a));
        return {
          id,
          type,
          events: list.reduce((n, a) => n + a.events, 0),
          firstSeen: first.firstSeen,
          lastSeen: last.lastSeen,
          cal: withCal.has(`${type}\u0000${id}`),
          flags: type === "user" ? flagsOf(id) : [],
          accesses: list.map(({ firstMs: _f, lastMs: _l, ...a }) => ({
            ...a,
            with: [...a.with].sort(),
          })),
        };
      })
      .sort((a, b) => compareText(a.id, b.id));
  };
  return { users: collect("user"), devices: collect("device") };
}
