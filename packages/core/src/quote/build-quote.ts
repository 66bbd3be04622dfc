import { type Catalog, tierOf } from "../catalog/catalog.ts";
import { resolveDeployment } from "../deployment/resolve-deployment.ts";
import type { InputProblem, Validated } from "../errors/input-problem.ts";
import { type EvaluateOptions, evaluateDeployment } from "../evaluate/evaluate-deployment.ts";
import { describeServingEditions } from "../findings/describe-serving-editions.ts";
import type { Finding } from "../findings/finding.ts";
import { addDays } from "../model/iso-date.ts";
import { checkPriceList } from "../price-list/check-price-list.ts";
import {
  type DatedPriceList,
  referencePriceList,
  toEnginePriceList,
} from "../price-list/dated-price-list.ts";
import { isValidOn } from "../price-list/select-price-list.ts";
import { applyDiscounts, type DiscountRequest } from "./apply-discounts.ts";
import { buildQuoteLines } from "./build-quote-lines.ts";
import { checkCalsQuoted } from "./check-cals-quoted.ts";
import { parseBasisPoints } from "./parse-basis-points.ts";
import { prepareQuoteDeployment } from "./prepare-quote-deployment.ts";
import type { QuoteRequest } from "./quote-request-schema.ts";
import { QUOTE_SCHEMA_VERSION, type Quote, type QuoteLine } from "./quote-schema.ts";

/**
 * Builds a quote for a deployment from a price list: the engine's evaluation (server licences, the exact
 * cheapest CAL mix net of included and owned CALs, packs), priced line by line, discounts with named rounding,
 * totals that add up. Refuses (returns problems, never a partial quote) when the deployment breaks an edition
 * limit, a CAL-requiring server has no CALs and no recorded reason, or something is not priced. Pure.
 */
export function buildQuote(
  request: QuoteRequest,
  catalog: Catalog,
  priceList: DatedPriceList,
  options: EvaluateOptions = {},
): Validated<Quote> {
  const problems: InputProblem[] = [];
  if (priceList.currency !== request.currency)
    problems.push({
      code: "CURRENCY_MISMATCH",
      path: "currency",
      message: `the quote is in ${request.currency} but the price list ${priceList.name} is in ${priceList.currency}`,
      expected: priceList.currency,
      received: request.currency,
    });
  if (!isValidOn(priceList, request.date))
    problems.push({
      code: "PRICE_LIST_NOT_VALID",
      path: "date",
      message: `the price list ${priceList.name} is not valid on ${request.date}`,
      expected: `a date from ${priceList.validFrom ?? "any"} to ${priceList.validTo ?? "any"}`,
      received: request.date,
    });
  const validUntil = request.validUntil ?? addDays(request.date, request.validForDays);
  if (validUntil < request.date)
    problems.push({
      code: "SCHEMA",
      path: "validUntil",
      message: "the quote expires before its date",
      expected: `a date on or after ${request.date}`,
      received: validUntil,
    });
  for (const p of checkPriceList(priceList, catalog, "priceList.")) problems.push(p);
  problems.push(...checkReasons(request, catalog));
  const discounts = parseDiscounts(request, problems);

  const data = request.deployment;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    problems.push({
      code: "SCHEMA",
      path: "deployment",
      message: "the deployment is missing",
      expected: "a deployment (servers, users, devices, accesses) or a deployment file",
      received: String(data),
    });
    return { success: false, problems };
  }
  const record = data as Record<string, unknown>;
  const prepared = prepareQuoteDeployment(record, request.omittedCals, priceList);
  const resolved = resolveDeployment(prepared.data, catalog);
  if (!resolved.success)
    for (const p of resolved.problems) {
      const located = prepared.relocate(p);
      if (located) problems.push(located);
    }
  if (problems.length > 0 || !resolved.success) return { success: false, problems };

  const deployment = resolved.value;
  const evaluation = evaluateDeployment(deployment, catalog, options);
  const servers = Array.isArray(record.servers) ? (record.servers as { name?: unknown }[]) : [];
  const serverPath = (name: string) => {
    const i = servers.findIndex((s) => s?.name === name);
    return i < 0 ? "deployment.servers" : `deployment.servers[${i}]`;
  };
  for (const f of evaluation.findings)
    if (f.severity === "error" && f.code !== "CAL_SHORTFALL")
      problems.push({
        code: f.code,
        path: f.subject?.server ? serverPath(f.subject.server) : "deployment",
        message: refusalMessage(f),
        ...(f.expected !== undefined ? { expected: String(f.expected) } : {}),
        ...(f.received !== undefined ? { received: String(f.received) } : {}),
      });
  const cover = checkCalsQuoted(deployment, evaluation, request.omittedCals, catalog, serverPath);
  problems.push(...cover.problems);
  const drafted = buildQuoteLines(
    deployment,
    evaluation,
    catalog,
    toEnginePriceList(priceList),
    serverPath,
  );
  problems.push(...drafted.problems);
  if (problems.length > 0) return { success: false, problems };

  const priced = drafted.lines.filter((l) => !l.informational);
  const applied = applyDiscounts(
    priced.map((l) => ({
      amount: l.amount,
      scope: l.kind === "cal" || l.kind === "external-connector" ? "cals" : "server-licences",
    })),
    discounts,
    request.rounding,
  );
  if (applied.problems.length > 0) return { success: false, problems: [...applied.problems] };
  let position = 0;
  const lines: QuoteLine[] = drafted.lines.map((l) => {
    if (l.informational) return { ...l, position: null, discount: 0, net: 0 };
    const i = position++;
    const discount = applied.value.lineDiscounts[i] as number;
    return { ...l, position: i + 1, discount, net: applied.value.lineNets[i] as number };
  });
  return {
    success: true,
    value: {
      schemaVersion: QUOTE_SCHEMA_VERSION,
      number: request.number ?? null,
      date: request.date,
      validUntil,
      locale: request.locale,
      currency: request.currency,
      seller: request.seller ?? null,
      customer: request.customer,
      deployment: deployment.name,
      catalogVersion: catalog.version,
      priceList: referencePriceList(priceList),
      lines,
      subtotal: applied.value.subtotal,
      discounts: applied.value.discounts,
      discountTotal: applied.value.subtotal - applied.value.total,
      total: applied.value.total,
      rounding: request.rounding,
      omittedCals: cover.stated,
      assumptions: evaluation.assumptions.map((a) => ({
        id: a.id,
        value: a.value,
        text: a.text,
        sources: a.sources,
      })),
      notes: request.notes,
    },
  };
}

