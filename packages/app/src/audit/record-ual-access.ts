import type { UalAccess } from "@calwise/evidence";
import type { AccessLedger } from "./access-ledger.ts";
import type { InventoryIndex } from "./inventory-index.ts";
import { type LogonTally, noteNewest } from "./record-logon-access.ts";
import { isServerSkip, type ServerDirectory } from "./server-directory.ts";

/**
 * Records one User Access Logging record: a user (`DOMAIN\account`, normalised like logons) or a client
 * address (resolved through AD) that reached a server's role between FirstSeen and LastSeen. UAL does
 * not pair users with devices; buildAuditDeployment decides how they pair. `at` is its position in
 * the audit's reading order.
 */
export function recordUalAccess(
  record: UalAccess,
  at: number,
  context: {
    readonly servers: ServerDirectory;
    readonly inventory: InventoryIndex;
    readonly ledger: AccessLedger;
    readonly tally: LogonTally;
    readonly sinceMs: number | undefined;
  },
): void {
  const { tally } = context;
  const server = context.servers.resolve(record.server);
  if (isServerSkip(server)) {
    const entry = tally.computersNotCounted.get(record.server);
    if (entry) entry.events++;
    else
      tally.computersNotCounted.set(record.server, {
        reason:
          server.kind === "not-a-server"
            ? `not a server (${server.operatingSystem})`
            : "unknown computer: name it in --owned or the AD computer inventory",
        events: 1,
      });
    return;
  }
  const last = { time: record.lastSeen, ms: Date.parse(record.lastSeen), at };
  const first = { time: record.firstSeen, ms: Date.parse(record.firstSeen), at };
  noteNewest(tally, record.lastSeen, last.ms, at);
  if (context.sinceMs !== undefined && last.ms < context.sinceMs) {
    tally.beforeWindow++;
    return;
  }
  if (record.kind === "user") {
    const [domain, account] = (record.userName ?? "").includes("\\")
      ? (record.userName ?? "").split("\\", 2)
      : ["", record.userName ?? ""];
    const user = context.inventory.resolveUser(domain ?? "", account ?? "", record.server);
    if (user.accountClass?.service) {
      const entry = tally.serviceAccounts.get(user.id);
      if (entry) entry.events += record.activityCount;
      else
        tally.serviceAccounts.set(user.id, {
          reason: user.accountClass.reasons.join("; "),
          events: record.activityCount,
        });
      return;
    }
    tally.counted++;
    context.ledger.add(
      {
        user: user.id,
        server: server.name,
        ...(user.accountClass?.adminOnly ? { service: "admin" as const } : {}),
        origin: "ual",
      },
      first,
      last,
      record.activityCount,
      record.location,
    );
    return;
  }
  const address = record.ipAddress ?? "";
  const ad = context.inventory.findByAddress(address);
  if (!ad) tally.unresolvedAddresses.add(address);
  tally.counted++;
  context.ledger.add(
    {
      device: ad ? ad.name.toUpperCase() : address,
      server: server.name,
      deviceSource: "ual-address",
      origin: "ual",
    },
    first,
    last,
    record.activityCount,
    record.location,
  );
}
