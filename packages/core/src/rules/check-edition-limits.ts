import { type Catalog, mergeSources, ruleSources } from "../catalog/catalog.ts";
import type { ResolvedDeployment } from "../deployment/resolved-deployment.ts";
import type { Finding } from "../findings/finding.ts";
import { findExceededLimits } from "./find-exceeded-limits.ts";
import { listServingEditions } from "./list-serving-editions.ts";
import { measureServerLoad } from "./measure-server-load.ts";

const codes = {
  users: "EDITION_USER_LIMIT",
  devices: "EDITION_DEVICE_LIMIT",
  processors: "EDITION_PROCESSOR_LIMIT",
  cores: "EDITION_CORE_LIMIT",
  virtualMachines: "EDITION_VM_LIMIT",
} as const;

const nouns = {
  users: "users",
  devices: "devices",
  processors: "processors",
  cores: "cores",
  virtualMachines: "virtual machines",
} as const;

/**
 * Checks each server against its edition's user, device, processor, core and VM caps; a cap may be a named
 * assumption. Cores are checked only when the deployment gives the cores per processor. A server over a cap
 * cannot be made compliant by buying CALs, so each finding names, as data, the editions that can serve the
 * same load [R1, R21, R26].
 */
export function checkEditionLimits(
  deployment: ResolvedDeployment,
  catalog: Catalog,
  used: Set<string>,
): Finding[] {
  const findings: Finding[] = [];
  for (const server of deployment.servers.values()) {
    if (!server.product.limits) continue;
    const load = measureServerLoad(server, deployment);
    const exceeded = findExceededLimits(server.product, load, deployment.assumptions, (id) =>
      used.add(id),
    );
    if (exceeded.length === 0) continue;
    const serving = listServingEditions(server, load, deployment, catalog, (id) => used.add(id));
    const next = server.product.outgrowsTo
      ? catalog.products.get(server.product.outgrowsTo)
      : undefined;
    for (const { key, cap, value } of exceeded) {
      findings.push({
        code: codes[key],
        severity: "error",
        message: `${server.product.name} serves at most ${cap} ${nouns[key]}; ${server.name} has ${value}`,
        expected: `at most ${cap} ${key}`,
        received: value,
        subject: { server: server.name, product: server.product.id },
        ...(next
          ? {
              remedy:
                key === "processors" || key === "cores" || key === "virtualMachines"
                  ? `move to ${next.name}`
                  : `move to ${next.name} with ${load.users} CAL${load.users === 1 ? "" : "s"} (one per user, or per device where cheaper)`,
            }
          : {}),
        remedyEditions: serving,
        rule: "edition-limit",
        sources: mergeSources(ruleSources(catalog, "edition-limit"), server.product.sources),
      });
    }
  }
  return findings;
}
