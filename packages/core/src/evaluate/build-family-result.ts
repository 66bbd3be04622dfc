import { type Catalog, mergeSources, ruleSources } from "../catalog/catalog.ts";
import type { FamilyPlan } from "../optimise/plan-family-cover.ts";
import type { DemandItem } from "../rules/derive-cal-demand.ts";
import type { FamilyResult, HolderLine } from "./evaluation-result-schema.ts";

/** One family's answer for the report: holders with their accesses, needs, owned pools, connectors, proof. */
export function buildFamilyResult(plan: FamilyPlan, catalog: Catalog): FamilyResult {
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
      gap: plan.trueCost - plan.lowerBound,
      gapPercent:
        plan.trueCost === 0
          ? 0
          : Math.round(((plan.trueCost - plan.lowerBound) / plan.trueCost) * 10_000) / 100,
      tieBreak: plan.mix.tieBreak,
      certificate: plan.mix.certificate,
    },
    rules: [...rules],
    sources: mergeSources([...sources]),
  };
}
