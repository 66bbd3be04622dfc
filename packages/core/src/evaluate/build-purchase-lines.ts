import { type Catalog, ruleSources } from "../catalog/catalog.ts";
import { nameCals } from "../findings/name-cals.ts";
import { nameServedNeeds } from "../findings/name-served-needs.ts";
import { choosePackPurchase } from "../optimise/packs/choose-pack-purchase.ts";
import type { FamilyPlan } from "../optimise/plan-family-cover.ts";
import type { PriceBook } from "../price-list/price-book.ts";
import type { PurchaseLine } from "./evaluation-result-schema.ts";

/** Purchase lines of a family plan: the cheapest packs for each shortfall, and External Connectors chosen. */
export function buildPurchaseLines(
  plan: FamilyPlan,
  prices: PriceBook,
  catalog: Catalog,
): PurchaseLine[] {
  const lines: PurchaseLine[] = [];
  const sources = ruleSources(catalog, "pack-purchase");
  for (const b of plan.toBuy) {
    const cals = nameCals(plan.family.name, b.type, b.units);
    // Needs of the version bought keep the short wording; a later version bought says what is needed.
    const shortText = b.serves.every((s) => s.version === b.version)
      ? `shortfall of ${b.units} ${cals} (version ${b.version} or later)`
      : `shortfall of ${b.units} ${cals} for ${nameServedNeeds(b.type, b.serves, b.version)}`;
    const choice = b.purchase;
    if (choice === undefined || choice.packs.length === 0) {
      lines.push({
        kind: "cal",
        family: plan.family.id,
        version: b.version,
        type: b.type,
        units: b.units,
        packs: [],
        cost: null,
        overbuy: 0,
        reason: `${shortText}; not priced`,
        rule: "pack-purchase",
        sources,
      });
      continue;
    }
    lines.push({
      kind: "cal",
      family: plan.family.id,
      version: b.version,
      type: b.type,
      units: choice.units,
      serves: b.serves,
      packs: choice.packs.map((p) => ({ sku: p.id, size: p.size, count: p.count, price: p.price })),
      cost: choice.cost,
      overbuy: choice.units - b.units,
      reason: `${shortText}; cheapest pack mix${choice.units > b.units ? `, buying ${choice.units - b.units} more because it costs less` : ""}`,
      rule: "pack-purchase",
      sources,
    });
  }
  for (const c of plan.connectors) {
    if (!c.chosen || c.owned) continue;
    const packs = prices.connectorPacks(c.connector, c.version);
    const choice = packs.length > 0 ? choosePackPurchase(1, packs) : undefined;
    lines.push({
      kind: "external-connector",
      family: plan.family.id,
      version: c.version,
      connector: c.connector,
      server: c.server,
      units: 1,
      packs: choice
        ? choice.packs.map((p) => ({ sku: p.id, size: p.size, count: p.count, price: p.price }))
        : [],
      cost: choice ? choice.cost : null,
      overbuy: 0,
      reason: `${c.externalUsers} external users of ${c.server}: one External Connector costs less than their CALs`,
      rule: "external-connector",
      sources: ruleSources(catalog, "external-connector"),
    });
  }
  return lines;
}
