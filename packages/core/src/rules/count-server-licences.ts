import { type Catalog, mergeSources, ruleSources } from "../catalog/catalog.ts";
import type { ResolvedDeployment, ResolvedServer } from "../deployment/resolved-deployment.ts";
import type { ServerLicenceLine } from "./server-licence-line.ts";

/** Counts the server licences of every server. Guests that run on a host are covered by the host's licence. */
export function countServerLicences(
  deployment: ResolvedDeployment,
  catalog: Catalog,
): ServerLicenceLine[] {
  const lines: ServerLicenceLine[] = [];
  for (const server of deployment.servers.values()) {
    const host = server.spec.runsOn;
    if (host !== undefined) {
      lines.push({
        ...base(server, catalog),
        quantity: 0,
        unit: "server",
        explanation: `virtual machine on ${host}: covered by ${host}'s licence (down-level guests use downgrade rights)`,
      });
      continue;
    }
    lines.push(countOne(server, catalog));
  }
  return lines;
}

function base(server: ResolvedServer, catalog: Catalog) {
  return {
    server: server.name,
    product: server.product.id,
    productName: server.product.name,
    rule: "server-licence-count",
    sources: mergeSources(ruleSources(catalog, "server-licence-count"), server.product.sources),
  };
}

function countOne(server: ResolvedServer, catalog: Catalog): ServerLicenceLine {
  const licensing = server.product.licensing;
  const processors = server.spec.processors;
  const vms = Math.max(server.spec.virtualMachines, server.guests.length);
  const vmText = vms > 0 ? `${vms} VM${vms === 1 ? "" : "s"}` : "no VMs";
  switch (licensing.kind) {
    case "per-server": {
      // Each licence of a per-server edition covers its stated number of virtual instances [R3][R31].
      const perLicence = licensing.virtualInstancesPerLicence;
      const quantity =
        typeof perLicence === "number" && perLicence > 0
          ? Math.max(1, Math.ceil(vms / perLicence))
          : 1;
      return {
        ...base(server, catalog),
        quantity,
        unit: "server",
        explanation:
          quantity > 1
            ? `${vmText} at ${perLicence} virtual instance${perLicence === 1 ? "" : "s"} per licence → ${quantity} licences`
            : "one licence per server",
      };
    }
    case "per-processor":
      return {
        ...base(server, catalog),
        quantity: processors,
        unit: "processor",
        explanation: `one licence per physical processor: ${processors}`,
      };
    case "per-processor-pair": {
      const forProcessors = Math.ceil(processors / 2);
      const perLicence = licensing.virtualInstancesPerLicence;
      const forVms = perLicence === "unlimited" ? 0 : Math.ceil(vms / perLicence);
      const quantity = Math.max(forProcessors, forVms, 1);
      const vmPart =
        perLicence === "unlimited"
          ? "unlimited VMs"
          : `${vmText} at ${perLicence} per licence → ${forVms}`;
      return {
        ...base(server, catalog),
        quantity,
        unit: "processor-pair",
        explanation: `max(ceil(${processors} processors / 2) = ${forProcessors}, ${vmPart}) = ${quantity}`,
      };
    }
    case "per-core": {
      const perProcessor = Math.max(
        server.spec.coresPerProcessor ?? licensing.minimumCoresPerProcessor,
        licensing.minimumCoresPerProcessor,
      );
      const licensedCores = Math.max(perProcessor * processors, licensing.minimumCoresPerServer);
      const perLicence = licensing.virtualInstancesPerLicence;
      const times = perLicence === "unlimited" ? 1 : Math.max(1, Math.ceil(vms / perLicence));
      const cores = licensedCores * times;
      const packs = Math.ceil(cores / licensing.coresPerPack);
      const vmPart =
        perLicence === "unlimited" ? "unlimited VMs" : `${vmText}: all cores licensed ${times}×`;
      return {
        ...base(server, catalog),
        quantity: packs,
        unit: "core-pack",
        cores,
        explanation: `${
          server.spec.coresPerProcessor === undefined
            ? `cores per processor not given, so the minimum: max(${processors} × ${licensing.minimumCoresPerProcessor} cores, ${licensing.minimumCoresPerServer})`
            : `max(${processors} × max(${server.spec.coresPerProcessor}, ${licensing.minimumCoresPerProcessor}) cores, ${licensing.minimumCoresPerServer})`
        } = ${licensedCores} cores; ${vmPart} → ${cores} cores = ${packs} ${licensing.coresPerPack}-core packs`,
      };
    }
  }
}
