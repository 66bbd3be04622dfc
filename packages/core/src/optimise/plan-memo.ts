import type { CalFamily } from "../catalog/catalog-schema.ts";
import type { OwnedPool } from "../compliance/allocate-owned.ts";
import type { PriceBook } from "../price-list/price-book.ts";
import type { DemandList } from "../rules/demand-columns.ts";
import type { DemandItem } from "../rules/derive-cal-demand.ts";
import type { ComponentBoundMemo } from "./bound-by-components.ts";
import { type ConnectorOption, type FamilyPlan, planFamilyCover } from "./plan-family-cover.ts";

/**
 * Family plans kept between evaluations of the same deployment (`evaluateUntilProven`): a second evaluation
 * with a MIP solver plans again only the families the first left open for it; the rest are taken as they were.
 */
export interface PlanMemo {
  /** True when a plan kept so far was made without a solver and a solver could prove or improve it. */
  readonly solverCanHelp: boolean;
  /** @internal The plans kept, by family id, with the inputs they were made from. */
  readonly entries: Map<string, MemoEntry[]>;
}

interface MemoEntry {
  readonly items: DemandList;
  readonly pools: readonly OwnedPool[];
  readonly held: ReadonlyMap<string, number>;
  readonly packs: string;
  readonly connectors: readonly ConnectorOption[];
  readonly plan: FamilyPlan;
  /** The plan's bounds by components, for the next plan of the same inputs (the solver pass). */
  readonly componentBounds: ComponentBoundMemo;
}

/** An empty memo of family plans. */
export function createPlanMemo(): PlanMemo {
  const entries = new Map<string, MemoEntry[]>();
  return {
    entries,
    get solverCanHelp() {
      for (const list of entries.values()) if (list.some((e) => e.plan.solverCanHelp)) return true;
      return false;
    },
  };
}

/**
 * `planFamilyCover` through a memo: a plan made before from the same inputs is reused unless a solver is given
 * now and the plan says a solver could help it; the new plan replaces the old. The inputs are compared in full
 * (not hashed), so a reused plan is the plan these inputs give.
 */
export function planFamilyCoverOnce(
  memo: PlanMemo,
  ...args: Parameters<typeof planFamilyCover>
): FamilyPlan {
  const [family, items, pools, held, prices, connectorOptions, planOptions = {}] = args;
  const packs = describePacks(family, prices);
  const list = memo.entries.get(family.id) ?? [];
  const at = list.findIndex(
    (e) =>
      e.packs === packs &&
      sameItems(e.items, items) &&
      sameJson(e.pools, pools) &&
      sameJson([...e.held], [...held]) &&
      sameJson(e.connectors, connectorOptions),
  );
  const kept = at >= 0 ? (list[at] as MemoEntry).plan : undefined;
  if (kept && !(planOptions.solver && kept.solverCanHelp)) return kept;
  // The same inputs give the same bounds by components: the solver pass reuses them (they cost up to a second).
  const componentBounds = at >= 0 ? (list[at] as MemoEntry).componentBounds : new Map();
  const plan = planFamilyCover(family, items, pools, held, prices, connectorOptions, {
    ...planOptions,
    componentBounds,
  });
  const entry = { items, pools, held, packs, connectors: connectorOptions, plan, componentBounds };
  if (at >= 0) list[at] = entry;
  else list.push(entry);
  memo.entries.set(family.id, list);
  return plan;
}

/** The family's packs on sale, per version and type, as text (a price list's part that the plan reads). */
function describePacks(family: CalFamily, prices: PriceBook): string {
  if (!prices.priced) return "unpriced";
  return JSON.stringify(
    family.versions.map((v) => [
      prices.calPacks(family.id, v, "user"),
      prices.calPacks(family.id, v, "device"),
    ]),
  );
}

function sameItems(a: DemandList, b: DemandList): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.at(i) as DemandItem;
    const y = b.at(i) as DemandItem;
    if (
      x.family !== y.family ||
      x.tier !== y.tier ||
      x.user !== y.user ||
      x.device !== y.device ||
      x.server !== y.server ||
      x.deviceOnly !== y.deviceOnly ||
      x.userOnly !== y.userOnly ||
      x.external !== y.external ||
      x.access !== y.access ||
      x.rules.length !== y.rules.length ||
      x.rules.some((r, j) => r !== y.rules[j])
    )
      return false;
  }
  return true;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
