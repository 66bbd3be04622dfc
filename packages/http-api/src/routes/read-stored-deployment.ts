import { CalwiseError } from "@calwise/core";
import type { Deployment, DeploymentRevision, TenantRepositories } from "@calwise/storage";

/** A stored deployment and one of its revisions (the latest when none is named); NOT_FOUND when either is missing. */
export async function readStoredDeployment(
  repositories: TenantRepositories,
  orgId: string,
  deploymentId: string,
  revision?: number,
): Promise<{ readonly deployment: Deployment; readonly revision: DeploymentRevision }> {
  const deployment = await repositories.deployments.get(orgId, deploymentId);
  if (deployment === undefined) throw new CalwiseError("NOT_FOUND", "no such deployment");
  const saved = await repositories.deployments.getRevision(
    orgId,
    deploymentId,
    revision ?? deployment.latestRevision,
  );
  if (saved === undefined)
    throw new CalwiseError("NOT_FOUND", `deployment ${deploymentId} has no revision ${revision}`);
  return { deployment, revision: saved };
}
