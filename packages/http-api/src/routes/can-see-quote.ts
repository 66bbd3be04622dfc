import type { Quote } from "@calwise/storage";
import { canSeeCustomer, type Principal } from "../auth/principal.ts";

/**
 * Whether the principal may read `quote`: staff read every quote; a customer user reads its own customer's
 * once issued (issued, then accepted, declined or withdrawn), never a draft, which is the reseller's work in
 * progress and is answered as "not found", like another customer's quote.
 */
export function canSeeQuote(
  principal: Principal,
  quote: Pick<Quote, "customerId" | "status">,
): boolean {
  if (principal.role !== "customer") return true;
  return canSeeCustomer(principal, quote.customerId) && quote.status !== "draft";
}
