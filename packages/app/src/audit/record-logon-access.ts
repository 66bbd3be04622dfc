import {
  classifyLogon,
  type LogonEvent,
  type LogonGroup,
  type LogonRuleId,
  type LogonSkipReason,
  type SeenAt,
} from "@calwise/evidence";
import type { AccessLedger, DeviceSource } from "./access-ledger.ts";
import { AtServerLogons } from "./at-server-logons.ts";
import { formatIsoTime } from "./format-iso-time.ts";
import type { InventoryIndex, ResolvedUser } from "./inventory-index.ts";
import { isServerSkip, type ServerDirectory } from "./server-directory.ts";
import type { TakenGroups } from "./taken-groups.ts";

/** Counters and lists the logon pass fills, for the report. */
export interface LogonTally {
  logonEvents: number;
  counted: number;
  duplicates: number;
  beforeWindow: number;
  newestMs: number;
  /** The reading position of the newest event (of equal instants, the first read is the newest). */
  newestAt: number;
  newest: string | null;
  readonly skipped: Partial<Record<LogonSkipReason, number>>;
  readonly computersNotCounted: Map<string, { reason: string; events: number }>;
  readonly serviceAccounts: Map<string, { reason: string; events: number }>;
  readonly adminOnly: Map<string, { reason: string; events: number }>;
  readonly disabled: Map<string, { reason: string; events: number }>;
  readonly unresolvedAddresses: Set<string>;
  /** Anonymous logons per server. */
  readonly anonymous: Map<string, number>;
  /** Logons not counted, per account and deciding rule. */
  readonly notCounted: Map<string, NotCountedAccount>;
  /** Counted logons made at the server itself (console or loopback): per server and user, no device. */
  readonly atServer: AtServerLogons;
}

/** Where a logon not counted came from: the server itself, an internal device, or elsewhere. */
export type LogonOrigin = "server-itself" | "internal" | "public-address" | "unknown";

/** The logons of one account that one rule did not count, with where they were and came from. */
export interface NotCountedAccount {
  readonly account: string;
  readonly rule: LogonRuleId;
  readonly reason: LogonSkipReason;
  events: number;
  readonly servers: Set<string>;
  /** Workstations or addresses they came from: the first `fromLimit`, then only counted. */
  readonly from: Set<string>;
  fromMore: number;
  readonly origins: Set<LogonOrigin>;
}

/** How many distinct workstations or addresses a not-counted account lists before only counting. */
export const fromLimit = 10;

export function createLogonTally(): LogonTally {
  return {
    logonEvents: 0,
    counted: 0,
    duplicates: 0,
    beforeWindow: 0,
    newestMs: Number.NEGATIVE_INFINITY,
    newestAt: Number.POSITIVE_INFINITY,
    newest: null,
    skipped: {},
    computersNotCounted: new Map(),
    serviceAccounts: new Map(),
    adminOnly: new Map(),
    disabled: new Map(),
    unresolvedAddresses: new Set(),
    anonymous: new Map(),
    notCounted: new Map(),
    atServer: new AtServerLogons(),
  };
}

const loopback = new Set(["127.0.0.1", "::1", "0:0:0:0:0:0:0:1"]);
export const empty = (v: string) => v === "" || v === "-" || v.toUpperCase() === "NULL";
/** Remote interactive (RDP) logons name the server itself as workstation; the address is the client. */
export const remoteInteractive: ReadonlySet<number> = new Set([10, 12]);

export function bump(
  map: Map<string, { reason: string; events: number }>,
  id: string,
  reason: string,
  events: number,
) {
  const entry = map.get(id);
  if (entry) entry.events += events;
  else map.set(id, { reason, events });
}

/**
 * Tallies what a user's account class says of its `events` logons (the group path's and the direct
 * path's one rule): a service account's are not counted (undefined); a disabled account's are noted
 * and counted; an admin-only account's are noted, and whether it is admin-only is the answer.
 */
