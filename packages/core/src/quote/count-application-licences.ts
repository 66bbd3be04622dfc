import type { Catalog } from "../catalog/catalog.ts";
import type { ResolvedDeployment, ResolvedServer } from "../deployment/resolved-deployment.ts";
import { countServerLicences } from "../rules/count-server-licences.ts";
import type { ServerLicenceLine } from "../rules/server-licence-line.ts";

/**
 * The licences of the server applications (SQL Server, Exchange, SharePoint) installed on each server, counted
 * by the same rule as operating systems (`server-licence-count`) with the application's own licensing model.
 * The evaluation leaves them out because they need no CAL decision; a quote and the advisor must price them.
 */
export function countApplicationLicences(
  deployment: ResolvedDeployment,
  catalog: Catalog,
): ServerLicenceLine[] {
  const lines: ServerLicenceLine[] = [];
  for (const server of deployment.servers.values())
    for (const application of server.applications) {
      // The application is licensed on its own: no host licence covers it and VMs do not stack it.
      const asServer: ResolvedServer = {
        ...server,
        product: application,
        guests: [],
        spec: { ...server.spec, runsOn: undefined, virtualMachines: 0 },
      };
      lines.push(
        ...countServerLicences(
          { ...deployment, servers: new Map([[server.name, asServer]]) },
          catalog,
        ),
      );
    }
  return lines;
}
