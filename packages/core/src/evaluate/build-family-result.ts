import { type Catalog, mergeSources, ruleSources } from "../catalog/catalog.ts";
import { HolderTiers } from "../optimise/holder-tiers.ts";
import type { FamilyPlan } from "../optimise/plan-family-cover.ts";
import type { DemandList } from "../rules/demand-columns.ts";
import {
  type DemandHolderNumbers,
  type DemandItem,
  demandHolderNumbers,
} from "../rules/derive-cal-demand.ts";
import type { FamilyResult, HolderLine } from "./evaluation-result-schema.ts";
import { gapPercent } from "./gap-percent.ts";

/** A sorted array without its repeats, in place. */
function uniqueSorted<T>(sorted: T[]): T[] {
  let kept = 0;
  for (let index = 0; index < sorted.length; index++) {
    if (index === 0 || sorted[index] !== sorted[kept - 1]) sorted[kept++] = sorted[index] as T;
  }
  // Setting the length is a call into the runtime even when it does not change (most lists have no repeat).
  if (kept !== sorted.length) sorted.length = kept;
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

/** One side's holders in the mix's order: their ids and tiers, and each item's position among them. */
interface PlacedSide {
  readonly ids: readonly string[];
  readonly tiers: Int32Array;
  /** Per item, the position of its holder on this side, or -1 when it names none there or holds no CAL. */
  readonly placed: Int32Array;
}

/**
 * One side's holders in the mix's order, and per item the position of its holder among them. Items as
 * derived carry their holders' numbers (`demandHolderNumbers`): each holder's name is then looked up once,
 * not once per item; and when the mix's tiers are numbered from those same numbers (`HolderTiers` of the
 * cover `collapse` made of these items), no name is looked up at all.
 */
function placeSide(
  tiers: ReadonlyMap<string, number>,
  items: DemandList,
  nameOf: (item: DemandItem) => string | undefined,
  known: DemandHolderNumbers | undefined,
  numbers: Int32Array | undefined,
  holderCount: number,
): PlacedSide {
  if (
    tiers instanceof HolderTiers &&
    known !== undefined &&
    numbers !== undefined &&
    tiers.deployment?.source === known
  ) {
    const byDeployment = tiers.deployment.byDeployment;
    const rank = new Int32Array(tiers.names.length).fill(-1);
    const ids = new Array<string>(tiers.size);
    const tierOf = new Int32Array(tiers.size);
    const order = tiers.order();
    for (let at = 0; at < order.length; at++) {
      const h = order[at] as number;
      rank[h] = at;
      ids[at] = tiers.names[h] as string;
      tierOf[at] = tiers.tierAt(h);
    }
    const placed = new Int32Array(items.length);
    for (let k = 0; k < items.length; k++) {
      const n = numbers[k] as number;
      const h = n < 0 ? -1 : (byDeployment[n] as number);
      placed[k] = h < 0 ? -1 : (rank[h] as number);
    }
    return { ids, tiers: tierOf, placed };
  }
  const ids = new Array<string>(tiers.size);
  const tierOf = new Int32Array(tiers.size);
  const position = new Map<string, number>();
  for (const [id, tier] of tiers) {
    tierOf[position.size] = tier;
    ids[position.size] = id;
    position.set(id, position.size);
  }
  const byNumber = new Int32Array(numbers === undefined ? 0 : holderCount).fill(-2);
  const placed = new Int32Array(items.length);
  for (let k = 0; k < items.length; k++) {
    const name = nameOf(items.at(k) as DemandItem);
    const n = numbers === undefined ? -1 : (numbers[k] as number);
    let at = -1;
    if (name === undefined) at = -1;
    else if (n < 0) at = position.get(name) ?? -1;
    else {
      at = byNumber[n] as number;
      if (at === -2) {
        at = position.get(name) ?? -1;
        byNumber[n] = at;
      }
    }
    placed[k] = at;
  }
  return { ids, tiers: tierOf, placed };
}

/** The one list per set of servers that holders share: of a sorted list without repeats, or of one server. */
interface SharedServerLists {
  list(servers: string[]): string[];
  one(server: string): string[];
}

/**
 * One side's holder lines, in the mix's order: each holder's items gathered by a counting sort over
 * their positions (`placeSide`), so no growing list is kept per holder (large estates have 200,000).
 */
function writeHolderLines(
  side: PlacedSide,
  type: "user" | "device",
  items: DemandList,
  versions: readonly string[],
  shared: SharedServerLists,
  out: HolderLine[],
): void {
  const { ids, tiers, placed } = side;
  const holderCount = ids.length;
  const starts = new Int32Array(holderCount + 1);
  for (const at of placed) if (at >= 0) starts[at + 1] = (starts[at + 1] as number) + 1;
  for (let h = 0; h < holderCount; h++)
    starts[h + 1] = (starts[h + 1] as number) + (starts[h] as number);
  const next = starts.slice(0, holderCount);
  const order = new Int32Array(starts[holderCount] as number);
  for (let k = 0; k < placed.length; k++) {
    const at = placed[k] as number;
    if (at < 0) continue;
    order[next[at] as number] = k;
    next[at] = (next[at] as number) + 1;
  }
  for (let h = 0; h < holderCount; h++) {
    const id = ids[h] as string;
    const tier = tiers[h] as number;
    const from = starts[h] as number;
    const to = starts[h + 1] as number;
    if (to - from === 1) {
      // Most holders have one item: its server's shared list is found without a list of its own.
      const item = items.at(order[from] as number) as DemandItem;
      out.push({
        id,
        type,
        version: versions[tier] as string,
        servers: shared.one(item.server),
        accesses: [item.access],
      });
      continue;
    }
    const servers = new Array<string>(to - from);
    const accesses = new Array<number>(to - from);
    for (let j = from; j < to; j++) {
      const item = items.at(order[j] as number) as DemandItem;
      servers[j - from] = item.server;
      accesses[j - from] = item.access;
    }
    out.push({
      id,
      type,
      version: versions[tier] as string,
      servers: shared.list(ordered(servers)),
      accesses: ordered(accesses, (a, b) => a - b),
    });
  }
}

/** One family's answer for the report: holders with their accesses, needs, owned pools, connectors, proof. */
export function buildFamilyResult(plan: FamilyPlan, catalog: Catalog): FamilyResult {
  const { family } = plan;
  const items = plan.items;
  const rules = new Set<string>(["cal-per-user-or-device", "version-or-later"]);
  let lastRules: readonly string[] | undefined;
  for (const i of items) {
    // Items share their rule lists (derive-cal-demand), so most are the one just added.
    if (i.rules !== lastRules) for (const r of i.rules) rules.add(r);
    lastRules = i.rules;
  }
  // Per holder, its tier and the servers and accesses of its items (sorted and made unique once),
  // in the mix's order, users first.
  const numbers = demandHolderNumbers(items);
  const known = numbers?.user.length === items.length ? numbers : undefined;
  const holders: HolderLine[] = [];
  // Holders with the same servers share one list (read-only, like the whole result): a large estate's
  // 200,000 holder lines reach a handful of server combinations.
  const serverLists = new Map<string, string[]>();
  const shared: SharedServerLists = {
    list: (servers) => {
      const key = servers.length === 1 ? (servers[0] as string) : servers.join("\u0000");
      const list = serverLists.get(key);
      if (list !== undefined) return list;
      serverLists.set(key, servers);
      return servers;
    },
    one: (server) => {
      const list = serverLists.get(server);
      if (list !== undefined) return list;
      const made = [server];
      serverLists.set(server, made);
      return made;
    },
  };
  const sides = [
    { tiers: plan.mix.userTier, type: "user", numbers: known?.user, count: known?.users ?? 0 },
    {
      tiers: plan.mix.deviceTier,
      type: "device",
      numbers: known?.device,
      count: known?.devices ?? 0,
    },
  ] as const;
  for (const { tiers, type, numbers: side, count } of sides) {
    const placed = placeSide(tiers, items, (i) => i[type], known, side, count);
    writeHolderLines(placed, type, items, family.versions, shared, holders);
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
      gapPercent: gapPercent(plan.trueCost, plan.lowerBound),
      tieBreak: plan.mix.tieBreak,
      certificate: plan.mix.certificate,
    },
    rules: [...rules],
    sources: mergeSources([...sources]),
  };
}
