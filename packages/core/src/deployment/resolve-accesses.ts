import type { Catalog } from "../catalog/catalog.ts";
import { ADMIN_SERVICE } from "./admin-service.ts";
import { deploymentLimits } from "./deployment-limits.ts";
import type { Deployment } from "./deployment-schema.ts";
import { IntColumn } from "./int-column.ts";
import type { ProblemCollector } from "./problem-collector.ts";
import { idsByIndex } from "./read-access-columns.ts";
import type {
  AccessPrincipals,
  ResolvedAccessColumns,
  ResolvedDevice,
  ResolvedServer,
  ResolvedUser,
} from "./resolved-deployment.ts";

/**
 * Expands accesses (pairwise when user and device are ranges of equal length) and checks their references.
 * Users and devices named here must be declared, unless the file declares none of that kind: then the
 * access declares them (as internal users and attended devices).
 */
export function resolveAccesses(
  d: Deployment,
  catalog: Catalog,
  servers: ReadonlyMap<string, ResolvedServer>,
  users: Map<string, ResolvedUser>,
  devices: Map<string, ResolvedDevice>,
  out: ProblemCollector,
): { columns: ResolvedAccessColumns; principals: AccessPrincipals } {
  const implicitUsers = users.size === 0;
  const implicitDevices = devices.size === 0;
  const services = knownServices(catalog);
  // The accesses as columns, no object each (large estates have hundreds of thousands): per access its
  // record, its server's number, and its user's and device's index (-1: none), looked up with the check
  // that it exists.
  const accessSource = new IntColumn(d.accesses.length);
  const accessServer = new IntColumn(d.accesses.length);
  const accessUser = new IntColumn(d.accesses.length);
  const accessDevice = new IntColumn(d.accesses.length);
  const serverNames = [...servers.keys()];
  const serverNumber = new Map(serverNames.map((name, index) => [name, index]));
  let count = 0;
  const push = (source: number, server: number, user: number, device: number) => {
    accessSource.push(source);
    accessServer.push(server);
    accessUser.push(user);
    accessDevice.push(device);
    count++;
  };
  const accessCount = d.accesses.length;
  for (let i = 0; i < accessCount; i++) {
    const a = d.accesses[i] as (typeof d.accesses)[number];
    // The common record first: one plain user, device and server, no service, nothing to expand. Large
    // files are hundreds of thousands of these; checked in the same order as below, without the arrays.
    if (
      typeof a.server === "string" &&
      a.service === undefined &&
      a.fromServer === undefined &&
      isPlainName(a.user) &&
      isPlainName(a.device) &&
      count < deploymentLimits.maxExpandedAccesses
    ) {
      const server = serverNumber.get(a.server);
      if (server === undefined)
        out.unknown(`accesses[${i}].server`, "server", a.server, servers.keys());
      const user = indexOf(a.user, users, implicitUsers ? addUser : undefined, "user", i);
      const device = indexOf(
        a.device,
        devices,
        implicitDevices ? addDevice : undefined,
        "device",
        i,
      );
      if (server !== undefined) push(i, server, user, device);
      continue;
    }
    resolveAccess(a, i);
  }
  /** A plain name's index, or -1: no name, or an unknown one (reported), unless `add` declares it. */
  function indexOf(
    name: string | undefined,
    known: ReadonlyMap<string, { readonly index: number }>,
    add: ((id: string) => number) | undefined,
    kind: "user" | "device",
    i: number,
  ): number {
    if (name === undefined) return -1;
    const index = known.get(name)?.index;
    if (index !== undefined) return index;
    if (add) return add(name);
    out.unknown(`accesses[${i}].${kind}`, kind, name, known.keys());
    return -1;
  }
  function addUser(id: string): number {
    const index = users.size;
    users.set(id, { id, kind: "internal", index });
    return index;
  }
  function addDevice(id: string): number {
    const index = devices.size;
    devices.set(id, { id, unattended: false, index });
    return index;
  }
  function resolveAccess(a: (typeof d.accesses)[number], i: number) {
    // The record's accesses: server number, user and device names (indices once they are known).
    const made: { server: number; user: string | undefined; device: string | undefined }[] = [];
    // Paths are only built for a problem: large files have hundreds of thousands of accesses.
    const at = () => `accesses[${i}]`;
    const userNames = namesOf(a.user, () => `${at()}.user`, out);
    const deviceNames = namesOf(a.device, () => `${at()}.device`, out);
    const serverNames = typeof a.server === "string" ? [a.server] : a.server;
    if (userNames.length > 1 && deviceNames.length > 1 && userNames.length !== deviceNames.length) {
      out.push({
        code: "SCHEMA",
        path: at(),
        message: "user and device ranges must have the same length to pair up",
        expected: `${userNames.length} devices`,
        received: `${deviceNames.length} devices`,
      });
      return;
    }
    const pairs: [string | undefined, string | undefined][] =
      userNames.length > 1 && deviceNames.length > 1
        ? userNames.map((u, k) => [u, deviceNames[k]])
        : userNames.flatMap((u) =>
            deviceNames.map((dv): [string | undefined, string | undefined] => [u, dv]),
          );
    if (count + pairs.length * serverNames.length > deploymentLimits.maxExpandedAccesses) {
      out.tooLarge(
        at(),
        `more than ${deploymentLimits.maxExpandedAccesses.toLocaleString("en-US")} accesses`,
      );
      return;
    }
    for (const [k, serverName] of serverNames.entries()) {
      const server = servers.get(serverName);
      if (!server) {
        const serverPath = typeof a.server === "string" ? `${at()}.server` : `${at()}.server[${k}]`;
        out.unknown(serverPath, "server", serverName, servers.keys());
        continue;
      }
      if (a.service !== undefined && a.service !== ADMIN_SERVICE) {
        const offered = [server.product, ...server.applications].some(
          (p) => p.services?.[a.service as string],
        );
        if (!services.has(a.service))
          out.unknown(`${at()}.service`, "service", a.service, [ADMIN_SERVICE, ...services]);
        else if (!offered)
          out.push({
            code: "UNKNOWN_REFERENCE",
            path: `${at()}.service`,
            message: `server '${serverName}' runs nothing that offers '${a.service}'`,
            expected: "a service of the server's product or applications",
            received: a.service,
          });
      }
      const number = serverNumber.get(serverName) as number;
      for (const [user, device] of pairs) made.push({ server: number, user, device });
    }
    if (a.fromServer !== undefined && !servers.has(a.fromServer))
      out.unknown(`${at()}.fromServer`, "server", a.fromServer, servers.keys());
    for (const u of userNames)
      if (u !== undefined && !users.has(u)) {
        if (implicitUsers) addUser(u);
        else out.unknown(`${at()}.user`, "user", u, users.keys());
      }
    for (const dv of deviceNames)
      if (dv !== undefined && !devices.has(dv)) {
        if (implicitDevices) addDevice(dv);
        else out.unknown(`${at()}.device`, "device", dv, devices.keys());
      }
    // The record's principals are known (or reported) now: their indices, by name.
    for (const m of made)
      push(
        i,
        m.server,
        m.user === undefined ? -1 : (users.get(m.user)?.index ?? -1),
        m.device === undefined ? -1 : (devices.get(m.device)?.index ?? -1),
      );
  }
  for (const name of devices.keys())
    if (users.has(name))
      out.push({
        code: "DUPLICATE_ID",
        path: "devices",
        message: `'${name}' is both a user and a device`,
        expected: "distinct names for users and devices",
        received: name,
      });

  d.anonymous.forEach((a, i) => {
    if (!servers.has(a.server))
      out.unknown(`anonymous[${i}].server`, "server", a.server, servers.keys());
  });
  const source = accessSource.toArray();
  return {
    columns: {
      count,
      source,
      record: source,
      server: accessServer.toArray(),
      serverNames,
      records: d.accesses,
      userIds: idsByIndex(users),
      deviceIds: idsByIndex(devices),
    },
    principals: {
      userCount: users.size,
      deviceCount: devices.size,
      userExternal: flagsOf(users, (u) => u.kind === "external"),
      deviceUnattended: flagsOf(devices, (dv) => dv.unattended),
      accessUser: accessUser.toArray(),
      accessDevice: accessDevice.toArray(),
    },
  };
}

/** Per principal index, 1 where `flag` holds. */
function flagsOf<T extends { readonly index: number }>(
  principals: ReadonlyMap<string, T>,
  flag: (principal: T) => boolean,
): Uint8Array {
  const flags = new Uint8Array(principals.size);
  for (const p of principals.values()) if (flag(p)) flags[p.index] = 1;
  return flags;
}

/** A user or device field that names at most one principal, without a range to expand. */
function isPlainName(value: string | undefined): boolean {
  return value === undefined || !value.includes("{");
}

/** The names a user or device field stands for; a plain name is itself, without a range to expand. */
function namesOf(
  value: string | undefined,
  path: () => string,
  out: ProblemCollector,
): readonly (string | undefined)[] {
  if (value === undefined) return [undefined];
  if (!value.includes("{")) return [value];
  return out.expand(path(), value);
}

function knownServices(catalog: Catalog): Set<string> {
  const services = new Set<string>();
  for (const p of catalog.products.values())
    for (const s of Object.keys(p.services ?? {})) services.add(s);
  return services;
}

// The access objects are made in list-resolved-accesses.ts now; still exported from here for the
// readers that build the same objects (build-resolved-from-columns.ts on branch audit-columns).
export { createAccess } from "./list-resolved-accesses.ts";
