import { type Catalog, ruleSources, tierOf } from "../catalog/catalog.ts";
import type { CalRequirement } from "../catalog/catalog-schema.ts";
import { ADMIN_SERVICE } from "../deployment/admin-service.ts";
import type {
  ResolvedAccess,
  ResolvedDeployment,
  ResolvedServer,
} from "../deployment/resolved-deployment.ts";
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

  for (const a of deployment.accesses) {
    const server = deployment.servers.get(a.server) as ResolvedServer;
    if (a.fromServer !== undefined) {
      group(
        "server-to-server",
        a.server,
        a.source,
        `from server ${a.fromServer}: communication between licensed servers`,
        a.user,
      );
      continue;
    }
    if (server.spec.hypervOnlyHost) {
      group(
        "virtualisation-host",
        a.server,
        a.source,
        "physical OSE that only runs Hyper-V and manages its VMs",
        principal(a),
      );
      continue;
    }
    const isAdmin = a.service === ADMIN_SERVICE;
    if (isAdmin && exemptAdmins.get(a.server)?.has(principal(a) ?? "")) {
      group(
        "admin-only",
        a.server,
        a.source,
        "one of at most two users or devices that only administer this server",
        principal(a),
      );
      continue;
    }
    const user = a.user === undefined ? undefined : deployment.users.get(a.user);
    const device = a.device === undefined ? undefined : deployment.devices.get(a.device);
    const deviceOnly = device !== undefined && (device.unattended || user === undefined);
    const userOnly = device === undefined;
    for (const req of requirementsOf(server, isAdmin ? undefined : a.service)) {
      if (req.assumption !== undefined) {
        usedAssumptions.add(req.assumption);
        if (deployment.assumptions.get(req.assumption) === false) continue;
      }
      const family = catalog.families.get(req.family);
      if (!family) throw new Error(`catalog family ${req.family} vanished after validation`);
      const rules = ["cal-per-user-or-device", "version-or-later"];
      if (family.additiveTo !== undefined) rules.push("additive-cal");
      if (a.via !== undefined) rules.push("multiplexing");
      if (deviceOnly && device?.unattended) rules.push("unattended-device");
      const list = items.get(req.family) ?? [];
      list.push({
        family: req.family,
        tier: tierOf(family, req.version),
        ...(user && !deviceOnly ? { user: user.id } : {}),
        ...(device ? { device: device.id } : {}),
        server: a.server,
        deviceOnly,
        userOnly,
        external: user?.kind === "external",
        access: a.source,
        rules,
      });
      items.set(req.family, list);
    }
  }
  for (const g of byRule.values()) exempt(g.rule, g.server, g.accesses, g.explanation, g.who);
  return { items, exemptions };
}

/** The CALs an access to this server needs: the base CALs of its product and applications, plus the service's. */
function requirementsOf(server: ResolvedServer, service: string | undefined): CalRequirement[] {
  const products = [server.product, ...server.applications];
  const reqs = products.flatMap((p) => p.cals);
  if (service !== undefined) for (const p of products) reqs.push(...(p.services?.[service] ?? []));
  return reqs;
}

function principal(a: ResolvedAccess): string | undefined {
  return a.user ?? a.device;
}

/**
 * Picks, per server (or per customer, by assumption), the at most two admin-only principals that are exempt.
 * Those with no other access anywhere go first, since the exemption saves them a CAL; the rest keep file order.
 */
function chooseExemptAdmins(
  deployment: ResolvedDeployment,
  usedAssumptions: Set<string>,
): Map<string, Set<string>> {
  const adminsByServer = new Map<string, string[]>();
  const otherUse = new Set<string>();
  for (const a of deployment.accesses) {
    const who = principal(a);
    if (who === undefined) continue;
    if (a.service === ADMIN_SERVICE) {
      const list = adminsByServer.get(a.server) ?? [];
      if (!list.includes(who)) list.push(who);
      adminsByServer.set(a.server, list);
    } else if (a.fromServer === undefined) otherUse.add(who);
  }
  const result = new Map<string, Set<string>>();
  if (adminsByServer.size === 0) return result;
  usedAssumptions.add("admin-exemption-scope");
  const rank = (list: string[]) => [
    ...list.filter((w) => !otherUse.has(w)),
    ...list.filter((w) => otherUse.has(w)),
  ];
  if (deployment.assumptions.get("admin-exemption-scope") === "per-customer") {
    const all = rank([...new Set([...adminsByServer.values()].flat())]).slice(0, 2);
    for (const server of adminsByServer.keys()) result.set(server, new Set(all));
  } else
    for (const [server, list] of adminsByServer)
      result.set(server, new Set(rank(list).slice(0, 2)));
  return result;
}
