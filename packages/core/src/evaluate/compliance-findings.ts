import { type Catalog, mergeSources, ruleSources } from "../catalog/catalog.ts";
import type { ResolvedDeployment } from "../deployment/resolved-deployment.ts";
import type { Finding } from "../findings/finding.ts";
import { nameCals } from "../findings/name-cals.ts";
import type { FamilyPlan } from "../optimise/plan-family-cover.ts";
import type { DemandList } from "../rules/demand-columns.ts";

/**
 * A shortfall in words a sales agent reads out: "You own none of the 7 Windows Server user CALs (version 2025
 * or later) this deployment needs: buy 7", not "owned CALs cover 0, 7 short".
 */
function describeShortfall(
  need: { readonly count: number; readonly covered: number; readonly shortfall: number },
  cals: string,
  version: string,
  buyable: boolean,
): string {
  const what = `${cals} (version ${version} or later) this deployment needs${buyable ? `: buy ${need.shortfall}` : ""}`;
  if (need.count === 1) return `You do not own the ${what}`;
  return `You own ${need.covered === 0 ? "none" : need.covered} of the ${need.count} ${what}`;
}

/**
 * A CAL_SHORTFALL finding for every need that owned CALs do not cover; with `noPurchase` (why buying CALs closes
 * nothing: the server's edition is over its cap) that reason is the remedy and the message says buy nothing.
 */
export function shortfallFindings(
  plan: FamilyPlan,
  catalog: Catalog,
  noPurchase?: string,
): Finding[] {
  return plan.allocation.needs
    .filter((n) => n.shortfall > 0)
    .map((n) => {
      const version = plan.family.versions[n.tier] as string;
      return {
        code: "CAL_SHORTFALL",
        severity: "error" as const,
        message: describeShortfall(
          n,
          nameCals(plan.family.name, n.type, n.count),
          version,
          noPurchase === undefined,
        ),
        expected: n.count,
        received: n.covered,
        subject: { family: plan.family.id, version, type: n.type },
        remedy:
          noPurchase ??
          `buy ${n.shortfall} ${nameCals(plan.family.name, n.type, n.shortfall)} of version ${version} or later`,
        rule: "version-or-later",
        sources: mergeSources(
          ruleSources(catalog, "cal-per-user-or-device"),
          ruleSources(catalog, "version-or-later"),
        ),
      };
    });
}

/** An owned External Connector never covers employees or onsite contractors: say so where internal users rely on a server that has one. */

/** An owned External Connector never covers employees or onsite contractors: say so where internal users rely on a server that has one. */
export function connectorMisuseFindings(
  deployment: ResolvedDeployment,
  catalog: Catalog,
  items: ReadonlyMap<string, DemandList>,
): Finding[] {
  const findings: Finding[] = [];
  for (const o of deployment.owned) {
    if (o.externalConnector === undefined || o.server === undefined) continue;
    const ec = catalog.externalConnectors.get(o.externalConnector);
    if (!ec) continue;
    const internal = new Set<string | undefined>();
    for (const i of items.get(ec.family) ?? [])
      if (i.server === o.server && !i.external) internal.add(i.user ?? i.device);
    if (internal.size === 0) continue;
    findings.push({
      code: "EXTERNAL_CONNECTOR_INTERNAL_USERS",
      severity: "info",
      message: `the ${ec.name} on ${o.server} covers external users only; ${internal.size} internal users or devices of ${o.server} still need CALs`,
      subject: { server: o.server, connector: ec.id },
      rule: "external-connector",
      sources: ruleSources(catalog, "external-connector"),
    });
  }
  return findings;
}
