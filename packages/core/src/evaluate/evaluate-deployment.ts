import { type Catalog, ruleSources, tierOf } from "../catalog/catalog.ts";
import { checkReassignments } from "../compliance/check-reassignments.ts";
import { checkSuiteAssignments } from "../compliance/check-suite-assignments.ts";
import type { ResolvedDeployment } from "../deployment/resolved-deployment.ts";
import type { Finding } from "../findings/finding.ts";
import { choosePackPurchase } from "../optimise/packs/choose-pack-purchase.ts";
import {
  type ConnectorOption,
  type FamilyPlan,
  planFamilyCover,
} from "../optimise/plan-family-cover.ts";
import { createPriceBook, type PriceBook, unitPrice } from "../pricing/price-book.ts";
import { checkEditionLimits } from "../rules/check-edition-limits.ts";
import { countServerLicences } from "../rules/count-server-licences.ts";
import { type DemandItem, deriveCalDemand } from "../rules/derive-cal-demand.ts";
import { collectOwnedPools } from "./collect-owned-pools.ts";
import {
  type EvaluationResult,
  type FamilyResult,
  type HolderLine,
  type PurchaseLine,
  RESULT_SCHEMA_VERSION,
} from "./evaluation-result.ts";

/**
 * Evaluates a resolved deployment against the catalog: server licences, edition limits, the exact cheapest CAL
 * cover per family (with owned CALs and External Connectors), the compliance position, and the cheapest packs
 * to close every shortfall. Pure: no I/O, no clock.
 */
export function evaluateDeployment(
  deployment: ResolvedDeployment,
  catalog: Catalog,
): EvaluationResult {
  const used = new Set<string>();
  const prices = createPriceBook(deployment.prices, catalog);
  const findings: Finding[] = [];
  const serverLicences = countServerLicences(deployment, catalog);
  findings.push(...checkEditionLimits(deployment, catalog, used));

  const demand = deriveCalDemand(deployment, catalog, used);
  const owned = collectOwnedPools(deployment, catalog, demand.items, used);
  const familyIds = [...new Set([...demand.items.keys(), ...owned.pools.keys()])].sort(
    (a, b) => order(catalog, a) - order(catalog, b),
  );

  const families: FamilyResult[] = [];
  const purchases: PurchaseLine[] = [];
  for (const familyId of familyIds) {
    const family = catalog.families.get(familyId);
    if (!family) continue;
    const items = demand.items.get(familyId) ?? [];
    const connectors = connectorOptions(deployment, catalog, prices, familyId, items, used);
    const plan = planFamilyCover(
      family,
      items,
      owned.pools.get(familyId) ?? [],
      owned.held.get(familyId) ?? new Map(),
      prices,
      connectors,
    );
    families.push(familyResult(plan, catalog));
    purchases.push(...purchaseLines(plan, prices, catalog));
    findings.push(...shortfallFindings(plan, catalog));
    if (plan.unpricedTiers.length > 0 && prices.priced)
      findings.push({
        code: "PRICE_MISSING",
        severity: "warning",
        message: `the price list has no price for ${family.name} ${plan.unpricedTiers.join(", ")}: those were weighed as 1 and are not in the total`,
        subject: { family: familyId },
        rule: "pack-purchase",
        sources: ruleSources(catalog, "pack-purchase"),
      });
  }
  findings.push(...connectorMisuse(deployment, catalog, demand.items));
  findings.push(...checkSuiteAssignments(deployment.assignments, catalog));
  findings.push(...checkReassignments(deployment.assignments, catalog));

  const costs = purchases.map((p) => p.cost);
  const purchaseTotal =
    !prices.priced || costs.some((c) => c === null)
      ? null
      : costs.reduce<number>((s, c) => s + (c ?? 0), 0);
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    catalogVersion: catalog.version,
    deployment: deployment.name,
    compliant: !findings.some((f) => f.severity === "error"),
    currency: prices.currency ?? null,
    priceList: prices.priced
      ? { name: prices.listName ?? "inline", version: prices.listVersion ?? null }
      : null,
    serverLicences,
    families,
    purchases,
    purchaseTotal,
    exemptions: demand.exemptions,
    findings,
    assumptions: [...catalog.assumptions.values()]
      .filter((a) => used.has(a.id) || deployment.overriddenAssumptions.has(a.id))
      .map((a) => ({
        id: a.id,
        value: deployment.assumptions.get(a.id) ?? a.default,
        default: a.default,
        overridden: deployment.overriddenAssumptions.has(a.id),
        text: a.text,
        sources: a.sources,
      })),
  };
}

function order(catalog: Catalog, familyId: string): number {
  return [...catalog.families.keys()].indexOf(familyId);
}

