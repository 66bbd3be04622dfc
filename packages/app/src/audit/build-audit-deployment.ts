import { CalwiseError, type Catalog, type ColumnsDeployment } from "@calwise/core";
import type { WindowedAccesses } from "./apply-audit-window.ts";
import type { OwnedDeployment } from "./check-owned-deployment.ts";
import { compareText } from "./compare-text.ts";
import type { LogonTally } from "./record-logon-access.ts";
import type { AuditServer } from "./server-directory.ts";

/** Above this many user × device pairs on one server, UAL users and devices are not cross-paired. */
export const ualPairLimit = 20_000;

/**
 * A deployment built from evidence, as columns (`ColumnsDeployment`: the owned data, the users and
 * devices to declare, the accesses as ids into the ledger's names), with each access's ledger record
 * (its number) for the evidence trail: no object per access.
 */
export interface AuditDeployment {
  readonly deployment: ColumnsDeployment;
  /** For each access of `deployment.accesses`, the ledger record it stands for (of a UAL pair, the user's). */
  readonly recordOfAccess: Int32Array;
  /** For the accesses that pair a UAL user with a UAL device (by index), the device's record. */
  readonly pairedDeviceRecord: ReadonlyMap<number, number>;
  readonly notes: readonly string[];
}

/** The services an audit access may name, by their index in the access columns. */
const auditServices = ["admin", "rds"] as const;

/**
 * The deployment step: turns the accesses seen into deployment data for the engine, on top of the
 * owned deployment (its
 * servers, owned CALs, prices and assumptions are kept; its accesses are replaced). Logon accesses are
 * (user, device, server). UAL does not pair users with devices [R45]: a server's UAL users and
 * devices not already seen in logons are paired every user with every device (any of them may have
 * used any), which lets the optimiser choose all-user or all-device CALs as MAP does [R44c]; beyond
 * `ualPairLimit` pairs, the smaller side alone is required, and a note says so. No server reached
 * at all is bad input (NO_SERVER), naming the computers that were not counted.
 */
