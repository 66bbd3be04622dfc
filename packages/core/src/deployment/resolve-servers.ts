import type { Catalog } from "../catalog/catalog.ts";
import type { Deployment } from "./deployment-schema.ts";
import type { ProblemCollector } from "./problem-collector.ts";
import type { ResolvedServer } from "./resolved-deployment.ts";

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
      out.unknown(`servers[${i}].product`, "product", s.product, catalog.products.keys());
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
        out.unknown(
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
      out.unknown(`servers[${i}].runsOn`, "server", s.runsOn, servers.keys());
  });
  for (const [host, names] of guests) {
    const server = servers.get(host);
    if (server) servers.set(host, { ...server, guests: names });
  }
  return servers;
}
