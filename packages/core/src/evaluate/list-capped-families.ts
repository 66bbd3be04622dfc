import { editionAddOns } from "../catalog/edition-add-ons.ts";
import type { ResolvedDeployment } from "../deployment/resolved-deployment.ts";
import type { Finding } from "../findings/finding.ts";

/**
 * The CAL families no purchase should be advised for because a server whose edition requires them (or
 * includes them) is over its edition's cap, and those of the add-ons sold only beside that edition (SBS 2011
 * Premium Add-on [R27]): buying them would leave the deployment non-compliant, since the edition itself must
 * change first [R1, R21, R26]. The CALs of a product's services are left alone (other servers may share them).
 * Maps each family to the reason, for the shortfall's remedy.
 */
export function listCappedFamilies(
  editionFindings: readonly Finding[],
  deployment: ResolvedDeployment,
): Map<string, string> {
  const capped = new Map<string, string>();
  for (const f of editionFindings) {
    const server = deployment.servers.get(f.subject?.server ?? "");
    if (!server) continue;
    const reason = `no CAL purchase closes this: ${server.name} runs ${server.product.name}, which cannot serve this deployment (${f.code}); move it to an edition that can, then buy the CALs that edition needs`;
    const products = [
      server.product,
      ...[...deployment.servers.values()]
        .map((s) => s.product)
        .filter((p) => editionAddOns.get(p.id) === server.product.id),
    ];
    for (const product of products)
      for (const family of [
        ...product.cals.map((c) => c.family),
        ...(product.includedCals ?? []).map((c) => c.family),
      ])
        if (!capped.has(family)) capped.set(family, reason);
  }
  return capped;
}
