import {
  buildQuote,
  CalwiseError,
  type Catalog,
  type DatedPriceList,
  type EvaluateOptions,
  type InputProblem,
  type Quote,
  selectPriceList,
  validateQuoteRequest,
} from "@calwise/core";
import { locateProblems } from "./locate-problems.ts";
import type { NamedDocument } from "./named-document.ts";

/** What quoting takes: the request, the deployment when it is a document of its own, price lists, the date. */
export interface QuoteCustomerInput {
  /** The quote request (docs/quotes.md) with its deployment and price lists inline. */
  readonly request: NamedDocument;
  /** The deployment, when it came from a document of its own: it replaces the request's, and problems in it
   *  are located there. */
  readonly deployment?: NamedDocument;
  /** Price lists to choose from, before the request's own inline lists (e.g. `--price-list`, or files the
   *  request named). */
  readonly priceLists?: readonly DatedPriceList[];
  readonly catalog: Catalog;
  /** YYYY-MM-DD: the quote date when the request gives none. */
  readonly today: string;
  /** A MIP solver and plans kept, for the families the engine leaves open (`evaluateUntilProven`). */
  readonly evaluation?: EvaluateOptions;
}

/**
 * The quote use case: validates the request, picks the price list valid on its date in its currency, and builds
 * the quote. Any refusal or problem is one CalwiseError INPUT_INVALID whose problems are located in the
 * request, or in the deployment document for problems under `deployment`.
 */
export function quoteCustomer(input: QuoteCustomerInput): {
  readonly quote: Quote;
  readonly priceList: DatedPriceList;
} {
  const { request: requestDoc, deployment: deploymentDoc, catalog } = input;
  const name = requestDoc.name;
  const raw = requestDoc.data;
  const data =
    raw !== null && typeof raw === "object" && !Array.isArray(raw)
      ? {
          ...raw,
          ...("date" in raw ? {} : { date: input.today }),
          ...(deploymentDoc ? { deployment: deploymentDoc.data } : {}),
        }
      : raw;
  // A problem under `deployment` is located in the deployment's own document when it has one.
  const locate = (problems: readonly InputProblem[]): InputProblem[] =>
    problems.flatMap((p) =>
      deploymentDoc && (p.path === "deployment" || p.path.startsWith("deployment."))
        ? locateProblems([{ ...p, path: p.path.replace(/^deployment\.?/, "") }], deploymentDoc)
        : locateProblems([p], requestDoc),
    );

  const validated = validateQuoteRequest(data);
  if (!validated.success) throw invalid(name, locate(validated.problems));
  const request = validated.value;

  const lists = [...(input.priceLists ?? []), ...request.priceLists];
  const selected = selectPriceList(lists, request.date, request.currency);
  if (!selected.success) throw invalid(name, locate(selected.problems));

  const built = buildQuote(request, catalog, selected.value, input.evaluation);
  if (!built.success) {
    const located = locate(built.problems);
    const refusals = located.filter((p) => p.code === "CALS_NOT_QUOTED").length;
    throw new CalwiseError(
      "INPUT_INVALID",
      refusals > 0
        ? `refused to quote ${name}: ${refusals} server${refusals === 1 ? " requires" : "s require"} CALs, but the quote has none for ${refusals === 1 ? "it" : "them"} and records no reason (rule cal-per-user-or-device)`
        : `cannot quote ${name}: ${located.length} problem${located.length === 1 ? "" : "s"}`,
      located,
    );
  }
  return { quote: built.value, priceList: selected.value };
}

function invalid(file: string, problems: readonly InputProblem[]): CalwiseError {
  return new CalwiseError(
    "INPUT_INVALID",
    `${file} has ${problems.length} problem${problems.length === 1 ? "" : "s"}`,
    problems,
  );
}
