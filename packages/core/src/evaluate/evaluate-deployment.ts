import { type Catalog, ruleSources } from "../catalog/catalog.ts";
import { checkReassignments } from "../compliance/check-reassignments.ts";
import { checkSuiteAssignments } from "../compliance/check-suite-assignments.ts";
import type { ResolvedDeployment } from "../deployment/resolved-deployment.ts";
import type { Finding } from "../findings/finding.ts";
import type { MipSolver } from "../optimise/mip-solver.ts";
import { planFamilyCover } from "../optimise/plan-family-cover.ts";
import { type PlanMemo, planFamilyCoverOnce } from "../optimise/plan-memo.ts";
import { createPriceBook } from "../price-list/price-book.ts";
import { checkEditionLimits } from "../rules/check-edition-limits.ts";
import { countServerLicences } from "../rules/count-server-licences.ts";
import { deriveCalDemand } from "../rules/derive-cal-demand.ts";
import { buildFamilyResult } from "./build-family-result.ts";
import { buildPurchaseLines } from "./build-purchase-lines.ts";
import { collectOwnedPools } from "./collect-owned-pools.ts";
import { connectorMisuseFindings, shortfallFindings } from "./compliance-findings.ts";
import type { EvaluationResult, FamilyResult, PurchaseLine } from "./evaluation-result-schema.ts";
import { listCappedFamilies } from "./list-capped-families.ts";
import { listConnectorOptions } from "./list-connector-options.ts";
import { RESULT_SCHEMA_VERSION } from "./result-schema-version.ts";

/** How the evaluation may work harder than its own bounds. */
export interface EvaluateOptions {
  /**
   * An exact MIP solver (HiGHS, loaded by `@calwise/node-files`): families the cuts and the exhaustive search
   * leave open are solved exactly, within the solver's work limits. Without it the answer is the same kind
   * (optimal, or best-found with a proven bound), only more often best-found.
   */
  readonly solver?: MipSolver;
  /**
   * Family plans kept from an earlier evaluation of the same deployment (`evaluateUntilProven`): reused where
   * the inputs are the same and no solver could help; the plans made now are kept in it.
   */
  readonly memo?: PlanMemo;
}

/**
 * Evaluates a resolved deployment against the catalog: server licences, edition limits, the exact cheapest CAL
 * cover per family (with owned CALs and External Connectors), the compliance position, and the cheapest packs
 * to close every shortfall that CALs can close (none for the families of a server over its edition's cap, whose
 * finding names the editions that can serve it instead). Pure: no I/O, no clock.
 */
export function evaluateDeployment(
  deployment: ResolvedDeployment,
  catalog: Catalog,
  options: EvaluateOptions = {},
): EvaluationResult {
  const used = new Set<string>();
  const prices = createPriceBook(deployment.prices, catalog);
  const findings: Finding[] = [];
  const serverLicences = countServerLicences(deployment, catalog);
  const editionFindings = checkEditionLimits(deployment, catalog, used);
  findings.push(...editionFindings);
  // CALs for a server over its edition's cap are no remedy: the edition must change first.
  const capped = listCappedFamilies(editionFindings, deployment);

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
    const connectors = listConnectorOptions(deployment, catalog, prices, familyId, items, used);
    const pools = owned.pools.get(familyId) ?? [];
    const held = owned.held.get(familyId) ?? new Map<string, number>();
    const planOptions = options.solver ? { solver: options.solver } : {};
    const plan = options.memo
      ? planFamilyCoverOnce(
          options.memo,
          family,
          items,
          pools,
          held,
          prices,
          connectors,
          planOptions,
        )
      : planFamilyCover(family, items, pools, held, prices, connectors, planOptions);
    for (const a of plan.assumptions) used.add(a);
    families.push(buildFamilyResult(plan, catalog));
    const reason = capped.get(familyId);
    if (reason === undefined) purchases.push(...buildPurchaseLines(plan, prices, catalog));
    findings.push(...shortfallFindings(plan, catalog, reason));
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
  findings.push(...connectorMisuseFindings(deployment, catalog, demand.items));
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