export function buildAuditDeployment(
  ownedDeployment: OwnedDeployment,
  windowed: WindowedAccesses,
  tally: LogonTally,
  catalog: Catalog,
): AuditDeployment {
  const owned = ownedDeployment.data;
  const { inWindow: records, usedServers: servers, ledger } = windowed;
  const names = ledger.nameTable;
  const anonymous = tally.anonymous;
  const notes: string[] = [];
  // The access columns: name ids (-1: none) and service indexes into `auditServices` (-1: none).
  const accessUser: number[] = [];
  const accessDevice: number[] = [];
  const accessServer: number[] = [];
  const accessService: number[] = [];
  const recordOfAccess: number[] = [];
  const pairedDeviceRecord = new Map<number, number>();
  // Per name id: 1 when an access names it as a user, 2 as a device (both bits may be set).
  const named = new Uint8Array(names.length);
  const emit = (
    user: number,
    device: number,
    server: number,
    service: "admin" | "rds" | undefined,
    of: number,
    pairedDevice?: number,
  ) => {
    if (user > 0) named[user] = (named[user] as number) | 1;
    if (device > 0) named[device] = (named[device] as number) | 2;
    if (pairedDevice !== undefined) pairedDeviceRecord.set(accessServer.length, pairedDevice);
    accessUser.push(user > 0 ? user : -1);
    accessDevice.push(device > 0 ? device : -1);
    accessServer.push(server);
    // A record without a user names no service (as the document's access would not).
    accessService.push(service === undefined || user <= 0 ? -1 : auditServices.indexOf(service));
    recordOfAccess.push(of);
  };
  const offersRds = (serverName: string) => {
    const product = servers.get(serverName)?.product;
    return product !== undefined && catalog.products.get(product)?.services?.rds !== undefined;
  };

  const byServer = new Map<string, number[]>();
  for (const r of records) {
    const server = ledger.server(r);
    const list = byServer.get(server);
    if (list === undefined) byServer.set(server, [r]);
    else list.push(r);
  }
  for (const [server, list] of [...byServer].sort((a, b) => compareText(a[0], b[0]))) {
    // The users and devices logons already show, needed only when UAL reached this server too.
    const logons = list.filter((r) => ledger.origin(r) === "logon");
    const withUal = logons.length < list.length;
    const logonUsers = new Set(withUal ? logons.map((r) => ledger.user(r)) : []);
    const logonDevices = new Set(withUal ? logons.map((r) => ledger.device(r)) : []);
    const rds = offersRds(server);
    const serverId = ledger.serverId(list[0] as number);
    const ualUsers: number[] = [];
    const ualDevices: number[] = [];
    for (const r of list) {
      if (ledger.origin(r) === "logon") {
        const service = ledger.service(r);
        emit(
          ledger.userId(r),
          ledger.deviceId(r),
          serverId,
          service === "rds" && !rds ? undefined : service,
          r,
        );
        continue;
      }
      const user = ledger.user(r);
      const device = ledger.device(r);
      if (user !== undefined && !logonUsers.has(user)) ualUsers.push(r);
      else if (device !== undefined && !logonDevices.has(device)) ualDevices.push(r);
    }
    if (ualUsers.length > 0 && ualDevices.length > 0) {
      if (ualUsers.length * ualDevices.length <= ualPairLimit) {
        for (const u of ualUsers)
          for (const d of ualDevices)
            emit(ledger.userId(u), ledger.deviceId(d), serverId, ledger.service(u), u, d);
        notes.push(
          `${server}: UAL lists ${ualUsers.length} users and ${ualDevices.length} devices without pairing them; each user was paired with each device, so the optimiser covers all users or all devices [R44c][R45]`,
        );
        continue;
      }
      const usersSide = ualUsers.length <= ualDevices.length;
      notes.push(
        `${server}: UAL lists ${ualUsers.length} users and ${ualDevices.length} devices (over ${ualPairLimit} pairs); only the ${usersSide ? "users" : "devices"}, the smaller side, are required`,
      );
      for (const r of usersSide ? ualUsers : ualDevices)
        if (usersSide) emit(ledger.userId(r), 0, serverId, ledger.service(r), r);
        else emit(0, ledger.deviceId(r), serverId, undefined, r);
      continue;
    }
    for (const r of ualUsers) emit(ledger.userId(r), 0, serverId, ledger.service(r), r);
    for (const r of ualDevices) emit(0, ledger.deviceId(r), serverId, undefined, r);
  }

  const ownedServers = Array.isArray(owned.servers) ? owned.servers : [];
  const ownedNames = new Set(ownedServers.map((s) => String(s.name ?? "").toLowerCase()));
  const inventoryServers = [...servers.values()]
    .filter(
      (s): s is AuditServer & { product: string } =>
        s.source === "inventory" &&
        s.product !== undefined &&
        !ownedNames.has(s.name.toLowerCase()),
    )
    .filter((s) => byServer.has(s.name) || anonymous.has(s.name))
    .sort((a, b) => compareText(a.name, b.name));
  if (inventoryServers.length > 0)
    notes.push(
      `servers from the AD inventory (product from OperatingSystem; 1 processor assumed for licence counts, name them in --owned to be exact): ${inventoryServers.map((s) => `${s.name} = ${s.product}`).join(", ")}`,
    );
  const declaredUsers = Array.isArray(owned.users) ? owned.users : [];
  const declaredDevices = Array.isArray(owned.devices) ? owned.devices : [];
  const declaredIds = (list: unknown[]) =>
    new Set(
      list.map((x) => (typeof x === "string" ? x : String((x as { id?: unknown }).id ?? ""))),
    );
  const knownUsers = declaredIds(declaredUsers);
  const knownDevices = declaredIds(declaredDevices);
  const ownedAnonymous = Array.isArray(owned.anonymous) ? owned.anonymous : [];
  if (ownedServers.length + inventoryServers.length === 0)
    throw new CalwiseError("INPUT_INVALID", "no server to audit", [
      {
        code: "NO_SERVER",
        path: "servers",
        message: `no logon reached a known server${tally.computersNotCounted.size > 0 ? ` (not counted: ${[...tally.computersNotCounted.keys()].slice(0, 5).join(", ")})` : ""}`,
        expected:
          "servers in the --owned file, or server computers in an AD computer inventory (--inventory)",
      },
    ]);
  const namedAs = (bit: number, known: ReadonlySet<string>) => {
    const list: string[] = [];
    for (let id = 1; id < names.length; id++)
      if (((named[id] as number) & bit) !== 0 && !known.has(names[id] as string))
        list.push(names[id] as string);
    return list.sort();
  };
  return {
    deployment: {
      base: {
        ...owned,
        name: typeof owned.name === "string" ? owned.name : "audit",
        servers: [
          ...ownedServers,
          ...inventoryServers.map((s) => ({
            name: s.name,
            product: s.product,
            description: `from the AD inventory: ${s.operatingSystem}`,
          })),
        ],
        users: declaredUsers,
        devices: declaredDevices,
        // Anonymous logons in the logs are not the engine's "anonymous Internet access" exemption: an
        // ANONYMOUS LOGON is mostly an unauthenticated session from an internal device. The evidence
        // part of the result lists them per account and rule (buildAuditTrail) instead.
        anonymous: ownedAnonymous,
      },
      addedUsers: namedAs(1, knownUsers),
      addedDevices: namedAs(2, knownDevices),
      accesses: {
        names,
        services: auditServices,
        user: Int32Array.from(accessUser),
        device: Int32Array.from(accessDevice),
        server: Int32Array.from(accessServer),
        service: Int32Array.from(accessService),
      },
    },
    recordOfAccess: Int32Array.from(recordOfAccess),
    pairedDeviceRecord,
    notes,
  };
}
