import type { Catalog } from "../catalog/catalog.ts";
import { resolveDeployment } from "../deployment/resolve-deployment.ts";
import { type EvaluateOptions, evaluateDeployment } from "../evaluate/evaluate-deployment.ts";
import type { EvaluationResult } from "../evaluate/evaluation-result-schema.ts";
import type { PriceList } from "../price-list/price-list-schema.ts";
import { countApplicationLicences } from "../quote/count-application-licences.ts";
import { priceLicences } from "../quote/price-licences.ts";
import {
  buildRepresentativeDeployment,
  type EditionConfiguration,
} from "./build-representative-deployment.ts";
import type { CustomerProfile } from "./customer-profile.ts";
import type { EditionOption, RuleOutReason } from "./edition-advice-schema.ts";

const UNIT_NAMES = {
  server: "server licence",
  processor: "processor licence",
  "processor-pair": "2-processor licence",
  "core-pack": "2-core pack",
} as const;

/**
 * Evaluates one configuration of an edition for a profile with the engine (`evaluateDeployment` on the
 * representative deployment): an error finding other than the CALs still to buy rules it out; otherwise it is
 * an option priced as server and application licences plus the CALs and connectors to buy (the engine's exact
 * mix, net of included CALs).
 */
export function evaluateConfiguration(
  profile: CustomerProfile,
  configuration: EditionConfiguration,
  catalog: Catalog,
  priceList: PriceList | undefined,
  options: EvaluateOptions = {},
):
  | {
      readonly option: EditionOption;
      readonly evaluation: EvaluationResult;
      readonly description: readonly string[];
    }
  | {
      readonly reasons: readonly RuleOutReason[];
      readonly evaluation: EvaluationResult;
      readonly description: readonly string[];
    } {
  const built = buildRepresentativeDeployment(profile, configuration, priceList);
  const resolved = resolveDeployment(built.deployment, catalog);
  if (!resolved.success)
    throw new Error(
      `the advisor built an invalid deployment: ${resolved.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`,
    );
  const evaluation = evaluateDeployment(resolved.value, catalog, options);
  const description = built.description;
  const errors = evaluation.findings.filter(
    (f) => f.severity === "error" && f.code !== "CAL_SHORTFALL",
  );
  if (errors.length > 0)
    return {
      evaluation,
      description,
      reasons: errors.map((f) => ({
        code: f.code,
        message: f.remedy ? `${f.message}; ${f.remedy}` : f.message,
        rule: f.rule,
        sources: f.sources,
      })),
    };

  const licences = priceLicences(
    [...evaluation.serverLicences, ...countApplicationLicences(resolved.value, catalog)],
    priceList,
  ).map(({ line, purchase }) => ({
    server: line.server,
    product: line.product,
    productName: line.productName,
    quantity: line.quantity,
    unit: UNIT_NAMES[line.unit],
    explanation: line.explanation,
    skus: purchase?.packs.map((p) => ({ sku: p.id, count: p.count, price: p.price })) ?? [],
    cost: purchase?.cost ?? null,
  }));
  const cals = evaluation.purchases.map((p) => ({
    family: p.connector ?? p.family,
    name:
      p.kind === "external-connector"
        ? (catalog.externalConnectors.get(p.connector ?? "")?.name ?? "External Connector")
        : (catalog.families.get(p.family)?.name ?? p.family),
    version: p.version,
    type: p.type ?? ("connector" as const),
    units: p.units,
    skus: p.packs.map((k) => ({ sku: k.sku, count: k.count, price: k.price })),
    cost: p.cost,
  }));
  const unpriced = [
    ...licences
      .filter((l) => l.cost === null)
      .map((l) => `${l.productName} (${l.quantity} × ${l.unit})`),
    ...cals
      .filter((c) => c.cost === null)
      .map((c) => `${c.name} ${c.version} ${c.type} (${c.units})`),
  ];
  const licenceCost = sumOrNull(licences.map((l) => l.cost));
  const calCost = sumOrNull(cals.map((c) => c.cost));
  const product = catalog.products.get(configuration.product);
  const name = (id: string) => catalog.products.get(id)?.name ?? id;
  const parts = [
    ...(configuration.addOn ? [`with ${name(configuration.addOn)} on a second server`] : []),
    ...(configuration.sqlApplication
      ? [`with ${name(configuration.sqlApplication)} on the server`]
      : []),
  ];
  return {
    evaluation,
    description,
    option: {
      product: configuration.product,
      name: product?.name ?? configuration.product,
      configuration: parts.length > 0 ? parts.join(", ") : "the edition alone",
      licences,
      cals,
      includedCals: evaluation.families.flatMap((f) =>
        f.owned.map((o) => ({
          family: f.family,
          version: o.version,
          quantity: o.quantity,
          used: o.used,
        })),
      ),
      calUnits: evaluation.purchases
        .filter((p) => p.kind === "cal")
        .reduce((s, p) => s + p.units, 0),
      licenceCost,
      calCost,
      total: priceList && licenceCost !== null && calCost !== null ? licenceCost + calCost : null,
      unpriced: priceList ? unpriced : [],
      notes: evaluation.findings.filter((f) => f.severity === "warning").map((f) => f.message),
    },
  };
}

function sumOrNull(values: readonly (number | null)[]): number | null {
  let sum = 0;
  for (const v of values) {
    if (v === null) return null;
    sum += v;
  }
  if (!Number.isSafeInteger(sum)) throw new RangeError("costs add up beyond 2^53 − 1 minor units");
  return sum;
}
