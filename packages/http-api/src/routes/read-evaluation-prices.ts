import type { PriceList } from "@calwise/core";
import type { ServerDependencies } from "../server-dependencies.ts";
import { readPriceListInForce } from "./read-price-list-in-force.ts";

/**
 * The prices a stored compliance check is priced with: none to pass when the deployment carries its own
 * (`prices`, as `calwise evaluate` reads it), else the organisation's list in force on `today` (the request's
 * day, as the point of sale and training price answers) with its stored id, which the check records so it reads
 * as stale once another list is in force. With neither the check counts CALs only (the result's `priceList` is
 * null).
 */
export async function readEvaluationPrices(
  deps: ServerDependencies,
  orgId: string,
  today: string,
  document: Readonly<Record<string, unknown>>,
): Promise<{ readonly prices: PriceList | undefined; readonly priceListId: string | null }> {
  if (document.prices !== undefined) return { prices: undefined, priceListId: null };
  const inForce = await readPriceListInForce(deps, orgId, today);
  return { prices: inForce?.list, priceListId: inForce?.id ?? null };
}
