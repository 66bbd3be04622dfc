import type { Catalog } from "../catalog/catalog.ts";
import type { Validated } from "../errors/input-problem.ts";
import { checkPriceList } from "../price-list/check-price-list.ts";
import { ADMIN_SERVICE } from "./admin-service.ts";
import { assembleResolvedDeployment } from "./assemble-resolved-deployment.ts";
import { checkEntitlements } from "./check-entitlements.ts";
import { declarePrincipalTables, sharePrincipalName } from "./declare-principal-tables.ts";
import { deploymentLimits } from "./deployment-limits.ts";
import { type DeploymentInput, deploymentSchema } from "./deployment-schema.ts";
import type { PrincipalTable } from "./principal-table.ts";
import { ProblemCollector } from "./problem-collector.ts";
import { resolveAssumptions } from "./resolve-assumptions.ts";
import { resolveDeployment } from "./resolve-deployment.ts";
import { resolveServers } from "./resolve-servers.ts";
import type {
  ResolvedAccessColumns,
  ResolvedDeployment,
  ResolvedDevice,
  ResolvedServer,
  ResolvedUser,
} from "./resolved-deployment.ts";

/**
 * Accesses as columns over one interned name table (the audit's ledger keeps its users, devices and
 * servers in one): access k is (names[user[k]], names[device[k]], names[server[k]],
 * services[service[k]]), -1 standing for no user, device or service.
 */
export interface AccessColumns {
  readonly names: readonly (string | undefined)[];
  readonly services: readonly string[];
  readonly user: Int32Array;
  readonly device: Int32Array;
  readonly server: Int32Array;
  readonly service: Int32Array;
}

/**
 * A deployment given as its data without accesses (servers, users, devices, owned CALs, prices,
 * assumptions), the users and devices to declare after the data's own, and the accesses as columns.
 */
export interface ColumnsDeployment {
  readonly base: Partial<DeploymentInput>;
  readonly addedUsers: readonly string[];
  readonly addedDevices: readonly string[];
  readonly accesses: AccessColumns;
}

/**
 * The document a columns deployment stands for: the base with the added users and devices declared
 * after its own and one access record per column entry (user, device, server, service).
 */
export function describeColumnsDeployment(columns: ColumnsDeployment): DeploymentInput {
  const { base, accesses: a } = columns;
  const name = (id: number) => (id < 0 ? undefined : a.names[id]);
  const records: NonNullable<DeploymentInput["accesses"]> = [];
  for (let k = 0; k < a.server.length; k++) {
    const user = name(a.user[k] as number);
    const device = name(a.device[k] as number);
    const service = a.service[k] as number;
    records.push({
      ...(user === undefined ? {} : { user }),
      ...(device === undefined ? {} : { device }),
      server: name(a.server[k] as number) as string,
      ...(service < 0 ? {} : { service: a.services[service] as string }),
    });
  }
  return {
    ...base,
    users: [...(base.users ?? []), ...columns.addedUsers],
    devices: [...(base.devices ?? []), ...columns.addedDevices],
    accesses: records,
  } as DeploymentInput;
}

/** A name the schema takes as one plain principal: non-empty, no range to expand. */
function isPlainName(name: string | undefined): name is string {
  return name !== undefined && name.length > 0 && !name.includes("{");
}

/**
 * Resolves a deployment whose accesses come as columns (`ColumnsDeployment`) to the same result as
 * `resolveDeployment` of the document it stands for (`describeColumnsDeployment`), without that
 * document: the base is checked by the schema and the resolvers with no accesses, each name of the
 * table is looked up once (not once per access), and the principals' columns are written from the
 * access columns. Only the accesses' objects are built, as the resolved deployment holds them. Any
 * problem (or a case this route does not take: a range in a name, too many accesses) resolves the
 * document instead, so the problems, their order and paths are the document's. `maxAccesses` is
 * the deployment limit on expanded accesses unless the caller holds its columns to its own (an
 * audit: auditLimits; its document, should it be resolved for a problem, still reports that limit).
 */
export function buildResolvedFromColumns(
  columns: ColumnsDeployment,
  catalog: Catalog,
  maxAccesses: number = deploymentLimits.maxExpandedAccesses,
): Validated<ResolvedDeployment> {
  const resolved = resolveCleanColumns(columns, catalog, maxAccesses);
  return resolved === undefined
    ? resolveDeployment(describeColumnsDeployment(columns), catalog)
    : { success: true, value: resolved };
}

/**
 * The resolved deployment of a columns deployment when nothing is wrong with it (the same as
 * `resolveDeployment` of its document), else undefined: the caller resolves its document, which reports.
 */