/** External Connector options per server with external users in this family: owned ones free, else priced. */
function connectorOptions(
  deployment: ResolvedDeployment,
  catalog: Catalog,
  prices: PriceBook,
  familyId: string,
  items: readonly DemandItem[],
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

function familyResult(plan: FamilyPlan, catalog: Catalog): FamilyResult {
  const { family } = plan;
  const trace = new Map<string, { servers: Set<string>; accesses: Set<number> }>();
  const note = (holder: string, i: DemandItem) => {
    const t = trace.get(holder) ?? { servers: new Set<string>(), accesses: new Set<number>() };
    t.servers.add(i.server);
    t.accesses.add(i.access);
    trace.set(holder, t);
  };
  const rules = new Set<string>(["cal-per-user-or-device", "version-or-later"]);
  for (const i of plan.items) {
    for (const r of i.rules) rules.add(r);
    if (i.user !== undefined && plan.mix.userTier.has(i.user)) note(`u:${i.user}`, i);
    if (i.device !== undefined && plan.mix.deviceTier.has(i.device)) note(`d:${i.device}`, i);
  }
  const holder = (id: string, type: "user" | "device", tier: number): HolderLine => {
    const t = trace.get(`${type === "user" ? "u" : "d"}:${id}`);
    return {
      id,
      type,
      version: family.versions[tier] as string,
      servers: [...(t?.servers ?? [])].sort(),
      accesses: [...(t?.accesses ?? [])].sort((a, b) => a - b),
    };
  };
  const holders = [
    ...[...plan.mix.userTier].map(([id, t]) => holder(id, "user", t)),
    ...[...plan.mix.deviceTier].map(([id, t]) => holder(id, "device", t)),
  ];
  if (plan.pools.length > 0) rules.add("included-cals");
  if (plan.connectors.length > 0) rules.add("external-connector");
  const sources = new Set<string>(family.sources);
  for (const r of rules) for (const s of ruleSources(catalog, r)) sources.add(s);
  return {
    family: family.id,
    name: family.name,
    ...(family.additiveTo ? { additiveTo: family.additiveTo } : {}),
    holders,
    required: plan.allocation.needs.map((n) => ({
      version: family.versions[n.tier] as string,
      type: n.type,
      count: n.count,
      coveredByOwned: n.covered,
      shortfall: n.shortfall,
    })),
    owned: plan.pools.map((p, i) => ({
      version: family.versions[p.tier] as string,
      type: p.type,
      quantity: p.quantity,
      used: plan.allocation.used[i] ?? 0,
      surplus: p.quantity - (plan.allocation.used[i] ?? 0),
      source: p.source,
    })),
    externalConnectors: plan.connectors.map((c) => ({
      server: c.server,
      connector: c.connector,
      version: c.version,
      owned: c.owned,
      chosen: c.chosen,
      price: c.price,
      externalUsers: c.externalUsers,
    })),
    optimisation: {
      exactness: plan.exactness,
      method: plan.method,
      cost: plan.trueCost,
      lowerBound: plan.lowerBound,
      tieBreak: plan.mix.tieBreak,
      certificate: plan.mix.certificate,
    },
    rules: [...rules],
    sources: [...sources].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))),
  };
}

function purchaseLines(plan: FamilyPlan, prices: PriceBook, catalog: Catalog): PurchaseLine[] {
  const lines: PurchaseLine[] = [];
  const sources = ruleSources(catalog, "pack-purchase");
  for (const b of plan.toBuy) {
    const packs = prices.calPacks(plan.family.id, b.version, b.type);
    const shortText = `shortfall of ${b.units} ${plan.family.name} ${b.type} CAL${b.units === 1 ? "" : "s"} (version ${b.version} or later)`;
    if (packs.length === 0) {
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
    const choice = choosePackPurchase(b.units, packs);
    lines.push({
      kind: "cal",
      family: plan.family.id,
      version: b.version,
      type: b.type,
      units: choice.units,
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

function shortfallFindings(plan: FamilyPlan, catalog: Catalog): Finding[] {
  return plan.allocation.needs
    .filter((n) => n.shortfall > 0)
    .map((n) => {
      const version = plan.family.versions[n.tier] as string;
      return {
        code: "CAL_SHORTFALL",
        severity: "error" as const,
        message: `${n.count} ${n.type}${n.count === 1 ? "" : "s"} need a ${plan.family.name} of version ${version} or later; owned CALs cover ${n.covered}, ${n.shortfall} short`,
        expected: n.count,
        received: n.covered,
        subject: { family: plan.family.id, version, type: n.type },
        remedy: `buy ${n.shortfall} ${plan.family.name}${n.shortfall === 1 ? "" : "s"} (${n.type}) of version ${version} or later`,
        rule: "version-or-later",
        sources: [
          ...new Set([
            ...ruleSources(catalog, "cal-per-user-or-device"),
            ...ruleSources(catalog, "version-or-later"),
          ]),
        ],
      };
    });
}

/** An owned External Connector never covers employees or onsite contractors: say so where internal users rely on a server that has one. */
function connectorMisuse(
  deployment: ResolvedDeployment,
  catalog: Catalog,
  items: ReadonlyMap<string, readonly DemandItem[]>,
): Finding[] {
  const findings: Finding[] = [];
  for (const o of deployment.owned) {
    if (o.externalConnector === undefined || o.server === undefined) continue;
    const ec = catalog.externalConnectors.get(o.externalConnector);
    if (!ec) continue;
    const internal = new Set(
      (items.get(ec.family) ?? [])
        .filter((i) => i.server === o.server && !i.external)
        .map((i) => i.user ?? i.device),
    );
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
