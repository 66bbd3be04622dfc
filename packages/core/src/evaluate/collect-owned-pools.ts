import { type Catalog, tierOf } from "../catalog/catalog.ts";
import type { OwnedPool } from "../compliance/allocate-owned.ts";
import type { ResolvedDeployment } from "../deployment/resolved-deployment.ts";
import type { DemandList } from "../rules/demand-columns.ts";

/** Owned CALs of every family: included with servers, bought, and the share of suites; plus named holders. */
export interface OwnedByFamily {
  readonly pools: ReadonlyMap<string, OwnedPool[]>;
  /** Per family, holders with an assigned CAL and its tier (free for them in the optimiser). */
  readonly held: ReadonlyMap<string, Map<string, number>>;
}

/**
 * Collects the owned CALs per family. CALs included with a server licence count as owned (rule included-cals),
 * typed by assumption `included-cal-type`. A suite counts once in every family it covers, at that family's
 * latest version, held by the same users or devices in all of them (a suite is never split).
 */
export function collectOwnedPools(
  deployment: ResolvedDeployment,
  catalog: Catalog,
  demand: ReadonlyMap<string, DemandList>,
  usedAssumptions: Set<string>,
): OwnedByFamily {
  const pools = new Map<string, OwnedPool[]>();
  const held = new Map<string, Map<string, number>>();
  const add = (family: string, pool: OwnedPool) =>
    pools.set(family, [...(pools.get(family) ?? []), pool]);
  const hold = (family: string, holder: string, tier: number) => {
    const m = held.get(family) ?? new Map<string, number>();
    m.set(holder, Math.max(m.get(holder) ?? -1, tier));
    held.set(family, m);
  };

  for (const server of deployment.servers.values()) {
    if (server.spec.runsOn !== undefined) continue;
    for (const inc of server.product.includedCals ?? []) {
      const family = catalog.families.get(inc.family);
      if (!family) continue;
      usedAssumptions.add("included-cal-type");
      const type = deployment.assumptions.get("included-cal-type") as OwnedPool["type"];
      add(inc.family, {
        type,
        tier: tierOf(family, inc.version),
        quantity: inc.quantity,
        source: `included with ${server.name} (${server.product.name})`,
      });
    }
  }

  for (const o of deployment.owned) {
    if (o.family !== undefined && o.version !== undefined && o.type !== undefined) {
      const family = catalog.families.get(o.family);
      if (!family) continue;
      const tier = tierOf(family, o.version);
      add(o.family, {
        type: o.type,
        tier,
        quantity: o.quantity,
        source: o.source ?? "owned",
        ...(o.assignedTo ? { assigned: o.assignedTo.length } : {}),
      });
      for (const h of o.assignedTo ?? []) hold(o.family, h, tier);
    }
    if (o.suite !== undefined && (o.type === "user" || o.type === "device")) {
      const suite = catalog.suites.get(o.suite);
      if (!suite) continue;
      const holders = o.assignedTo ?? chooseSuiteHolders(suite.covers, o.type, o.quantity, demand);
      for (const familyId of suite.covers) {
        const family = catalog.families.get(familyId);
        if (!family) continue;
        const tier = family.versions.length - 1;
        add(familyId, {
          type: o.type,
          tier,
          quantity: o.quantity,
          source: o.source ?? `${suite.name}`,
          assigned: holders.length,
        });
        for (const h of holders) hold(familyId, h, tier);
      }
    }
  }
  return { pools, held };
}

/** Unnamed suite holders: the users (or devices) that need the most of the suite's families, in file order. */
function chooseSuiteHolders(
  covers: readonly string[],
  type: "user" | "device",
  quantity: number,
  demand: ReadonlyMap<string, DemandList>,
): string[] {
  const score = new Map<string, number>();
  for (const family of covers) {
    const seen = new Set<string>();
    for (const item of demand.get(family) ?? []) {
      const holder = type === "user" ? item.user : item.device;
      if (holder === undefined || seen.has(holder)) continue;
      seen.add(holder);
      score.set(holder, (score.get(holder) ?? 0) + 1);
    }
  }
  return [...score.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, quantity)
    .map(([h]) => h);
}
