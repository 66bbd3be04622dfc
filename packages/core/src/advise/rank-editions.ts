import type { Catalog } from "../catalog/catalog.ts";
import type { EvaluateOptions } from "../evaluate/evaluate-deployment.ts";
import type { EvaluationResult } from "../evaluate/evaluation-result-schema.ts";
import type { PriceList } from "../price-list/price-list-schema.ts";
import type { CustomerProfile } from "./customer-profile.ts";
import type { EditionOption, RuledOutEdition, RuleOutReason } from "./edition-advice-schema.ts";
import { evaluateConfiguration } from "./evaluate-configuration.ts";
import { planEditionConfigurations } from "./plan-edition-configurations.ts";

/** Every edition for one profile: the legal ones ranked, the others with their reasons. */
export interface EditionRanking {
  readonly ranked: readonly EditionOption[];
  readonly ruledOut: readonly RuledOutEdition[];
  readonly description: readonly string[];
  readonly evaluations: readonly EvaluationResult[];
}

/**
 * Evaluates every edition (each configuration of it, keeping its cheapest) for a profile and ranks the legal
 * ones: by total cost when a price list prices them all (unpriced options last), otherwise by CALs to buy, then
 * by server licences; ties keep catalog order.
 */
export function rankEditions(
  profile: CustomerProfile,
  catalog: Catalog,
  priceList: PriceList | undefined,
  evaluateOptions: EvaluateOptions = {},
): EditionRanking {
  const options: EditionOption[] = [];
  const ruledOut: RuledOutEdition[] = [];
  const evaluations: EvaluationResult[] = [];
  let description: readonly string[] = [];
  for (const plan of planEditionConfigurations(profile, catalog)) {
    if ("reasons" in plan) {
      ruledOut.push({ product: plan.product.id, name: plan.product.name, reasons: plan.reasons });
      continue;
    }
    let best: EditionOption | undefined;
    const reasons: RuleOutReason[] = [];
    for (const configuration of plan.configurations) {
      const result = evaluateConfiguration(
        profile,
        configuration,
        catalog,
        priceList,
        evaluateOptions,
      );
      evaluations.push(result.evaluation);
      description = result.description;
      if ("reasons" in result) {
        for (const r of result.reasons)
          if (!reasons.some((x) => x.code === r.code && x.message === r.message)) reasons.push(r);
      } else if (!best || compareOptions(result.option, best) < 0) best = result.option;
    }
    if (best) options.push(best);
    else ruledOut.push({ product: plan.product.id, name: plan.product.name, reasons });
  }
  const order = [...catalog.products.keys()];
  const ranked = options
    .map((o, i) => ({ o, i }))
    .sort(
      (a, b) =>
        compareOptions(a.o, b.o) ||
        order.indexOf(a.o.product) - order.indexOf(b.o.product) ||
        a.i - b.i,
    )
    .map(({ o }) => o);
  return { ranked, ruledOut, description, evaluations };
}

/** Priced options by total, before unpriced ones; then CALs to buy; then server licences. */
export function compareOptions(a: EditionOption, b: EditionOption): number {
  if (a.total !== null && b.total !== null && a.total !== b.total) return a.total - b.total;
  if ((a.total === null) !== (b.total === null)) return a.total === null ? 1 : -1;
  if (a.calUnits !== b.calUnits) return a.calUnits - b.calUnits;
  const licences = (o: EditionOption) => o.licences.reduce((s, l) => s + l.quantity, 0);
  return licences(a) - licences(b);
}