export function resolveCleanColumns(
  columns: ColumnsDeployment,
  catalog: Catalog,
  maxAccesses: number = deploymentLimits.maxExpandedAccesses,
): ResolvedDeployment | undefined {
  const { base, accesses: a } = columns;
  const count = a.server.length;
  if (count > maxAccesses) return undefined;
  const parsed = deploymentSchema.safeParse({ ...base, accesses: [] });
  if (!parsed.success) return undefined;
  const d = parsed.data;
  const out = new ProblemCollector();
  const servers = resolveServers(d, catalog, out);
  const tables = declarePrincipalTables(d, columns.addedUsers, columns.addedDevices);
  if (tables === undefined) return undefined;
  const { users, devices } = tables;
  const built = resolveColumnAccesses(a, servers, users, devices);
  if (built === undefined || sharePrincipalName(tables)) return undefined;
  for (const anonymous of d.anonymous) if (!servers.has(anonymous.server)) return undefined;
  checkEntitlements(d, catalog, servers, users, devices, out);
  if (typeof d.prices === "string") return undefined;
  const prices = d.prices;
  if (prices) for (const p of checkPriceList(prices, catalog, "prices.")) out.push(p);
  const { assumptions, overridden } = resolveAssumptions(d, catalog, out);
  if (out.problems.length > 0) return undefined;
  const accessColumns: ResolvedAccessColumns = {
    ...built.columns,
    userIds: users.ids,
    deviceIds: devices.ids,
  };
  const principals = {
    userCount: users.size,
    deviceCount: devices.size,
    userExternal: users.flags,
    deviceUnattended: devices.flags,
    accessUser: built.accessUser,
    accessDevice: built.accessDevice,
  };
  return assembleResolvedDeployment(d, {
    servers,
    users,
    devices,
    principals,
    accessColumns,
    prices,
    assumptions,
    overridden,
  });
}

/**
 * The accesses and their principals' indexes, each name looked up once; users and devices the
 * accesses name are declared by them when the deployment declares none of that kind (in the order
 * the document route meets them). Undefined at the first access the document would report.
 */
function resolveColumnAccesses(
  a: AccessColumns,
  servers: ReadonlyMap<string, ResolvedServer>,
  users: PrincipalTable<ResolvedUser>,
  devices: PrincipalTable<ResolvedDevice>,
):
  | {
      columns: Omit<ResolvedAccessColumns, "userIds" | "deviceIds">;
      accessUser: Int32Array;
      accessDevice: Int32Array;
    }
  | undefined {
  const count = a.server.length;
  const implicitUsers = users.size === 0;
  const implicitDevices = devices.size === 0;
  // Per name id, its user and device index; -2 while not looked up.
  const userOfName = new Int32Array(a.names.length).fill(-2);
  const deviceOfName = new Int32Array(a.names.length).fill(-2);
  // Per (service, server) pair met, whether the server offers the service (admin is always offered).
  const offered = new Map<number, boolean>();
  const offers = (serviceId: number, serverId: number, server: ResolvedServer): boolean => {
    const service = a.services[serviceId] as string;
    if (service === ADMIN_SERVICE) return true;
    const key = serviceId * a.names.length + serverId;
    let ok = offered.get(key);
    if (ok === undefined) {
      ok = [server.product, ...server.applications].some((p) => p.services?.[service]);
      offered.set(key, ok);
    }
    return ok;
  };
  const principal = (
    id: number,
    of: Int32Array,
    known: PrincipalTable<{ readonly index: number }>,
    implicit: boolean,
  ): number => {
    if (id < 0) return -1;
    const cached = of[id] as number;
    if (cached !== -2) return cached;
    const name = a.names[id];
    if (!isPlainName(name)) return -3;
    let index = known.indexOf(name);
    if (index < 0 && implicit) {
      known.addName(name, false);
      index = known.size - 1;
    }
    if (index < 0) index = -3;
    of[id] = index;
    return index;
  };
  // Per name id, its server's number in `serverNames`; -1 while not looked up.
  const serverNames = [...servers.keys()];
  const serverOfName = new Int32Array(a.names.length).fill(-1);
  const source = new Int32Array(count);
  const record = new Int32Array(count);
  const serverColumn = new Int32Array(count);
  const accessUser = new Int32Array(count);
  const accessDevice = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const userId = a.user[k] as number;
    const deviceId = a.device[k] as number;
    if (userId < 0 && deviceId < 0) return undefined;
    const user = principal(userId, userOfName, users, implicitUsers);
    const device = principal(deviceId, deviceOfName, devices, implicitDevices);
    const serverId = a.server[k] as number;
    const serverName = a.names[serverId];
    const server = serverName === undefined ? undefined : servers.get(serverName);
    if (user === -3 || device === -3 || server === undefined) return undefined;
    const serviceId = a.service[k] as number;
    if (serviceId >= 0 && !offers(serviceId, serverId, server)) return undefined;
    if (serverOfName[serverId] === -1) serverOfName[serverId] = serverNames.indexOf(server.name);
    source[k] = k;
    // An access's record holds only its service: record 0 none, record s + 1 service s.
    record[k] = serviceId + 1;
    serverColumn[k] = serverOfName[serverId] as number;
    accessUser[k] = user;
    accessDevice[k] = device;
  }
  const records = [{}, ...a.services.map((service) => ({ service }))];
  return {
    columns: { count, source, record, server: serverColumn, serverNames, records },
    accessUser,
    accessDevice,
  };
}
