import { CalwiseError } from "@calwise/core";
import type { Store } from "@calwise/storage";
import { listOwnedOfEntitlements } from "../entitlements/list-owned-of-entitlements.ts";
import { readStoredDeployment } from "../routes/read-stored-deployment.ts";
import type { EvidenceJobDeployment, EvidenceJobInput } from "./evidence-job-input.ts";

/**
 * The owned deployment an audit of `customerId` starts from, as data: the newest revision of the
 * customer's deployment `deploymentId` (servers, owned CALs, prices, assumptions), with the customer's
 * entitlements added to its `owned` list (null when neither exists), and which revision that was (for the
 * customer's list of audits). A deployment of another customer or organisation is NOT_FOUND.
 */
export async function readOwnedForAudit(
  store: Store,
  orgId: string,
  customerId: string,
  deploymentId: string | undefined,
): Promise<{
  readonly owned: EvidenceJobInput["owned"];
  readonly deployment: EvidenceJobDeployment | null;
}> {
  let name = "customer entitlements";
  let document: Record<string, unknown> = {};
  let stored: EvidenceJobDeployment | null = null;
  if (deploymentId !== undefined) {
    const { deployment, revision } = await readStoredDeployment(store, orgId, deploymentId);
    if (deployment.customerId !== customerId)
      throw new CalwiseError("NOT_FOUND", "no such deployment of this customer");
    document = { ...(revision.document as Record<string, unknown>) };
    name = `deployment ${deployment.name} revision ${deployment.latestRevision}`;
    stored = { id: deployment.id, name: deployment.name, revision: deployment.latestRevision };
  }
  const owned = listOwnedOfEntitlements(await store.entitlements.list(orgId, { customerId }));
  if (deploymentId === undefined && owned.length === 0) return { owned: null, deployment: null };
  if (owned.length > 0)
    document.owned = [...(Array.isArray(document.owned) ? document.owned : []), ...owned];
  return { owned: { name, data: document }, deployment: stored };
}
