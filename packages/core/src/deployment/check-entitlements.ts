import type { Catalog } from "../catalog/catalog.ts";
import type { Deployment } from "./deployment-schema.ts";
import type { ProblemCollector } from "./problem-collector.ts";
import type { ResolvedServer } from "./resolved-deployment.ts";

/** Checks owned entitlements and assignment records against the catalog, the servers and the holders. */
export function checkEntitlements(
  d: Deployment,
  catalog: Catalog,
  servers: ReadonlyMap<string, ResolvedServer>,
  users: ReadonlyMap<string, unknown>,
  devices: ReadonlyMap<string, unknown>,
  out: ProblemCollector,
): void {
  d.owned.forEach((o, i) => {
    const at = `owned[${i}]`;
    if (o.family !== undefined) {
      const family = catalog.families.get(o.family);
      if (!family) out.unknown(`${at}.family`, "CAL family", o.family, catalog.families.keys());
      else if (o.version === undefined || !family.versions.includes(o.version))
        out.push({
          code: "SCHEMA",
          path: `${at}.version`,
          message: `a ${o.family} entitlement needs its version`,
          expected: family.versions.join(" | "),
          received: o.version ?? "nothing",
        });
      if (o.type === undefined)
        out.push({
          code: "SCHEMA",
          path: `${at}.type`,
          message: "a CAL entitlement needs its type",
          expected: "user | device | either",
          received: "nothing",
        });
    }
    if (o.suite !== undefined) {
      if (!catalog.suites.has(o.suite))
        out.unknown(`${at}.suite`, "suite", o.suite, catalog.suites.keys());
      if (o.type !== "user" && o.type !== "device")
        out.push({
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
        out.unknown(
          `${at}.externalConnector`,
          "External Connector",
          o.externalConnector,
          catalog.externalConnectors.keys(),
        );
      else if (o.version === undefined || !ec.versions.includes(o.version))
        out.push({
          code: "SCHEMA",
          path: `${at}.version`,
          message: "an External Connector needs its version",
          expected: ec.versions.join(" | "),
          received: o.version ?? "nothing",
        });
      if (o.server === undefined)
        out.push({
          code: "SCHEMA",
          path: `${at}.server`,
          message: "an External Connector is assigned to one server",
          expected: "a server name",
          received: "nothing",
        });
      else if (!servers.has(o.server))
        out.unknown(`${at}.server`, "server", o.server, servers.keys());
    }
    o.assignedTo?.forEach((holder, j) => {
      if (!users.has(holder) && !devices.has(holder))
        out.unknown(`${at}.assignedTo[${j}]`, "user or device", holder, []);
    });
    if (o.assignedTo && o.assignedTo.length > o.quantity)
      out.push({
        code: "SCHEMA",
        path: `${at}.assignedTo`,
        message: "more holders than licences",
        expected: `at most ${o.quantity}`,
        received: String(o.assignedTo.length),
      });
  });
  d.assignments.forEach((a, i) => {
    const at = `assignments[${i}]`;
    if (a.family !== undefined && !catalog.families.has(a.family))
      out.unknown(`${at}.family`, "CAL family", a.family, catalog.families.keys());
    if (a.suite !== undefined && !catalog.suites.has(a.suite))
      out.unknown(`${at}.suite`, "suite", a.suite, catalog.suites.keys());
    for (const [family, holder] of Object.entries(a.coverage ?? {})) {
      if (!catalog.families.has(family))
        out.unknown(`${at}.coverage.${family}`, "CAL family", family, catalog.families.keys());
      if (!users.has(holder) && !devices.has(holder))
        out.unknown(`${at}.coverage.${family}`, "user or device", holder, []);
    }
  });
}