export function tallyAccountClass(
  tally: LogonTally,
  user: ResolvedUser,
  events: number,
): boolean | undefined {
  const accountClass = user.accountClass;
  if (accountClass?.service) {
    bump(tally.serviceAccounts, user.id, accountClass.reasons.join("; "), events);
    return undefined;
  }
  if (accountClass?.disabled) bump(tally.disabled, user.id, "disabled in Active Directory", events);
  const admin = accountClass?.adminOnly === true;
  if (admin)
    bump(
      tally.adminOnly,
      user.id,
      accountClass.reasons.filter((r) => r.startsWith("member")).join("; "),
      events,
    );
  return admin;
}

/** Notes an event time as the newest when it is later, or as late and read earlier. */
export function noteNewest(tally: LogonTally, time: string, ms: number, at: number): void {
  if (ms > tally.newestMs || (ms === tally.newestMs && at < tally.newestAt)) {
    tally.newestMs = ms;
    tally.newestAt = at;
    tally.newest = time;
  }
}

/** As noteNewest, for a time that is the ISO text of `ms` (made only when it is the newest). */
export function noteNewestAt(tally: LogonTally, ms: number, at: number): void {
  if (ms > tally.newestMs || (ms === tally.newestMs && at < tally.newestAt)) {
    tally.newestMs = ms;
    tally.newestAt = at;
    tally.newest = formatIsoTime(ms);
  }
}

/** Interactive logon types (2, 7, 11, 13): at the keyboard and screen of the computer that logs them. */
export const interactive: ReadonlySet<number> = new Set([2, 7, 11, 13]);
/** Private, link-local and unique-local address ranges: a device inside the network. */
const internalAddress =
  /^(?:10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|169\.254\.|f[cd][0-9a-f]{2}:|fe80:)/i;

/** The first label of a DNS name, upper case (the text before the first dot). */
export function firstLabel(name: string): string {
  const dot = name.indexOf(".");
  return (dot === -1 ? name : name.slice(0, dot)).toUpperCase();
}

/** Where a logon came from: its address and its workstation's first label ("" for none). */
interface Client {
  readonly address: string;
  readonly workstation: string;
}

/** The event's client: address without the IPv4-mapped prefix, workstation's first label. */
function clientOf(event: LogonEvent): Client {
  const raw = event.ipAddress;
  // Only an address starting with ':' can carry the IPv4-mapped prefix: most skip the expression.
  const address = raw.charCodeAt(0) === 58 ? raw.replace(/^::ffff:/i, "") : raw;
  return {
    address: empty(address) ? "" : address,
    workstation: empty(event.workstationName) ? "" : firstLabel(event.workstationName),
  };
}

/**
 * Whether a logon was made at the server itself (rule server-own-console): an interactive logon
 * type, a loopback address, or the server's own name as workstation (Microsoft's 4624 sample logs
 * a console logon so [W11]); for remote interactive logons the workstation is always the server's
 * name, so only the address tells.
 */
function isAtServer(
  event: LogonEvent,
  serverName: string,
  { address, workstation }: Client = clientOf(event),
): boolean {
  if (loopback.has(address)) return true;
  if (event.logonType !== null && remoteInteractive.has(event.logonType)) return false;
  if (event.logonType !== null && interactive.has(event.logonType)) return true;
  return workstation !== "" && workstation === firstLabel(serverName);
}

/** The device a logon came from: workstation name, else the address resolved through AD, else the address. */
function deviceOf(
  event: LogonEvent,
  { address, workstation }: Client,
  inventory: InventoryIndex,
  tally: LogonTally,
): { device?: string; source?: DeviceSource } {
  if (event.logonType !== null && remoteInteractive.has(event.logonType)) {
    const remote = deviceByAddress(address, inventory, tally);
    if (remote) return remote;
  }
  if (workstation !== "") return { device: workstation, source: "workstation" };
  return deviceByAddress(address, inventory, tally) ?? {};
}

