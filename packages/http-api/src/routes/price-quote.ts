import { evaluateUntilProven, quoteCustomer } from "@calwise/app";
import { CalwiseError, type DatedPriceList } from "@calwise/core";
import type { PriceList, QuoteContent, TenantRepositories } from "@calwise/storage";
import type { ServerDependencies } from "../server-dependencies.ts";
import type { NewQuote, StoredQuoteDocument } from "./quote-schemas.ts";
import { readStoredDeployment } from "./read-stored-deployment.ts";

/** A stored list as the use cases read it: its document with the record's validity (retiring changes it). */
export function toDatedPriceList(list: PriceList): DatedPriceList {
  const document = list.document as DatedPriceList;
  const { validTo: _validTo, ...rest } = document;
  return {
    ...rest,
    validFrom: list.validFrom,
    ...(list.validTo !== null ? { validTo: list.validTo } : {}),
  };
}

/**
 * Prices a quote with the `quoteCustomer` use case from what the request names in the organisation: the
 * customer, the deployment (inline or a stored revision) and the price list (the one named, or the
 * organisation's lists for the use case to choose by date and currency), from the organisation (its name, read by
 * the route before its transaction) unless the terms name a seller. Returns the draft's content; a
 * refusal (such as CALS_NOT_QUOTED: a server needs CALs the quote leaves out without a recorded reason)
 * is the use case's CalwiseError, its problems named from the request body.
 */
export async function priceQuote(
  tx: TenantRepositories,
  orgId: string,
  body: NewQuote,
  deps: Pick<ServerDependencies, "catalog" | "loadSolver">,
  today: string,
  organisationName: string | undefined,
): Promise<QuoteContent> {
  const { catalog, loadSolver } = deps;
  const customer = await tx.customers.get(orgId, body.customerId);
  if (customer === undefined) throw new CalwiseError("NOT_FOUND", "no such customer");
  const stored =
    body.deploymentId === undefined
      ? undefined
      : await readStoredDeployment(tx, orgId, body.deploymentId, body.revision);
  if (stored !== undefined && ![null, customer.id].includes(stored.deployment.customerId))
    throw new CalwiseError("INPUT_INVALID", "the deployment belongs to another customer", [
      {
        code: "UNKNOWN_REFERENCE",
        path: "deploymentId",
        message: "the deployment belongs to another customer",
        expected: `a deployment of customer ${customer.id}`,
        received: body.deploymentId ?? "",
      },
    ]);
  const records =
    body.priceListId === undefined
      ? await tx.priceLists.list(orgId)
      : [await tx.priceLists.get(orgId, body.priceListId)];
  if (records.some((r) => r === undefined))
    throw new CalwiseError("NOT_FOUND", "no such price list");
  const lists = new Map((records as PriceList[]).map((r) => [toDatedPriceList(r), r.id] as const));
  const { terms } = body;
  // Terms without a seller (the web app sends none) quote from the organisation: a customer's PDF always says
  // who sent it. Terms that name one (the CLI's quote file, an API client) are printed as they are.
  const seller =
    terms.seller ?? (organisationName ? { name: organisationName, address: [] } : undefined);
  const result = await (async () => {
    try {
      return await evaluateUntilProven(
        (evaluation) =>
          quoteCustomer({
            request: {
              name: "terms",
              data: {
                ...terms,
                ...(seller ? { seller } : {}),
                customer: terms.customer ?? { name: customer.name },
              },
            },
            deployment: { name: "deployment", data: stored?.revision.document ?? body.deployment },
            priceLists: [...lists.keys()],
            catalog,
            today,
            evaluation,
          }),
        loadSolver,
      );
    } catch (error) {
      throw nameProblemsByBody(error);
    }
  })();
  const document: StoredQuoteDocument = {
    quote: result.quote,
    request: body,
    deployment:
      stored === undefined
        ? null
        : { id: stored.deployment.id, revision: stored.revision.revision },
  };
  return {
    customerId: customer.id,
    priceListId: lists.get(result.priceList) ?? null,
    currency: result.quote.currency,
    totalMinor: result.quote.total,
    document,
  };
}

/** Problems the use case named by document (`terms`, `deployment`) get the body path they came from. */
function nameProblemsByBody(error: unknown): unknown {
  if (!(error instanceof CalwiseError)) return error;
  return new CalwiseError(
    error.code,
    error.message,
    error.problems.map(({ file, ...p }) => ({
      ...p,
      path: [file === "deployment" ? "deployment" : "terms", p.path].filter(Boolean).join("."),
    })),
  );
}
