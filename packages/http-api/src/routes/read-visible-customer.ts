import { CalwiseError } from "@calwise/core";
import type { Customer, TenantRepositories } from "@calwise/storage";
import { canSeeCustomer, type Principal } from "../auth/principal.ts";

/** A customer the principal may read (a customer user only its own); NOT_FOUND otherwise. */
export async function readVisibleCustomer(
  store: TenantRepositories,
  principal: Principal,
  id: string,
): Promise<Customer> {
  const customer = await store.customers.get(principal.orgId, id);
  if (customer === undefined || !canSeeCustomer(principal, customer.id))
    throw new CalwiseError("NOT_FOUND", "no such customer");
  return customer;
}