/** The device of a client address: its AD computer, else the address itself (noted as unresolved). */
function deviceByAddress(
  address: string,
  inventory: InventoryIndex,
  tally: LogonTally,
): { device?: string; source?: DeviceSource } | undefined {
  if (address === "") return undefined;
  const ad = inventory.findByAddress(address);
  if (ad) return { device: ad.name.toUpperCase(), source: "address-resolved" };
  tally.unresolvedAddresses.add(address);
  return { device: address, source: "address" };
}

/** The account as logged: DOMAIN\name, the name, or the SID when it has no name. */
function accountOf(event: LogonEvent): string {
  const name = event.targetUserName.trim();
  const domain = event.targetDomainName.trim();
  if (empty(name)) return event.targetUserSid.trim() || "-";
  return empty(domain) ? name : `${domain}\\${name}`;
}

/** Records a logon the rules did not count, under its account and rule, with where it came from. */
function recordNotCounted(
  event: LogonEvent,
  verdict: { readonly reason: LogonSkipReason; readonly rule: LogonRuleId },
  tally: LogonTally,
  events: number,
): void {
  const account = accountOf(event);
  const key = `${verdict.rule}\u0000${account.toLowerCase()}`;
  let entry = tally.notCounted.get(key);
  if (entry === undefined) {
    entry = {
      account,
      rule: verdict.rule,
      reason: verdict.reason,
      events: 0,
      servers: new Set(),
      from: new Set(),
      fromMore: 0,
      origins: new Set(),
    };
    tally.notCounted.set(key, entry);
  }
  entry.events += events;
  entry.servers.add(event.computer);
  const client = clientOf(event);
  const { address, workstation } = client;
  const from = [workstation, address].filter((x) => x !== "").join(" ");
  if (from !== "" && !entry.from.has(from)) {
    // The first of the group's events adds it (when there is room); every one counts when there is none.
    if (entry.from.size < fromLimit) entry.from.add(from);
    else entry.fromMore += events;
  }
  entry.origins.add(
    isAtServer(event, event.computer, client)
      ? "server-itself"
      : workstation !== "" || internalAddress.test(address)
        ? "internal"
        : address !== ""
          ? "public-address"
          : "unknown",
  );
}

/** What the logon pass reads and writes. */
export interface LogonContext {
  readonly servers: ServerDirectory;
  readonly inventory: InventoryIndex;
  readonly ledger: AccessLedger;
  readonly tally: LogonTally;
  readonly sinceMs: number | undefined;
  readonly rdsHosts: ReadonlySet<string>;
}

/**
 * Applies the logon rules to a group of logon events (the same but for their time and place; a
 * single event is a group of one) and records the access it shows in the ledger: server = the
 * logging computer (if a server), user = DOMAIN\account normalised through the AD inventory, device =
 * workstation or resolved address, none for a logon at the server itself (rule server-own-console).
 * Logons not counted are kept per account and rule. Service accounts are not counted; admin-only
 * accounts are counted as `service: admin`; disabled accounts are counted and flagged. Every rule
 * reads the fields the group's events share, so the group counts as its events one by one would;
 * `base` places the source's positions in the reading order of the whole audit. The reader splits
 * groups at --since, so a group is wholly before it or wholly not; a pre-aggregated row (a group
 * the reader cannot split) counts whole when its last logon is in the window. True when `known`
 * and all the group did was widen an access (`widenLogonGroup` then takes the rest of it).
 */
