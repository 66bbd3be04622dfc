import type { PriceList } from "@calwise/core";
import type { ServerDependencies } from "../server-dependencies.ts";
import { readPriceListInForce } from "./read-price-list-in-force.ts";

/**
 * The price list a stored compliance check is priced with: none to pass when the deployment carries its own
 * (`prices`, as `calwise evaluate` reads it), else the organisation's list in force today, as the point of sale
 * and training price answers. With neither the check counts CALs only (the result's `priceList` is null).
 */
export async function readEvaluationPrices(
  deps: ServerDependencies,
  orgId: string,
  document: Readonly<Record<string, unknown>>,
): Promise<PriceList | undefined> {
  if (document.prices !== undefined) return undefined;
  return (await readPriceListInForce(deps, orgId))?.list;
}
