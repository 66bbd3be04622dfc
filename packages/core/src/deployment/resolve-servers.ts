import type { Catalog } from "../catalog/catalog.ts";
import type { Deployment } from "./deployment-schema.ts";
import type { ProblemCollector } from "./problem-collector.ts";
import type { ResolvedServer } from "./resolved-deployment.ts";
import { unknownProduct } from "./unknown-product.ts";

/** Resolves servers to their catalog products and applications, and links guests to their hosts. */
export function resolveServers(
  d: Deployment,
  catalog: Catalog,
  out: ProblemCollector,
): Map<string, ResolvedServer> {
  const servers = new Map<string, ResolvedServer>();
  const guests = new Map<string, string[]>();
  for (const [i, s] of d.servers.entries()) {
    if (servers.has(s.name)) {
      out.duplicate(`servers[${i}].name`, "server", s.name);
      continue;
    }
    const product = catalog.products.get(s.product);
    if (!product) {
      out.push(
        unknownProduct(`servers[${i}].product`, "product", s.product, [
          ...catalog.products.values(),
        ]),
      );
      out.markUnresolved("server", s.name);
      continue;
    }
    if (product.kind !== "operating-system")
      out.push({
        code: "SCHEMA",
        path: `servers[${i}].product`,
        message: `'${s.product}' is an application; name it under applications`,
        expected: "an operating-system product",
        received: s.product,
      });
    const applications = s.applications.flatMap((a, j) => {
      const app = catalog.products.get(a);
      if (!app) {
        out.push(
          unknownProduct(
            `servers[${i}].applications[${j}]`,
            "application",
            a,
            [...catalog.products.values()].filter((p) => p.kind === "application"),
          ),
        );
        return [];
      }
      return [app];
    });
    if (s.runsOn !== undefined) guests.set(s.runsOn, [...(guests.get(s.runsOn) ?? []), s.name]);
    servers.set(s.name, { spec: s, name: s.name, product, applications, guests: [] });
  }
  d.servers.forEach((s, i) => {
    if (s.runsOn === undefined) return;
    const path = `servers[${i}].runsOn`;
    const host = servers.get(s.runsOn);
    if (s.runsOn === s.name)
      out.push({
        code: "RUNS_ON_CYCLE",
        path,
        message: `server '${s.name}' runs on itself`,
        expected: "the name of the physical host that licenses this virtual machine",
        received: s.runsOn,
      });
    else if (!host) out.unknown(path, "server", s.runsOn, servers.keys());
    else if (host.spec.runsOn !== undefined)
      // A host's licence covers the virtual machines on it [R23, R31]; a guest's "host" that is itself a
      // guest either loops back (a cycle licenses nothing) or is nested virtualisation, which is not modelled.
      out.push({
        code: "RUNS_ON_CYCLE",
        path,
        message: isCycle(s.name, servers)
          ? `servers '${s.name}' and '${s.runsOn}' run on each other (a cycle: no server would hold a licence)`
          : `server '${s.runsOn}' is itself a virtual machine on '${host.spec.runsOn}': name the physical host`,
        expected: "the name of a physical host (a server without runsOn)",
        received: s.runsOn,
      });
  });
  for (const [host, names] of guests) {
    const server = servers.get(host);
    if (server) servers.set(host, { ...server, guests: names });
  }
  return servers;
}

/** Whether following runsOn from `name` comes back to `name`. */
function isCycle(name: string, servers: ReadonlyMap<string, ResolvedServer>): boolean {
  const seen = new Set<string>();
  for (
    let at = servers.get(name)?.spec.runsOn;
    at !== undefined;
    at = servers.get(at)?.spec.runsOn
  ) {
    if (at === name) return true;
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}
