import type { Catalog, ResolvedDeployment } from "@calwise/core";
import { resolveDeploymentDocument } from "./resolve-deployment-document.ts";

/** One of a customer's deployments, as stored: its name, the revision read, and the document. */
export interface EstateDeployment {
  readonly name: string;
  readonly revision?: number;
  readonly document: unknown;
}

/** How many of a deployment's users or devices are named (matched across deployments) and only counted. */
export interface NamedAndCounted {
  readonly named: number;
  readonly counted: number;
}

/** A CAL typed on a deployment, which the estate does not count (see `mergeEstateDeployments`). */
export interface UncountedCal {
  readonly deployment: string;
  readonly licence: string;
  readonly version: string | null;
  readonly type: "user" | "device" | "either" | null;
  readonly quantity: number;
  readonly source: string | null;
}

/** The customer's deployments as one deployment document, and what the merge counted. */
export interface MergedEstate {
  readonly document: Record<string, unknown>;
  readonly deployments: readonly {
    readonly name: string;
    readonly revision: number | null;
    readonly servers: number;
    readonly users: NamedAndCounted;
    readonly devices: NamedAndCounted;
  }[];
  /** Names given literally in more than one deployment: one person or device, one CAL. */
  readonly namedInSeveral: { readonly users: number; readonly devices: number };
  /** Users and devices given as ranges (counts), kept apart per deployment: summed. */
  readonly summed: { readonly users: number; readonly devices: number };
  readonly notCounted: readonly UncountedCal[];
  /** Assumptions two deployments set differently: the catalog's default is used for them. */
  readonly conflictingAssumptions: readonly string[];
}

type Kind = "users" | "devices";

/**
 * The ids a document gives literally (not through a `{a..b}` range): its declared users or devices when it
 * declares any (a declared range stands for a count, even if an access names one of its members), else those
 * its accesses name.
 */
function listLiteralIds(document: unknown, kind: Kind): ReadonlySet<string> {
  const doc = (document ?? {}) as Record<string, unknown>;
  const declared = Array.isArray(doc[kind]) ? (doc[kind] as unknown[]) : [];
  const field = kind === "users" ? "user" : "device";
  const names =
    declared.length > 0
      ? declared.map((entry) =>
          typeof entry === "string" ? entry : (entry as { id?: unknown } | null)?.id,
        )
      : (Array.isArray(doc.accesses) ? (doc.accesses as Record<string, unknown>[]) : []).map(
          (access) => access?.[field],
        );
  return new Set(
    names.filter((name): name is string => typeof name === "string" && !name.includes("{")),
  );
}