export function recordLogonGroup(
  group: LogonGroup,
  base: number,
  context: LogonContext,
  known: { readonly groups: TakenGroups; readonly id: number } | undefined,
): boolean {
  const { tally } = context;
  const { event, events } = group;
  const verdict = classifyLogon(event);
  if (!verdict.counts) {
    tally.skipped[verdict.reason] = (tally.skipped[verdict.reason] ?? 0) + events;
    recordNotCounted(event, verdict, tally, events);
    if (verdict.reason === "anonymous") {
      const server = context.servers.resolve(event.computer);
      if (!isServerSkip(server))
        tally.anonymous.set(server.name, (tally.anonymous.get(server.name) ?? 0) + events);
    }
    return false;
  }
  const server = context.servers.resolve(event.computer);
  if (isServerSkip(server)) {
    const reason =
      server.kind === "not-a-server"
        ? `not a server (${server.operatingSystem})`
        : server.kind === "unmapped-server"
          ? server.reason
          : "unknown computer: name it in --owned or the AD computer inventory";
    bump(tally.computersNotCounted, event.computer, reason, events);
    return false;
  }
  const first = { time: group.first.time, ms: group.first.ms, at: base + group.first.at };
  const last = { time: group.last.time, ms: group.last.ms, at: base + group.last.at };
  noteNewest(tally, last.time, last.ms, last.at);
  if (context.sinceMs !== undefined && last.ms < context.sinceMs) {
    tally.beforeWindow += events;
    return false;
  }
  // A group read on after it was handed on keeps the user resolved for it first: resolving infers
  // domain aliases as it goes, so the same names resolved later may give another user. Without AD
  // users nothing is inferred, and the names alone decide.
  const kept = known !== undefined && context.inventory.userCount > 0 ? known : undefined;
  let user = kept?.groups.get(kept.id);
  if (user === undefined) {
    user = context.inventory.resolveUser(
      event.targetDomainName,
      event.targetUserName,
      event.computer,
    );
    kept?.groups.set(kept.id, user);
  }
  const admin = tallyAccountClass(tally, user, events);
  if (admin === undefined) return false;
  const client = clientOf(event);
  const atServer = isAtServer(event, server.name, client);
  const { device, source } = atServer ? {} : deviceOf(event, client, context.inventory, tally);
  if (atServer) tally.atServer.add(server.name, user.id, events);
  const rds =
    !admin &&
    event.logonType !== null &&
    remoteInteractive.has(event.logonType) &&
    context.rdsHosts.has(server.name.toLowerCase());
  tally.counted += events;
  const access = context.ledger.add(
    {
      user: user.id,
      device,
      server: server.name,
      service: admin ? "admin" : rds ? "rds" : undefined,
      deviceSource: source,
      origin: "logon",
    },
    first,
    last,
    events,
    event.location,
  );
  // A group that only widened its access: the rest of it can (`widenLogonGroup`).
  if (known === undefined || admin || user.accountClass?.disabled || atServer) return false;
  known.groups.setAccess(known.id, access);
  return true;
}

/**
 * Adds more events of a group recorded before (`recordLogonGroup` with its id) when all it did was
 * widen an access: as recording them as a group would (the rules read only the fields the events
 * share), without its event. False when the group did more (its events go to recordLogonGroup).
 */
export function widenLogonGroup(
  known: { readonly groups: TakenGroups; readonly id: number },
  more: { readonly events: number; readonly first: SeenAt; readonly last: SeenAt },
  base: number,
  file: string,
  context: LogonContext,
): boolean {
  const access = known.groups.access(known.id);
  if (access < 0) return false;
  const { events } = more;
  const first = { time: more.first.time, ms: more.first.ms, at: base + more.first.at };
  const last = { time: more.last.time, ms: more.last.ms, at: base + more.last.at };
  noteNewest(context.tally, last.time, last.ms, last.at);
  context.tally.counted += events;
  context.ledger.widen(access, first, last, events, file);
  return true;
}

/**
 * One more event of a group recorded before, as widenLogonGroup with one event whose time is the ISO
 * text of instant `ms`, read at `base` + `at` in `file` (the reader handed on the instant alone).
 */
export function widenLogonAt(
  known: { readonly groups: TakenGroups; readonly id: number },
  ms: number,
  at: number,
  file: string,
  context: LogonContext,
): boolean {
  const access = known.groups.access(known.id);
  if (access < 0) return false;
  noteNewestAt(context.tally, ms, at);
  context.tally.counted += 1;
  context.ledger.widenAt(access, ms, at, 1, file);
  return true;
}
