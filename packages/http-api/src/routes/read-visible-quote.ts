import { CalwiseError } from "@calwise/core";
import type { Quote, Store } from "@calwise/storage";
import { canSeeCustomer, type Principal } from "../auth/principal.ts";

/** A quote the principal may read (a customer user only its own customer's); NOT_FOUND otherwise. */
export async function readVisibleQuote(
  store: Store,
  principal: Principal,
  id: string,
): Promise<Quote> {
  const quote = await store.quotes.get(principal.orgId, id);
  if (quote === undefined || !canSeeCustomer(principal, quote.customerId))
    throw new CalwiseError("NOT_FOUND", "no such quote");
  return quote;
}
