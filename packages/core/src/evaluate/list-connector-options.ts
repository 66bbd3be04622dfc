import { type Catalog, tierOf } from "../catalog/catalog.ts";
import type { ResolvedDeployment } from "../deployment/resolved-deployment.ts";
import type { ConnectorOption } from "../optimise/plan-family-cover.ts";
import { type PriceBook, unitPrice } from "../price-list/price-book.ts";
import type { DemandList } from "../rules/demand-columns.ts";

/** External Connector options per server with external users in this family: owned ones free, else priced. */
export function listConnectorOptions(
  deployment: ResolvedDeployment,
  catalog: Catalog,
  prices: PriceBook,
  familyId: string,
  items: DemandList,
  used: Set<string>,
): ConnectorOption[] {
  const options: ConnectorOption[] = [];
  const family = catalog.families.get(familyId);
  if (!family) return options;
  const tierByServer = new Map<string, number>();
  for (const i of items)
    if (i.external) tierByServer.set(i.server, Math.max(tierByServer.get(i.server) ?? 0, i.tier));
  for (const ec of catalog.externalConnectors.values()) {
    if (ec.family !== familyId) continue;
    for (const [server, tier] of tierByServer) {
      used.add("external-connector-scope");
      const ownedEc = deployment.owned.find(
        (o) =>
          o.externalConnector === ec.id &&
          o.server === server &&
          o.version !== undefined &&
          tierOf(family, o.version) >= tier,
      );
      if (ownedEc?.version) {
        options.push({ server, connector: ec.id, version: ownedEc.version, owned: true, price: 0 });
        continue;
      }
      let best: { version: string; price: number } | undefined;
      for (const version of ec.versions) {
        if (tierOf(family, version) < tier) continue;
        const price = unitPrice(prices.connectorPacks(ec.id, version));
        if (price !== undefined && (!best || price < best.price)) best = { version, price };
      }
      if (best)
        options.push({
          server,
          connector: ec.id,
          version: best.version,
          owned: false,
          price: best.price,
        });
    }
  }
  return options;
}
