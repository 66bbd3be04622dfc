import { type Catalog, ruleSources, tierOf } from "../catalog/catalog.ts";
import type { CalRequirement } from "../catalog/catalog-schema.ts";
import { ADMIN_SERVICE } from "../deployment/admin-service.ts";
import { IntColumn } from "../deployment/int-column.ts";
import { readAccessColumns } from "../deployment/read-access-columns.ts";
import type {
  ResolvedAccessColumns,
  ResolvedDeployment,
  ResolvedServer,
} from "../deployment/resolved-deployment.ts";
import { chooseExemptAdmins } from "./choose-exempt-admins.ts";
import {
  DemandColumns,
  type DemandList,
  type DemandTables,
  demandFlags,
} from "./demand-columns.ts";
import type { Exemption } from "./exemption.ts";

/** One access's need for a CAL of one family at one version tier. */
export interface DemandItem {
  readonly family: string;
  readonly tier: number;
  readonly user?: string;
  readonly device?: string;
  readonly server: string;
  /** True when only a device CAL can cover it (the device is unattended, or the access names no user). */
  readonly deviceOnly: boolean;
  /** True when only a user CAL can cover it (the access names no device). */
  readonly userOnly: boolean;
  /** True when the user is external, so an External Connector on the server may cover it. */
  readonly external: boolean;
  /** Index of the access record in the deployment file. */
  readonly access: number;
  readonly rules: readonly string[];
}

/**
 * Per item of a family's demand, its holders as the deployment's user and device indices (-1: none);
 * `users` and `devices` bound them. The cover (`collapse`) and the family result read these instead of
 * hashing each item's names again.
 */
export interface DemandHolderNumbers {
  readonly user: Int32Array;
  readonly device: Int32Array;
  readonly users: number;
  readonly devices: number;
}

/** The holder numbers of a family's item list as `deriveCalDemand` returned it (undefined for any other list). */
export function demandHolderNumbers(items: DemandList): DemandHolderNumbers | undefined {
  return items instanceof DemandColumns ? items.numbers : undefined;
}

/** A family's columns as they grow (`DemandColumns` once whole). */
interface GrowingColumns {
  readonly tier: IntColumn;
  readonly user: IntColumn;
  readonly device: IntColumn;
  readonly server: IntColumn;
  readonly access: IntColumn;
  /** Flags (`demandFlags`) and rule list number, as flags + 8 × rules. */
  readonly flagsAndRules: IntColumn;
}

/** One CAL an access to a server (with a service) needs, looked up once per server and service. */
interface PreparedNeed {
  readonly family: string;
  readonly tier: number;
  readonly additive: boolean;
  /** The family's columns, where the items go. */
  readonly list: GrowingColumns;
}

/** CAL demand of a deployment: items per family, and the exemptions applied. */
export interface CalDemand {
  readonly items: ReadonlyMap<string, DemandList>;
  readonly exemptions: readonly Exemption[];
}

/**
 * Turns every access into the CALs it needs (base CALs of the server's product and applications, plus the
 * additive CALs of the service used), after the exemptions: anonymous access (never an access record),
 * virtualisation-only hosts, server-to-server traffic and up to two admin-only users or devices.
 */
