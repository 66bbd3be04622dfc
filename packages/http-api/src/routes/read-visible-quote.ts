import { CalwiseError } from "@calwise/core";
import type { Quote, Store } from "@calwise/storage";
import type { Principal } from "../auth/principal.ts";
import { canSeeQuote } from "./can-see-quote.ts";

/** A quote the principal may read (a customer user only its own customer's, once issued); NOT_FOUND otherwise. */
export async function readVisibleQuote(
  store: Store,
  principal: Principal,
  id: string,
): Promise<Quote> {
  const quote = await store.quotes.get(principal.orgId, id);
  if (quote === undefined || !canSeeQuote(principal, quote))
    throw new CalwiseError("NOT_FOUND", "no such quote");
  return quote;
}