function parseDiscounts(request: QuoteRequest, problems: InputProblem[]): DiscountRequest[] {
  const discounts: DiscountRequest[] = [];
  request.discounts.forEach((d, i) => {
    if (d.amount !== undefined) {
      discounts.push({ label: d.label, appliesTo: d.appliesTo, amount: d.amount });
      return;
    }
    const parsed = parseBasisPoints(d.percent ?? "");
    if (parsed.success)
      discounts.push({ label: d.label, appliesTo: d.appliesTo, basisPoints: parsed.value });
    else for (const p of parsed.problems) problems.push({ ...p, path: `discounts[${i}].percent` });
  });
  return discounts;
}

/** Recorded reasons must name a CAL family and version the catalog knows. */
function checkReasons(request: QuoteRequest, catalog: Catalog): InputProblem[] {
  const problems: InputProblem[] = [];
  request.omittedCals.forEach((r, i) => {
    if (r.reason !== "already-owned") return;
    const family = catalog.families.get(r.family);
    if (!family)
      problems.push({
        code: "UNKNOWN_REFERENCE",
        path: `omittedCals[${i}].family`,
        message: `unknown CAL family '${r.family}'`,
        expected: `one of ${[...catalog.families.keys()].join(", ")}`,
        received: r.family,
      });
    else if (tierOf(family, r.version) < 0)
      problems.push({
        code: "SCHEMA",
        path: `omittedCals[${i}].version`,
        message: `${family.name} has no version ${r.version}`,
        expected: family.versions.join(" | "),
        received: r.version,
      });
  });
  return problems;
}

/**
 * Why a finding refuses the quote: over an edition's cap, the editions that can serve come first (a terminal
 * may cut a long line), then the rule; otherwise the message, the rule and the remedy.
 */
function refusalMessage(f: Finding): string {
  const rule = `rule ${f.rule} [${f.sources.join(", ")}]`;
  const serving = describeServingEditions(f);
  if (serving !== undefined) return `${f.message}. ${serving}: ${rule}`;
  return `${f.message}: ${rule}${f.remedy ? `; ${f.remedy}` : ""}`;
}
