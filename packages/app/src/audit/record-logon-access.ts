import { classifyLogon, type LogonEvent, type LogonSkipReason } from "@calwise/evidence";
import type { AccessLedger, DeviceSource } from "./access-ledger.ts";
import type { InventoryIndex } from "./inventory-index.ts";
import { isServerSkip, type ServerDirectory } from "./server-directory.ts";

/** Counters and lists the logon pass fills, for the report. */
export interface LogonTally {
  logonEvents: number;
  counted: number;
  duplicates: number;
  beforeWindow: number;
  newestMs: number;
  newest: string | null;
  readonly skipped: Partial<Record<LogonSkipReason, number>>;
  readonly computersNotCounted: Map<string, { reason: string; events: number }>;
  readonly serviceAccounts: Map<string, { reason: string; events: number }>;
  readonly adminOnly: Map<string, { reason: string; events: number }>;
  readonly disabled: Map<string, { reason: string; events: number }>;
  readonly unresolvedAddresses: Set<string>;
  /** Anonymous logons per server: the anonymous exemption. */
  readonly anonymous: Map<string, number>;
}

export function createLogonTally(): LogonTally {
  return {
    logonEvents: 0,
    counted: 0,
    duplicates: 0,
    beforeWindow: 0,
    newestMs: Number.NEGATIVE_INFINITY,
    newest: null,
    skipped: {},
    computersNotCounted: new Map(),
    serviceAccounts: new Map(),
    adminOnly: new Map(),
    disabled: new Map(),
    unresolvedAddresses: new Set(),
    anonymous: new Map(),
  };
}

const loopback = new Set(["127.0.0.1", "::1", "0:0:0:0:0:0:0:1"]);
const empty = (v: string) => v === "" || v === "-" || v.toUpperCase() === "NULL";
/** Remote interactive (RDP) logons name the server itself as workstation; the address is the client. */
const remoteInteractive = new Set([10, 12]);

function bump(map: Map<string, { reason: string; events: number }>, id: string, reason: string) {
  const entry = map.get(id);
  if (entry) entry.events++;
  else map.set(id, { reason, events: 1 });
}

/** The device a logon came from: workstation name, else the address resolved through AD, else the address. */
function deviceOf(
  event: LogonEvent,
  serverName: string,
  inventory: InventoryIndex,
  tally: LogonTally,
): { device?: string; source?: DeviceSource } {
  const address = event.ipAddress.replace(/^::ffff:/i, "");
  const workstation = empty(event.workstationName)
    ? ""
    : (event.workstationName.split(".")[0]?.toUpperCase() ?? "");
  const byAddress = (): { device?: string; source?: DeviceSource } | undefined => {
    if (empty(address)) return undefined;
    if (loopback.has(address)) return { device: serverName.toUpperCase(), source: "local" };
    const ad = inventory.findByAddress(address);
    if (ad) return { device: ad.name.toUpperCase(), source: "address-resolved" };
    tally.unresolvedAddresses.add(address);
    return { device: address, source: "address" };
  };
  if (event.logonType !== null && remoteInteractive.has(event.logonType)) {
    const remote = byAddress();
    if (remote && remote.source !== "local") return remote;
  }
  if (workstation !== "") return { device: workstation, source: "workstation" };
  return byAddress() ?? {};
}

/**
 * Applies the logon rules to one event and records the access it shows in the ledger: server = the
 * logging computer (if a server), user = DOMAIN\account normalised through the AD inventory, device =
 * workstation or resolved address. Service accounts are not counted; admin-only accounts are counted
 * as `service: admin`; disabled accounts are counted and flagged.
 */
export function recordLogonAccess(
  event: LogonEvent,
  context: {
    readonly servers: ServerDirectory;
    readonly inventory: InventoryIndex;
    readonly ledger: AccessLedger;
    readonly tally: LogonTally;
    readonly sinceMs: number | undefined;
    readonly rdsHosts: ReadonlySet<string>;
  },
): void {
  const { tally } = context;
  const verdict = classifyLogon(event);
  if (!verdict.counts) {
    tally.skipped[verdict.reason] = (tally.skipped[verdict.reason] ?? 0) + 1;
    if (verdict.reason === "anonymous") {
      const server = context.servers.resolve(event.computer);
      if (!isServerSkip(server))
        tally.anonymous.set(server.name, (tally.anonymous.get(server.name) ?? 0) + 1);
    }
    return;
  }
  const server = context.servers.resolve(event.computer);
  if (isServerSkip(server)) {
    const reason =
      server.kind === "not-a-server"
        ? `not a server (${server.operatingSystem})`
        : server.kind === "unmapped-server"
          ? server.reason
          : "unknown computer: name it in --owned or the AD computer inventory";
    bump(tally.computersNotCounted, event.computer, reason);
    return;
  }
  const ms = Date.parse(event.time);
  if (ms > tally.newestMs) {
    tally.newestMs = ms;
    tally.newest = event.time;
  }
  if (context.sinceMs !== undefined && ms < context.sinceMs) {
    tally.beforeWindow++;
    return;
  }
  const user = context.inventory.resolveUser(
    event.targetDomainName,
    event.targetUserName,
    event.computer,
  );
  const accountClass = user.accountClass;
  if (accountClass?.service) {
    bump(tally.serviceAccounts, user.id, accountClass.reasons.join("; "));
    return;
  }
  if (accountClass?.disabled) bump(tally.disabled, user.id, "disabled in Active Directory");
  const admin = accountClass?.adminOnly === true;
  if (admin)
    bump(
      tally.adminOnly,
      user.id,
      accountClass.reasons.filter((r) => r.startsWith("member")).join("; "),
    );
  const { device, source } = deviceOf(event, server.name, context.inventory, tally);
  const rds =
    !admin &&
    event.logonType !== null &&
    remoteInteractive.has(event.logonType) &&
    context.rdsHosts.has(server.name.toLowerCase());
  tally.counted++;
  const at = { time: event.time, ms };
  context.ledger.add(
    {
      user: user.id,
      ...(device !== undefined ? { device } : {}),
      server: server.name,
      ...(admin ? { service: "admin" as const } : rds ? { service: "rds" as const } : {}),
      ...(source !== undefined ? { deviceSource: source } : {}),
      origin: "logon",
    },
    at,
    at,
    1,
    event.location,
  );
}
