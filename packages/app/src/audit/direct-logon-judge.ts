import {
  classifyLogonAccount,
  countedLogonTypes,
  type DirectLogonJudge,
  type DirectPiece,
  type LogonEvent,
} from "@calwise/evidence";
import type { ResolvedUser } from "./inventory-index.ts";
import {
  empty,
  firstLabel,
  interactive,
  type LogonContext,
  noteNewestAt,
  remoteInteractive,
  tallyAccountClass,
} from "./record-logon-access.ts";
import { type AuditServer, isServerSkip } from "./server-directory.ts";
import type { TakenGroups } from "./taken-groups.ts";

/**
 * The audit's rules on a logon's names alone (DirectLogonJudge) for one source read at `base` from
 * `file`, for a reader that names its groups by number: what recordLogonGroup reads of the names,
 * decided once per distinct name, and its pieces recorded as recordLogonGroup (then
 * widenLogonGroup) would record them. A logon type is direct when counted and not remote interactive
 * (whose device is its address); a computer when it is a server; an account when counted (no
 * well-known identity, a name) and resolved from its domain and name alone — not local (no domain:
 * the computer decides), and with AD users only a domain the inventory names or a DNS name (an unknown
 * NetBIOS name is inferred in reading order, which one resolution per name would change); a
 * workstation when it names a device. Labels stand for the upper-case names recordLogonGroup compares:
 * a domain with the logging computer's name (a local account), a workstation with the server's (the
 * server itself). Each name's user, device and server name ids are kept once first recorded, so the
 * ledger interns its names in the order recordLogonGroup would.
 */
export function createDirectLogonJudge(
  context: LogonContext,
  taken: TakenGroups,
  base: number,
  file: string,
): DirectLogonJudge {
  const { servers, inventory, ledger, tally } = context;
  /** Upper-case names by label (a source's: labels are compared within the source). */
  const labels = new Map<string, number>();
  const label = (name: string) => {
    let id = labels.get(name);
    if (id === undefined) {
      id = labels.size;
      labels.set(name, id);
    }
    return id;
  };
  /** Per place: the computer as logged, its server and the server's name id (once recorded). */
  const computers: string[] = [];
  const places: AuditServer[] = [];
  const serverIds: number[] = [];
  /** Per account: domain and name as logged, the user once resolved, its name id once recorded. */
  const accounts: (readonly [string, string])[] = [];
  const users: (ResolvedUser | undefined)[] = [];
  const userIds: number[] = [];
  /** Per workstation: its device name and the name's id (-1 until recorded). */
  const devices: string[] = [];
  const deviceIds: number[] = [];

  /** The user of a piece: kept for its group when AD users are loaded (recordLogonGroup's `kept`), else its account's. */
  const userOf = (piece: DirectPiece): ResolvedUser => {
    const kept = inventory.userCount > 0;
    let user = kept ? taken.get(piece.id) : undefined;
    if (user === undefined) {
      user = users[piece.user];
      if (user === undefined) {
        const [domain, name] = accounts[piece.user] as readonly [string, string];
        // The computer decides only a local account and an inferred domain, neither of them direct:
        // the account resolves the same on every computer it is direct on.
        user = inventory.resolveUser(domain, name, computers[piece.place] as string);
        users[piece.user] = user;
      }
      if (kept) taken.set(piece.id, user);
    }
    return user;
  };

  const record = (piece: DirectPiece): boolean => {
    const server = places[piece.place] as AuditServer;
    const firstAt = base + piece.firstAt;
    const lastAt = base + piece.lastAt;
    noteNewestAt(tally, piece.lastMs, lastAt);
    if (context.sinceMs !== undefined && piece.lastMs < context.sinceMs) {
      tally.beforeWindow += piece.events;
      return false;
    }
    const user = userOf(piece);
    const admin = tallyAccountClass(tally, user, piece.events);
    if (admin === undefined) return false;
    const atServer = piece.workstation < 0;
    if (atServer) tally.atServer.add(server.name, user.id, piece.events);
    tally.counted += piece.events;
    // The ledger interns user, device, server in this order, as `add` does.
    const userId =
      users[piece.user] === user
        ? (userIds[piece.user] ?? rememberId(userIds, piece.user, ledger.nameIdOf(user.id)))
        : ledger.nameIdOf(user.id);
    const deviceId = atServer
      ? 0
      : (deviceIds[piece.workstation] ??
        rememberId(
          deviceIds,
          piece.workstation,
          ledger.nameIdOf(devices[piece.workstation] as string),
        ));
    const serverId =
      serverIds[piece.place] ?? rememberId(serverIds, piece.place, ledger.nameIdOf(server.name));
    const access = ledger.addNamed(
      { user: userId, device: deviceId, server: serverId },
      admin ? "admin" : undefined,
      atServer ? undefined : "workstation",
      { firstMs: piece.firstMs, firstAt, lastMs: piece.lastMs, lastAt },
      piece.events,
      { file, line: piece.line, record: piece.record },
    );
    if (admin || user.accountClass?.disabled || atServer) return false;
    taken.setAccess(piece.id, access);
    return true;
  };

  return {
    logonType: (type) =>
      !countedLogonTypes.has(type) || remoteInteractive.has(type)
        ? undefined
        : interactive.has(type)
          ? "interactive"
          : "network",
    place: (name, id) => {
      const server = servers.resolve(name);
      if (isServerSkip(server)) return undefined;
      places[id] = server;
      computers[id] = name;
      return { local: label(firstLabel(name.trim())), server: label(firstLabel(server.name)) };
    },
    user: (domain, name, sid, id) => {
      const names = { targetUserSid: sid, targetUserName: name, targetDomainName: domain };
      if (classifyLogonAccount(names as LogonEvent) !== undefined) return undefined;
      const account = name.trim();
      if (account === "" || account === "-") return undefined;
      const domainKey = domain.trim().toUpperCase();
      if (domainKey === "" || domainKey === "-") return undefined;
      if (inventory.userCount > 0 && !inventory.namesDomain(domainKey)) return undefined;
      accounts[id] = [domain, name];
      return label(domainKey);
    },
    workstation: (name, id) => {
      if (empty(name)) return undefined;
      const device = firstLabel(name);
      if (device === "") return undefined;
      devices[id] = device;
      return label(device);
    },
    take: (piece) => {
      if (base !== taken.base) taken.reset(base);
      const access = taken.access(piece.id);
      if (access < 0) return record(piece);
      // As widenLogonGroup: the group only widened its access.
      noteNewestAt(tally, piece.lastMs, base + piece.lastAt);
      tally.counted += piece.events;
      ledger.widenSpanAt(
        access,
        {
          firstMs: piece.firstMs,
          firstAt: base + piece.firstAt,
          lastMs: piece.lastMs,
          lastAt: base + piece.lastAt,
        },
        piece.events,
        file,
      );
      return true;
    },
  };
}

/** Keeps `id` as entry `at`'s; returns it. */
function rememberId(ids: number[], at: number, id: number): number {
  ids[at] = id;
  return id;
}
