import { type Catalog, mergeSources, ruleSources } from "../catalog/catalog.ts";
import type { ResolvedDeployment } from "../deployment/resolved-deployment.ts";
import type { Finding } from "../findings/finding.ts";

const codes = {
  users: "EDITION_USER_LIMIT",
  devices: "EDITION_DEVICE_LIMIT",
  processors: "EDITION_PROCESSOR_LIMIT",
  cores: "EDITION_CORE_LIMIT",
  virtualMachines: "EDITION_VM_LIMIT",
} as const;

/**
 * Checks each server against its edition's user, device, processor, core and VM caps; a cap may be a named
 * assumption. Cores are checked only when the deployment gives the cores per processor.
 */
export function checkEditionLimits(
  deployment: ResolvedDeployment,
  catalog: Catalog,
  used: Set<string>,
): Finding[] {
  const findings: Finding[] = [];
  for (const server of deployment.servers.values()) {
    const limits = server.product.limits;
    if (!limits) continue;
    const users = new Set<string>();
    const devices = new Set<string>();
    for (const a of deployment.accesses) {
      if (a.server !== server.name || a.fromServer !== undefined) continue;
      if (a.user !== undefined) users.add(a.user);
      if (a.device !== undefined) devices.add(a.device);
    }
    const actual = {
      users: Math.max(server.spec.userAccounts ?? 0, users.size),
      devices: Math.max(server.spec.deviceCount ?? 0, devices.size),
      processors: server.spec.processors,
      cores:
        server.spec.coresPerProcessor === undefined
          ? undefined
          : server.spec.processors * server.spec.coresPerProcessor,
      virtualMachines: Math.max(server.spec.virtualMachines, server.guests.length),
    };
    for (const key of ["users", "devices", "processors", "cores", "virtualMachines"] as const) {
      const limit = limits[key];
      const value = actual[key];
      if (limit === undefined || value === undefined) continue;
      let cap: number | undefined;
      if (typeof limit === "number") cap = limit;
      else {
        used.add(limit.assumption);
        const assumed = deployment.assumptions.get(limit.assumption);
        cap = typeof assumed === "number" ? assumed : undefined;
      }
      if (cap === undefined || value <= cap) continue;
      const next = server.product.outgrowsTo
        ? catalog.products.get(server.product.outgrowsTo)
        : undefined;
      const userCount = actual.users;
      findings.push({
        code: codes[key],
        severity: "error",
        message: `${server.name} (${server.product.name}) serves ${value} ${key}; the edition allows at most ${cap}`,
        expected: `at most ${cap} ${key}`,
        received: value,
        subject: { server: server.name, product: server.product.id },
        ...(next
          ? {
              remedy:
                key === "processors" || key === "cores" || key === "virtualMachines"
                  ? `move to ${next.name}`
                  : `move to ${next.name} with ${userCount} CAL${userCount === 1 ? "" : "s"} (one per user, or per device where cheaper)`,
            }
          : {}),
        rule: "edition-limit",
        sources: mergeSources(ruleSources(catalog, "edition-limit"), server.product.sources),
      });
    }
  }
  return findings;
}
