import { type Catalog, mergeSources, ruleSources } from "../catalog/catalog.ts";
import type { FamilyPlan } from "../optimise/plan-family-cover.ts";
import { type DemandItem, demandHolderNumbers } from "../rules/derive-cal-demand.ts";
import type { FamilyResult, HolderLine } from "./evaluation-result-schema.ts";

interface Trace {
  readonly tier: number;
  readonly servers: string[];
  readonly accesses: number[];
}

/** An empty trace per holder of the mix, in its order. */
function traceHolders(tiers: ReadonlyMap<string, number>): Map<string, Trace> {
  const traces = new Map<string, Trace>();
  for (const [id, tier] of tiers) traces.set(id, { tier, servers: [], accesses: [] });
  return traces;
}

/** A sorted array without its repeats, in place. */
function uniqueSorted<T>(sorted: T[]): T[] {
  let kept = 0;
  for (let index = 0; index < sorted.length; index++) {
    if (index === 0 || sorted[index] !== sorted[kept - 1]) sorted[kept++] = sorted[index] as T;
  }
  sorted.length = kept;
  return sorted;
}

/** Whether a small array is already in order (then sorting it is skipped). */
function isSorted<T>(values: readonly T[]): boolean {
  for (let index = 1; index < values.length; index++)
    if ((values[index - 1] as T) > (values[index] as T)) return false;
  return true;
}

/** Servers or accesses of one holder: sorted once, without repeats (most holders have one or two). */
function ordered<T>(values: T[], compare?: (a: T, b: T) => number): T[] {
  if (values.length < 2) return values;
  return uniqueSorted(isSorted(values) ? values : values.sort(compare));
}

/** A holder's trace (null when it holds no CAL), looked up by name once per holder number. */
function traceOf(
  traces: ReadonlyMap<string, Trace>,
  byNumber: (Trace | null | undefined)[],
  n: number | undefined,
  name: string,
): Trace | null {
  if (n === undefined || n < 0) return traces.get(name) ?? null;
  let trace = byNumber[n];
  if (trace === undefined) {
    trace = traces.get(name) ?? null;
    byNumber[n] = trace;
  }
  return trace;
}

/** One family's answer for the report: holders with their accesses, needs, owned pools, connectors, proof. */
export function buildFamilyResult(plan: FamilyPlan, catalog: Catalog): FamilyResult {
  const { family } = plan;
  // Per holder, its tier and the servers and accesses of its items, in arrays (sorted and made unique
  // once, below): a map per holder type keyed by the id itself, filled in the mix's order so the holder
  // lines come out in it. Items as derived carry their holders' numbers (`demandHolderNumbers`): each
  // holder's trace is then looked up by name once and kept by number, not once per item and side
  // (large estates have hundreds of thousands of items).
  const userTrace = traceHolders(plan.mix.userTier);
  const deviceTrace = traceHolders(plan.mix.deviceTier);
  const items = plan.items;
  const numbers = demandHolderNumbers(items);
  const known = numbers?.user.length === items.length ? numbers : undefined;
  // Per holder number, its trace; null once looked up and found not to hold a CAL.
  const userByNumber = new Array<Trace | null | undefined>(known?.users ?? 0);
  const deviceByNumber = new Array<Trace | null | undefined>(known?.devices ?? 0);
  const rules = new Set<string>(["cal-per-user-or-device", "version-or-later"]);
  let lastRules: readonly string[] | undefined;
  for (let k = 0; k < items.length; k++) {
    const i = items[k] as DemandItem;
    // Items share their rule lists (derive-cal-demand), so most are the one just added.
    if (i.rules !== lastRules) for (const r of i.rules) rules.add(r);
    lastRules = i.rules;
    const user =
      i.user === undefined ? null : traceOf(userTrace, userByNumber, known?.user[k], i.user);
    if (user) {
      user.servers.push(i.server);
      user.accesses.push(i.access);
    }
    const device =
      i.device === undefined
        ? null
        : traceOf(deviceTrace, deviceByNumber, known?.device[k], i.device);
    if (device) {
      device.servers.push(i.server);
      device.accesses.push(i.access);
    }
  }
  const holders: HolderLine[] = [];
  for (const [traces, type] of [
    [userTrace, "user"],
    [deviceTrace, "device"],
  ] as const) {
    for (const [id, t] of traces) {
      holders.push({
        id,
        type,
        version: family.versions[t.tier] as string,
        servers: ordered(t.servers),
        accesses: ordered(t.accesses, (a, b) => a - b),
      });
    }
  }
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