/** A deployment's name as a prefix that cannot read as a range, unique among the estate's. */
function choosePrefixes(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const base = name.replaceAll("{", "(").replaceAll("}", ")");
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/**
 * Merges a customer's deployments into one deployment document for the engine: every server kept apart
 * (`<deployment>/<server>`); a user or device a deployment names literally is the same one in every deployment
 * naming it, so it needs one CAL [R51]; one given only through a range (`U{1..10}`: a count, not a person) is
 * that deployment's own (`<deployment>#U1`), so counts are summed, never matched: the conservative upper bound.
 * A principal external in one deployment and internal in another is internal, unattended if any says so (the
 * readings that need more CALs). The owned CALs are the customer's entitlements only: CALs typed on a
 * deployment are listed as not counted, since the same CALs typed on two deployments would count twice.
 */
export function mergeEstateDeployments(
  deployments: readonly EstateDeployment[],
  entitlements: readonly Record<string, unknown>[],
  catalog: Catalog,
): MergedEstate {
  const prefixes = choosePrefixes(deployments.map((d) => d.name));
  const users = new Map<string, { id: string; kind: "internal" | "external" }>();
  const devices = new Map<string, { id: string; unattended: boolean }>();
  const seenIn = { users: new Map<string, number>(), devices: new Map<string, number>() };
  const servers: Record<string, unknown>[] = [];
  const accesses: Record<string, unknown>[] = [];
  const anonymous: Record<string, unknown>[] = [];
  const notCounted: UncountedCal[] = [];
  const assumptionValues = new Map<string, unknown>();
  const conflicting = new Set<string>();
  const summed = { users: 0, devices: 0 };
  const rows: MergedEstate["deployments"][number][] = [];
  deployments.forEach((deployment, i) => {
    const prefix = prefixes[i] as string;
    const resolved: ResolvedDeployment = resolveDeploymentDocument(
      { name: `deployment ${deployment.name}`, data: deployment.document },
      catalog,
    );
    const serverName = (name: string) => `${prefix}/${name}`;
    const literal = {
      users: listLiteralIds(deployment.document, "users"),
      devices: listLiteralIds(deployment.document, "devices"),
    };
    const idOf = (kind: Kind, id: string) => (literal[kind].has(id) ? id : `${prefix}#${id}`);
    const counts = { users: { named: 0, counted: 0 }, devices: { named: 0, counted: 0 } };
    for (const kind of ["users", "devices"] as const)
      for (const id of (kind === "users" ? resolved.users : resolved.devices).keys()) {
        if (literal[kind].has(id)) {
          counts[kind].named++;
          seenIn[kind].set(id, (seenIn[kind].get(id) ?? 0) + 1);
        } else counts[kind].counted++;
      }
    summed.users += counts.users.counted;
    summed.devices += counts.devices.counted;
    for (const user of resolved.users.values()) {
      const id = idOf("users", user.id);
      const known = users.get(id);
      users.set(id, { id, kind: known?.kind === "internal" ? "internal" : user.kind });
    }
    for (const device of resolved.devices.values()) {
      const id = idOf("devices", device.id);
      const unattended = (devices.get(id)?.unattended ?? false) || device.unattended;
      devices.set(id, { id, unattended });
    }
    for (const server of resolved.servers.values())
      servers.push({
        ...server.spec,
        name: serverName(server.name),
        ...(server.spec.runsOn === undefined ? {} : { runsOn: serverName(server.spec.runsOn) }),
      });
    for (const access of resolved.accesses)
      accesses.push({
        server: serverName(access.server),
        ...(access.user === undefined ? {} : { user: idOf("users", access.user) }),
        ...(access.device === undefined ? {} : { device: idOf("devices", access.device) }),
        ...(access.service === undefined ? {} : { service: access.service }),
        ...(access.via === undefined ? {} : { via: access.via }),
        ...(access.fromServer === undefined ? {} : { fromServer: serverName(access.fromServer) }),
      });
    for (const entry of resolved.anonymous)
      anonymous.push({ ...entry, server: serverName(entry.server) });
    for (const owned of resolved.owned)
      notCounted.push({
        deployment: deployment.name,
        licence: owned.family ?? owned.suite ?? owned.externalConnector ?? "",
        version: owned.version ?? null,
        type: owned.type ?? null,
        quantity: owned.quantity,
        source: owned.source ?? null,
      });
    for (const id of resolved.overriddenAssumptions) {
      const value = resolved.assumptions.get(id);
      if (assumptionValues.has(id) && assumptionValues.get(id) !== value) conflicting.add(id);
      assumptionValues.set(id, value);
    }
    rows.push({
      name: deployment.name,
      revision: deployment.revision ?? null,
      servers: resolved.servers.size,
      users: counts.users,
      devices: counts.devices,
    });
  });
  const inSeveral = (kind: Kind) => [...seenIn[kind].values()].filter((n) => n > 1).length;
  const serverNames = servers.map((s) => s.name as string);
  // An External Connector's server, when the entitlement names one: the estate's one server of that name.
  const owned = entitlements.map((entry) => {
    const server = entry.server;
    if (typeof server !== "string") return entry;
    const matches = serverNames.filter((name) => name.endsWith(`/${server}`));
    return matches.length === 1 ? { ...entry, server: matches[0] } : entry;
  });
  for (const id of conflicting) assumptionValues.delete(id);
  return {
    document: {
      name: "estate",
      servers,
      users: [...users.values()],
      devices: [...devices.values()],
      accesses,
      anonymous,
      owned,
      ...(assumptionValues.size > 0 ? { assumptions: Object.fromEntries(assumptionValues) } : {}),
    },
    deployments: rows,
    namedInSeveral: { users: inSeveral("users"), devices: inSeveral("devices") },
    summed,
    notCounted,
    conflictingAssumptions: [...conflicting],
  };
}
