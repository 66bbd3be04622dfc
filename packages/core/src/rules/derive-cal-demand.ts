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
 * `users` and `devices` bound them. Items are DemandItem objects for every other reader; the cover
 * (`collapse`) reads these instead of hashing each item's names again.
 */
export interface DemandHolderNumbers {
  readonly user: Int32Array;
  readonly device: Int32Array;
  readonly users: number;
  readonly devices: number;
}

const holderNumbers = new WeakMap<readonly DemandItem[], DemandHolderNumbers>();

/** The holder numbers of a family's item list as `deriveCalDemand` returned it (undefined for any other list). */
export function demandHolderNumbers(items: readonly DemandItem[]): DemandHolderNumbers | undefined {
  return holderNumbers.get(items);
}

/** One CAL an access to a server (with a service) needs, looked up once per server and service. */
interface PreparedNeed {
  readonly family: string;
  readonly tier: number;
  readonly additive: boolean;
  /** The family's item list, where the items go, and its holder numbers. */
  readonly list: DemandItem[];
  readonly numbers: { readonly user: IntColumn; readonly device: IntColumn };
}

/** CAL demand of a deployment: items per family, and the exemptions applied. */
export interface CalDemand {
  readonly items: ReadonlyMap<string, readonly DemandItem[]>;
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
  const items = new Map<string, DemandItem[]>();
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
  const ruleLists: (readonly string[])[] = [];
  const rulesOf = (additive: boolean, multiplexing: boolean, unattended: boolean) => {
    const key = (additive ? 1 : 0) + (multiplexing ? 2 : 0) + (unattended ? 4 : 0);
    let rules = ruleLists[key];
    if (rules === undefined) {
      const list = ["cal-per-user-or-device", "version-or-later"];
      if (additive) list.push("additive-cal");
      if (multiplexing) list.push("multiplexing");
      if (unattended) list.push("unattended-device");
      rules = list;
      ruleLists[key] = rules;
    }
    return rules;
  };
  // Per family list, each item's holder numbers (`demandHolderNumbers`), filled beside the items.
  const numbers = new Map<DemandItem[], { user: IntColumn; device: IntColumn }>();
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
        list = [];
        items.set(req.family, list);
        numbers.set(list, { user: new IntColumn(1024), device: new IntColumn(1024) });
      }
      needs.push({
        family: req.family,
        tier: tierOf(family, req.version),
        additive: family.additiveTo !== undefined,
        list,
        numbers: numbers.get(list) as { user: IntColumn; device: IntColumn },
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
    const holderUser = userIndex >= 0 && !deviceOnly ? user : undefined;
    const external = userIndex >= 0 && principals.userExternal[userIndex] === 1;
    const unattended = deviceOnly && unattendedDevice;
    for (const need of needs) {
      need.numbers.user.push(holderUser === undefined ? -1 : userIndex);
      need.numbers.device.push(deviceIndex);
      need.list.push(
        createDemandItem(
          need.family,
          need.tier,
          holderUser,
          device,
          serverName,
          deviceOnly,
          userOnly,
          external,
          source,
          rulesOf(need.additive, record.via !== undefined, unattended),
        ),
      );
    }
  }
  for (const [list, n] of numbers)
    holderNumbers.set(list, {
      user: n.user.toArray(),
      device: n.device.toArray(),
      users: principals.userCount,
      devices: principals.deviceCount,
    });
  for (const g of byRule.values()) exempt(g.rule, g.server, g.accesses, g.explanation, g.who);
  return { items, exemptions };
}

/**
 * One demand item with only the holder fields that are set, in the order of `DemandItem`; built
 * field by field rather than with spreads, which cost a temporary object each on large estates.
 */
function createDemandItem(
  family: string,
  tier: number,
  user: string | undefined,
  device: string | undefined,
  server: string,
  deviceOnly: boolean,
  userOnly: boolean,
  external: boolean,
  access: number,
  rules: readonly string[],
): DemandItem {
  if (user === undefined) {
    if (device === undefined)
      return { family, tier, server, deviceOnly, userOnly, external, access, rules };
    return { family, tier, device, server, deviceOnly, userOnly, external, access, rules };
  }
  if (device === undefined)
    return { family, tier, user, server, deviceOnly, userOnly, external, access, rules };
  return { family, tier, user, device, server, deviceOnly, userOnly, external, access, rules };
}

/** The CALs an access to this server needs: the base CALs of its product and applications, plus the service's. */
function requirementsOf(server: ResolvedServer, service: string | undefined): CalRequirement[] {
  const products = [server.product, ...server.applications];
  const reqs = products.flatMap((p) => p.cals);
  if (service !== undefined) for (const p of products) reqs.push(...(p.services?.[service] ?? []));
  return reqs;
}
