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
  // The access columns: name ids (-1: none) and service indexes into `auditServices` (-1: none),
  // typed from the start (one access per record, more only for UAL pairs).
  const columns = new AccessColumnsBuilder(records.length);
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
    if (pairedDevice !== undefined) pairedDeviceRecord.set(columns.length, pairedDevice);
    // A record without a user names no service (as the document's access would not).
    columns.push(
      user > 0 ? user : -1,
      device > 0 ? device : -1,
      server,
      service === undefined || user <= 0 ? -1 : auditServices.indexOf(service),
      of,
    );
  };
  const offersRds = (serverName: string) => {
    const product = servers.get(serverName)?.product;
    return product !== undefined && catalog.products.get(product)?.services?.rds !== undefined;
  };

  // The records by server (their order kept), by a counting sort over the servers' name ids: no
  // text looked up per record. The servers in `compareText` order, those that compare equal in the
  // order first met.
  const byServer = bucketByServer(ledger, records);
  const serverOrder = byServer.servers
    .map((id) => ({ id, name: names[id] as string }))
    .sort((a, b) => compareText(a.name, b.name));
  for (const { id: serverId, name: server } of serverOrder) {
    const list = byServer.records.subarray(
      byServer.starts[serverId] as number,
      byServer.starts[serverId + 1] as number,
    );
    const rds = offersRds(server);
    // Logon records only (most servers): each is an access of its own.
    let ualCount = 0;
    for (const r of list) {
      if (ledger.origin(r) !== "logon") {
        ualCount++;
        continue;
      }
      const service = ledger.service(r);
      emit(
        ledger.userId(r),
        ledger.deviceId(r),
        serverId,
        service === "rds" && !rds ? undefined : service,
        r,
      );
    }
    if (ualCount === 0) continue;
    // The users and devices logons already show, needed only when UAL reached this server too.
    const logons = Array.from(list).filter((r) => ledger.origin(r) === "logon");
    const logonUsers = new Set(logons.map((r) => ledger.user(r)));
    const logonDevices = new Set(logons.map((r) => ledger.device(r)));
    const ualUsers: number[] = [];
    const ualDevices: number[] = [];
    for (const r of list) {
      if (ledger.origin(r) === "logon") continue;
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

  const serverNamed = new Set(serverOrder.map((s) => s.name));
  const ownedServers = Array.isArray(owned.servers) ? owned.servers : [];
  const ownedNames = new Set(ownedServers.map((s) => String(s.name ?? "").toLowerCase()));
  const inventoryServers = [...servers.values()]
    .filter(
      (s): s is AuditServer & { product: string } =>
        s.source === "inventory" &&
        s.product !== undefined &&
        !ownedNames.has(s.name.toLowerCase()),
    )
    .filter((s) => serverNamed.has(s.name) || anonymous.has(s.name))
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
        user: columns.column(0),
        device: columns.column(1),
        server: columns.column(2),
        service: columns.column(3),
      },
    },
    recordOfAccess: columns.column(4),
    pairedDeviceRecord,
    notes,
  };
}

/** The records by their server's name id: `records` from `starts[id]` to `starts[id + 1]`, in their order. */
function bucketByServer(
  ledger: WindowedAccesses["ledger"],
  records: Int32Array,
): { records: Int32Array; starts: Int32Array; servers: number[] } {
  const starts = new Int32Array(ledger.nameTable.length + 1);
  const servers: number[] = [];
  for (const r of records) {
    const id = ledger.serverId(r);
    if (starts[id + 1] === 0) servers.push(id);
    starts[id + 1] = (starts[id + 1] as number) + 1;
  }
  for (let id = 1; id < starts.length; id++)
    starts[id] = (starts[id] as number) + (starts[id - 1] as number);
  const next = starts.slice(0, starts.length - 1);
  const sorted = new Int32Array(records.length);
  for (const r of records) {
    const id = ledger.serverId(r);
    sorted[next[id] as number] = r;
    next[id] = (next[id] as number) + 1;
  }
  return { records: sorted, starts, servers };
}

/** Five int32 columns (user, device, server, service, record) appended row by row, grown by doubling. */
class AccessColumnsBuilder {
  private data: Int32Array[];
  length = 0;
  constructor(capacity: number) {
    this.data = Array.from({ length: 5 }, () => new Int32Array(Math.max(16, capacity)));
  }
  push(a: number, b: number, c: number, d: number, e: number): void {
    if (this.length === (this.data[0] as Int32Array).length)
      this.data = this.data.map((column) => {
        const grown = new Int32Array(column.length * 2);
        grown.set(column);
        return grown;
      });
    const at = this.length++;
    (this.data[0] as Int32Array)[at] = a;
    (this.data[1] as Int32Array)[at] = b;
    (this.data[2] as Int32Array)[at] = c;
    (this.data[3] as Int32Array)[at] = d;
    (this.data[4] as Int32Array)[at] = e;
  }
  /** Column `i` cut to the rows pushed (a copy, so the spare capacity is freed). */
  column(i: number): Int32Array {
    return (this.data[i] as Int32Array).slice(0, this.length);
  }
}
