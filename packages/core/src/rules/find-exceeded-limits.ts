import type { AssumptionValue, Product } from "../catalog/catalog-schema.ts";
import type { ServerLoad } from "./measure-server-load.ts";

/** The kinds of load an edition may cap, in the order findings report them. */
export const limitKeys = ["users", "devices", "processors", "cores", "virtualMachines"] as const;

/** One cap an edition sets that a load exceeds. */
export interface ExceededLimit {
  readonly key: (typeof limitKeys)[number];
  readonly cap: number;
  readonly value: number;
}

/**
 * The caps of an edition that a load exceeds [R1, R21, R26]. A cap may be a named assumption: its value comes
 * from the deployment's assumptions (a non-number, such as `none`, applies no cap), and `onAssumption` hears
 * of every assumption consulted. Cores are checked only when the load knows them.
 */
export function findExceededLimits(
  product: Product,
  load: ServerLoad,
  assumptions: ReadonlyMap<string, AssumptionValue>,
  onAssumption: (id: string) => void = () => {},
): ExceededLimit[] {
  const exceeded: ExceededLimit[] = [];
  const limits = product.limits;
  if (!limits) return exceeded;
  for (const key of limitKeys) {
    const limit = limits[key];
    const value = load[key];
    if (limit === undefined || value === undefined) continue;
    let cap: number | undefined;
    if (typeof limit === "number") cap = limit;
    else {
      onAssumption(limit.assumption);
      const assumed = assumptions.get(limit.assumption);
      cap = typeof assumed === "number" ? assumed : undefined;
    }
    if (cap !== undefined && value > cap) exceeded.push({ key, cap, value });
  }
  return exceeded;
}
