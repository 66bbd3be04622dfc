import type { Catalog } from "../catalog/catalog.ts";
import type { AssumptionValue } from "../catalog/catalog-schema.ts";
import type { InputProblem, Validated } from "../errors/input-problem.ts";
import { valueAt, zodProblems } from "../errors/zod-problems.ts";
import { type Deployment, deploymentSchema, type PriceList } from "./deployment-schema.ts";
import { expandRange } from "./expand-range.ts";
import type { ResolvedAccess, ResolvedDeployment, ResolvedServer } from "./resolved-deployment.ts";

/** The service name that marks admin-only access (exempt for up to two per server). */
export const ADMIN_SERVICE = "admin";

/**
 * Validates deployment data against the schema and the catalog and resolves every reference.
 * Users and devices named in accesses must be declared, unless the file declares none of that kind.
 * A price list given as a path must have been replaced by its content by the adapter that read the file.
 */
export function resolveDeployment(input: unknown, catalog: Catalog): Validated<ResolvedDeployment> {
  const parsed = deploymentSchema.safeParse(input);
  if (!parsed.success)
    return { success: false, problems: zodProblems(parsed.error, (p) => valueAt(input, p)) };
  const d: Deployment = parsed.data;
  const problems: InputProblem[] = [];
  const unknown = (path: string, what: string, value: string, known: Iterable<string>) => {
    const list = [...known];
    problems.push({
      code: "UNKNOWN_REFERENCE",
      path,
      message: `unknown ${what} '${value}'`,
      expected:
        list.length === 0
          ? `a declared ${what}`
          : `one of ${list.slice(0, 12).join(", ")}${list.length > 12 ? ", ..." : ""}`,
      received: value,
    });
  };
  const duplicate = (path: string, what: string, value: string): void => {
    problems.push({
      code: "DUPLICATE_ID",
      path,
      message: `${what} '${value}' is declared twice`,
      expected: "each name once",
      received: value,
    });
  };
  const expand = (path: string, value: string): readonly string[] => {
    const names = expandRange(value);
    if (names) return names;
    problems.push({
      code: "SCHEMA",
      path,
      message: `malformed range in '${value}'`,
      expected: "a name, or a range such as U{1..20}",
      received: value,
    });
    return [];
  };

  // Servers and their products.
  const servers = new Map<string, ResolvedServer>();
  const guests = new Map<string, string[]>();
  for (const [i, s] of d.servers.entries()) {
    if (servers.has(s.name)) {
      duplicate(`servers[${i}].name`, "server", s.name);
      continue;
    }
    const product = catalog.products.get(s.product);
    if (!product) {
      unknown(`servers[${i}].product`, "product", s.product, catalog.products.keys());
      continue;
    }
    if (product.kind !== "operating-system")
      problems.push({
        code: "SCHEMA",
        path: `servers[${i}].product`,
        message: `'${s.product}' is an application; name it under applications`,
        expected: "an operating-system product",
        received: s.product,
      });
    const applications = s.applications.flatMap((a, j) => {
      const app = catalog.products.get(a);
      if (!app) {
        unknown(
          `servers[${i}].applications[${j}]`,
          "application",
          a,
          [...catalog.products.values()].filter((p) => p.kind === "application").map((p) => p.id),
        );
        return [];
      }
      return [app];
    });
    if (s.runsOn !== undefined) guests.set(s.runsOn, [...(guests.get(s.runsOn) ?? []), s.name]);
    servers.set(s.name, { spec: s, name: s.name, product, applications, guests: [] });
  }
  d.servers.forEach((s, i) => {
    if (s.runsOn !== undefined && !servers.has(s.runsOn))
      unknown(`servers[${i}].runsOn`, "server", s.runsOn, servers.keys());
  });
  for (const [host, names] of guests) {
    const server = servers.get(host);
    if (server) servers.set(host, { ...server, guests: names });
  }

  // Users and devices, with ranges expanded.
  const users = new Map<string, { id: string; kind: "internal" | "external" }>();
  d.users.forEach((u, i) => {
    const spec = typeof u === "string" ? { id: u, kind: "internal" as const } : u;
    for (const id of expand(`users[${i}]`, spec.id)) {
      if (users.has(id)) duplicate(`users[${i}]`, "user", id);
      else users.set(id, { id, kind: spec.kind });
    }
  });
  const devices = new Map<string, { id: string; unattended: boolean }>();
  d.devices.forEach((dv, i) => {
    const spec = typeof dv === "string" ? { id: dv, unattended: false } : dv;
    for (const id of expand(`devices[${i}]`, spec.id)) {
      if (devices.has(id)) duplicate(`devices[${i}]`, "device", id);
      else devices.set(id, { id, unattended: spec.unattended });
    }
  });
  const implicitUsers = users.size === 0;
  const implicitDevices = devices.size === 0;

  // Accesses: expand ranges (pairwise when both sides are ranges of equal length) and check references.
  const services = knownServices(catalog);
  const accesses: ResolvedAccess[] = [];
  d.accesses.forEach((a, i) => {
    const at = `accesses[${i}]`;
    const userNames = a.user === undefined ? [undefined] : expand(`${at}.user`, a.user);
    const deviceNames = a.device === undefined ? [undefined] : expand(`${at}.device`, a.device);
    const serverNames = typeof a.server === "string" ? [a.server] : a.server;
    if (userNames.length > 1 && deviceNames.length > 1 && userNames.length !== deviceNames.length) {
      problems.push({
        code: "SCHEMA",
        path: at,
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
    for (const [k, serverName] of serverNames.entries()) {
      const serverPath = typeof a.server === "string" ? `${at}.server` : `${at}.server[${k}]`;
      const server = servers.get(serverName);
      if (!server) {
        unknown(serverPath, "server", serverName, servers.keys());
        continue;
      }
      if (a.service !== undefined && a.service !== ADMIN_SERVICE) {
        const offered = [server.product, ...server.applications].some(
          (p) => p.services?.[a.service as string],
        );
        if (!services.has(a.service))
          unknown(`${at}.service`, "service", a.service, [ADMIN_SERVICE, ...services]);
        else if (!offered)
          problems.push({
            code: "UNKNOWN_REFERENCE",
            path: `${at}.service`,
            message: `server '${serverName}' runs nothing that offers '${a.service}'`,
            expected: "a service of the server's product or applications",
            received: a.service,
          });
      }
      for (const [user, device] of pairs)
        accesses.push(
          compact({
            source: i,
            user,
            device,
            server: serverName,
            service: a.service,
            via: a.via,
            fromServer: a.fromServer,
          }),
        );
    }
    if (a.fromServer !== undefined && !servers.has(a.fromServer))
      unknown(`${at}.fromServer`, "server", a.fromServer, servers.keys());
    for (const u of userNames)
      if (u !== undefined && !users.has(u)) {
        if (implicitUsers) users.set(u, { id: u, kind: "internal" });
        else unknown(`${at}.user`, "user", u, users.keys());
      }
    for (const dv of deviceNames)
      if (dv !== undefined && !devices.has(dv)) {
        if (implicitDevices) devices.set(dv, { id: dv, unattended: false });
        else unknown(`${at}.device`, "device", dv, devices.keys());
      }
  });
  for (const name of devices.keys())
    if (users.has(name))
      problems.push({
        code: "DUPLICATE_ID",
        path: "devices",
        message: `'${name}' is both a user and a device`,
        expected: "distinct names for users and devices",
        received: name,
      });

  d.anonymous.forEach((a, i) => {
    if (!servers.has(a.server))
      unknown(`anonymous[${i}].server`, "server", a.server, servers.keys());
  });

  // Owned entitlements.
  d.owned.forEach((o, i) => {
    const at = `owned[${i}]`;
    if (o.family !== undefined) {
      const family = catalog.families.get(o.family);
      if (!family) unknown(`${at}.family`, "CAL family", o.family, catalog.families.keys());
      else if (o.version === undefined || !family.versions.includes(o.version))
        problems.push({
          code: "SCHEMA",
          path: `${at}.version`,
          message: `a ${o.family} entitlement needs its version`,
          expected: family.versions.join(" | "),
          received: o.version ?? "nothing",
        });
      if (o.type === undefined)
        problems.push({
          code: "SCHEMA",
          path: `${at}.type`,
          message: "a CAL entitlement needs its type",
          expected: "user | device | either",
          received: "nothing",
        });
    }
    if (o.suite !== undefined) {
      if (!catalog.suites.has(o.suite))
        unknown(`${at}.suite`, "suite", o.suite, catalog.suites.keys());
      if (o.type !== "user" && o.type !== "device")
        problems.push({
          code: "SCHEMA",
          path: `${at}.type`,
          message: "a suite is bought per user or per device",
          expected: "user | device",
          received: o.type ?? "nothing",
        });
    }
    if (o.externalConnector !== undefined) {
      const ec = catalog.externalConnectors.get(o.externalConnector);
      if (!ec)
        unknown(
          `${at}.externalConnector`,
          "External Connector",
          o.externalConnector,
          catalog.externalConnectors.keys(),
        );
      else if (o.version === undefined || !ec.versions.includes(o.version))
        problems.push({
          code: "SCHEMA",
          path: `${at}.version`,
          message: "an External Connector needs its version",
          expected: ec.versions.join(" | "),
          received: o.version ?? "nothing",
        });
      if (o.server === undefined)
        problems.push({
          code: "SCHEMA",
          path: `${at}.server`,
          message: "an External Connector is assigned to one server",
          expected: "a server name",
          received: "nothing",
        });
      else if (!servers.has(o.server)) unknown(`${at}.server`, "server", o.server, servers.keys());
    }
    o.assignedTo?.forEach((holder, j) => {
      if (!users.has(holder) && !devices.has(holder))
        unknown(`${at}.assignedTo[${j}]`, "user or device", holder, []);
    });
    if (o.assignedTo && o.assignedTo.length > o.quantity)
      problems.push({
        code: "SCHEMA",
        path: `${at}.assignedTo`,
        message: "more holders than licences",
        expected: `at most ${o.quantity}`,
        received: String(o.assignedTo.length),
      });
  });

  // Prices.
  let prices: PriceList | undefined;
  if (typeof d.prices === "string") {
    problems.push({
      code: "SCHEMA",
      path: "prices",
      message: "the price list file was not loaded",
      expected: "a price list",
      received: d.prices,
    });
  } else if (d.prices) {
    prices = d.prices;
    d.prices.items.forEach((p, i) => {
      const at = `prices.items[${i}]`;
      if (p.family !== undefined) {
        const family = catalog.families.get(p.family);
        if (!family) unknown(`${at}.family`, "CAL family", p.family, catalog.families.keys());
        else if (p.version === undefined || !family.versions.includes(p.version))
          problems.push({
            code: "SCHEMA",
            path: `${at}.version`,
            message: `a ${p.family} price needs its version`,
            expected: family.versions.join(" | "),
            received: p.version ?? "nothing",
          });
        if (p.type === undefined)
          problems.push({
            code: "SCHEMA",
            path: `${at}.type`,
            message: "a CAL price needs its type",
            expected: "user | device",
            received: "nothing",
          });
      }
      if (p.externalConnector !== undefined) {
        const ec = catalog.externalConnectors.get(p.externalConnector);
        if (!ec)
          unknown(
            `${at}.externalConnector`,
            "External Connector",
            p.externalConnector,
            catalog.externalConnectors.keys(),
          );
        else if (p.version === undefined || !ec.versions.includes(p.version))
          problems.push({
            code: "SCHEMA",
            path: `${at}.version`,
            message: "an External Connector price needs its version",
            expected: ec.versions.join(" | "),
            received: p.version ?? "nothing",
          });
      }
      if (p.product !== undefined && !catalog.products.has(p.product))
        unknown(`${at}.product`, "product", p.product, catalog.products.keys());
      if (p.suite !== undefined && !catalog.suites.has(p.suite))
        unknown(`${at}.suite`, "suite", p.suite, catalog.suites.keys());
    });
  }

  // Assignments (history and suites).
  d.assignments.forEach((a, i) => {
    const at = `assignments[${i}]`;
    if (a.family !== undefined && !catalog.families.has(a.family))
      unknown(`${at}.family`, "CAL family", a.family, catalog.families.keys());
    if (a.suite !== undefined && !catalog.suites.has(a.suite))
      unknown(`${at}.suite`, "suite", a.suite, catalog.suites.keys());
    for (const [family, holder] of Object.entries(a.coverage ?? {})) {
      if (!catalog.families.has(family))
        unknown(`${at}.coverage.${family}`, "CAL family", family, catalog.families.keys());
      if (!users.has(holder) && !devices.has(holder))
        unknown(`${at}.coverage.${family}`, "user or device", holder, []);
    }
  });

  // Assumptions: defaults from the catalog, overridden by the file.
  const assumptions = new Map<string, AssumptionValue>();
  for (const a of catalog.assumptions.values()) assumptions.set(a.id, a.default);
  const overridden = new Set<string>();
  for (const [key, value] of Object.entries(d.assumptions)) {
    const a = catalog.assumptions.get(key);
    if (!a) unknown(`assumptions.${key}`, "assumption", key, catalog.assumptions.keys());
    else if (!a.options.includes(value))
      problems.push({
        code: "SCHEMA",
        path: `assumptions.${key}`,
        message: `not an option of ${key}`,
        expected: a.options.join(" | "),
        received: String(value),
      });
    else {
      assumptions.set(key, value);
      overridden.add(key);
    }
  }

  if (problems.length > 0) return { success: false, problems };
  return {
    success: true,
    value: {
      name: d.name,
      servers,
      users,
      devices,
      accesses,
      anonymous: d.anonymous,
      owned: d.owned,
      ...(prices ? { prices } : {}),
      assignments: d.assignments,
      assumptions,
      overriddenAssumptions: overridden,
      ...(d.asOf ? { asOf: d.asOf } : {}),
    },
  };
}

function knownServices(catalog: Catalog): Set<string> {
  const services = new Set<string>();
  for (const p of catalog.products.values())
    for (const s of Object.keys(p.services ?? {})) services.add(s);
  return services;
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
