import { CalwiseError } from "@calwise/core";
import type { Deployment, Store } from "@calwise/storage";
import { canSeeCustomer, type Principal } from "../auth/principal.ts";

/** A deployment the principal may read (a customer user only its own customer's); NOT_FOUND otherwise. */
export async function readVisibleDeployment(
  store: Store,
  principal: Principal,
  id: string,
): Promise<Deployment> {
  const deployment = await store.deployments.get(principal.orgId, id);
  if (deployment === undefined || !canSeeCustomer(principal, deployment.customerId))
    throw new CalwiseError("NOT_FOUND", "no such deployment");
  return deployment;
}
