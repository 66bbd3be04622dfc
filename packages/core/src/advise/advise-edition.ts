import type { Catalog } from "../catalog/catalog.ts";
import type { EvaluateOptions } from "../evaluate/evaluate-deployment.ts";
import { toEnginePriceList } from "../price-list/dated-price-list.ts";
import type { PriceList } from "../price-list/price-list-schema.ts";
import type { CustomerProfile } from "./customer-profile.ts";
import { ADVICE_SCHEMA_VERSION, type EditionAdvice } from "./edition-advice-schema.ts";
import { rankEditions } from "./rank-editions.ts";
import { traceGrowth } from "./trace-growth.ts";

/**
 * Which Windows Server edition should this customer buy? Builds a deployment that stands for the profile,
 * evaluates every operating-system edition of the catalog on it with the engine, ranks the legal ones by total
 * cost (server licences from the price list's `product` items plus the exact cheapest CALs, net of included
 * CALs), lists the others with the finding or missing capability that rules them out, and, with expected
 * growth, where along it the answer changes. Pure: the catalog and prices are passed in.
 */
export function adviseEdition(
  profile: CustomerProfile,
  catalog: Catalog,
  prices?: PriceList,
  options: EvaluateOptions = {},
): EditionAdvice {
  // Only what the engine reads: a dated list's validity and source are the adapter's business.
  const priceList = prices ? toEnginePriceList(prices) : undefined;
  const today = rankEditions(profile, catalog, priceList, options);
  const assumptions = new Map<string, EditionAdvice["assumptions"][number]>();
  for (const e of today.evaluations)
    for (const a of e.assumptions)
      if (!assumptions.has(a.id))
        assumptions.set(a.id, { id: a.id, value: a.value, text: a.text, sources: a.sources });
  return {
    schemaVersion: ADVICE_SCHEMA_VERSION,
    catalogVersion: catalog.version,
    profile,
    representativeDeployment: today.description,
    currency: priceList?.currency ?? null,
    priceList: priceList ? { name: priceList.name, version: priceList.version ?? null } : null,
    rankedBy: priceList ? "total" : "cal-units",
    ranked: today.ranked,
    ruledOut: today.ruledOut,
    growth: profile.growth > 0 ? traceGrowth(profile, today, catalog, priceList, options) : null,
    assumptions: [...assumptions.values()],
  };
}