export function deriveCalDemand(
  deployment: ResolvedDeployment,
  catalog: Catalog,
  usedAssumptions: Set<string>,
): CalDemand {
  const items = new Map<string, GrowingColumns>();
  const exemptions: Exemption[] = [];
  const exempt = (
    rule: string,
    server: string,
    accesses: number[],
    explanation: string,
    who?: string,
  ) =>
    exemptions.push({
      rule,
      sources: ruleSources(catalog, rule),
      server,
      accesses,
      explanation,
      ...(who ? { who } : {}),
    });

  for (const a of deployment.anonymous)
    exempt(
      "anonymous-internet",
      a.server,
      [],
      `anonymous, unauthenticated Internet access${a.visitors !== undefined ? ` (${a.visitors} visitors)` : ""}${a.description ? `: ${a.description}` : ""}`,
    );

  const exemptAdmins = chooseExemptAdmins(deployment, usedAssumptions);
  const byRule = new Map<
    string,
    { server: string; rule: string; who?: string; accesses: number[]; explanation: string }
  >();
  const group = (
    rule: string,
    server: string,
    access: number,
    explanation: string,
    who?: string,
  ) => {
    const key = `${rule}\u0000${server}\u0000${who ?? ""}`;
    const g = byRule.get(key) ?? {
      server,
      rule,
      accesses: [],
      explanation,
      ...(who ? { who } : {}),
    };
    if (!g.accesses.includes(access)) g.accesses.push(access);
    byRule.set(key, g);
  };

  // Per server and service, what an access needs, prepared once: each CAL's family, tier and item list,
  // its assumption already weighed; and the rule lists, one per combination of the three optional rules,
  // shared by every item (read-only): large estates have hundreds of thousands.
  const needsByServer = new Map<ResolvedServer, Map<string | undefined, readonly PreparedNeed[]>>();
  // An item keeps its list's number (`DemandColumns.rules`).
  const ruleLists: (readonly string[] | undefined)[] = [];
  const rulesOf = (additive: boolean, multiplexing: boolean, unattended: boolean) => {
    const key = (additive ? 1 : 0) + (multiplexing ? 2 : 0) + (unattended ? 4 : 0);
    if (ruleLists[key] === undefined) {
      const list = ["cal-per-user-or-device", "version-or-later"];
      if (additive) list.push("additive-cal");
      if (multiplexing) list.push("multiplexing");
      if (unattended) list.push("unattended-device");
      ruleLists[key] = list;
    }
    return key;
  };
  const prepare = (server: ResolvedServer, service: string | undefined): PreparedNeed[] => {
    const needs: PreparedNeed[] = [];
    for (const req of requirementsOf(server, service)) {
      if (req.assumption !== undefined) {
        usedAssumptions.add(req.assumption);
        if (deployment.assumptions.get(req.assumption) === false) continue;
      }
      const family = catalog.families.get(req.family);
      if (!family) throw new Error(`catalog family ${req.family} vanished after validation`);
      let list = items.get(req.family);
      if (list === undefined) {
        list = {
          tier: new IntColumn(1024),
          user: new IntColumn(1024),
          device: new IntColumn(1024),
          server: new IntColumn(1024),
          access: new IntColumn(1024),
          flagsAndRules: new IntColumn(1024),
        };
        items.set(req.family, list);
      }
      needs.push({
        family: req.family,
        tier: tierOf(family, req.version),
        additive: family.additiveTo !== undefined,
        list,
      });
    }
    return needs;
  };

  // The accesses are read as columns (`readAccessColumns`): no object per access.
  const { principals } = deployment;
  const columns = readAccessColumns(deployment);
  const serversByNumber = columns.serverNames.map((name) => deployment.servers.get(name));
  for (let k = 0; k < columns.count; k++) {
    const source = columns.source[k] as number;
    const record = columns.records[
      columns.record[k] as number
    ] as ResolvedAccessColumns["records"][number];
    const serverName = columns.serverNames[columns.server[k] as number] as string;
    const server = serversByNumber[columns.server[k] as number] as ResolvedServer;
    const userIndex = principals.accessUser[k] as number;
    const deviceIndex = principals.accessDevice[k] as number;
    // The access's names are the principals' ids, by index.
    const user = userIndex < 0 ? undefined : columns.userIds[userIndex];
    const device = deviceIndex < 0 ? undefined : columns.deviceIds[deviceIndex];
    if (record.fromServer !== undefined) {
      group(
        "server-to-server",
        serverName,
        source,
        `from server ${record.fromServer}: communication between licensed servers`,
        user,
      );
      continue;
    }
    if (server.spec.hypervOnlyHost) {
      group(
        "virtualisation-host",
        serverName,
        source,
        "physical OSE that only runs Hyper-V and manages its VMs",
        user ?? device,
      );
      continue;
    }
    const isAdmin = record.service === ADMIN_SERVICE;
    if (isAdmin && exemptAdmins.get(serverName)?.has(user ?? device ?? "")) {
      group(
        "admin-only",
        serverName,
        source,
        "one of at most two users or devices that only administer this server",
        user ?? device,
      );
      continue;
    }
    // Flags are read by index.
    const unattendedDevice = deviceIndex >= 0 && principals.deviceUnattended[deviceIndex] === 1;
    const deviceOnly = deviceIndex >= 0 && (unattendedDevice || userIndex < 0);
    const userOnly = deviceIndex < 0;
    const service = isAdmin ? undefined : record.service;
    let byService = needsByServer.get(server);
    if (byService === undefined) {
      byService = new Map();
      needsByServer.set(server, byService);
    }
    let needs = byService.get(service);
    if (needs === undefined) {
      needs = prepare(server, service);
      byService.set(service, needs);
    }
    // The item's user is its holder: none when only a device CAL can cover it.
    const holderUser = userIndex >= 0 && !deviceOnly ? userIndex : -1;
    const external = userIndex >= 0 && principals.userExternal[userIndex] === 1;
    const unattended = deviceOnly && unattendedDevice;
    const flags = demandFlags(deviceOnly, userOnly, external);
    const serverNumber = columns.server[k] as number;
    for (const need of needs) {
      const list = need.list;
      list.tier.push(need.tier);
      list.user.push(holderUser);
      list.device.push(deviceIndex);
      list.server.push(serverNumber);
      list.access.push(source);
      list.flagsAndRules.push(
        flags + 8 * rulesOf(need.additive, record.via !== undefined, unattended),
      );
    }
  }
  const tables: DemandTables = {
    userIds: columns.userIds,
    deviceIds: columns.deviceIds,
    serverNames: columns.serverNames,
    ruleLists,
    users: principals.userCount,
    devices: principals.deviceCount,
  };
  const lists = new Map<string, DemandList>();
  for (const [family, list] of items) {
    const flagsAndRules = list.flagsAndRules.toArray();
    const flags = new Uint8Array(flagsAndRules.length);
    const rules = new Uint8Array(flagsAndRules.length);
    for (let j = 0; j < flagsAndRules.length; j++) {
      const v = flagsAndRules[j] as number;
      flags[j] = v & 7;
      rules[j] = v >> 3;
    }
    const made = {
      tier: list.tier.toArray(),
      user: list.user.toArray(),
      device: list.device.toArray(),
      server: list.server.toArray(),
      access: list.access.toArray(),
      flags,
      rules,
    };
    lists.set(family, new DemandColumns(family, made, tables, true));
  }
  for (const g of byRule.values()) exempt(g.rule, g.server, g.accesses, g.explanation, g.who);
  return { items: lists, exemptions };
}

/** The CALs an access to this server needs: the base CALs of its product and applications, plus the service's. */
function requirementsOf(server: ResolvedServer, service: string | undefined): CalRequirement[] {
  const products = [server.product, ...server.applications];
  const reqs = products.flatMap((p) => p.cals);
  if (service !== undefined) for (const p of products) reqs.push(...(p.services?.[service] ?? []));
  return reqs;
}
