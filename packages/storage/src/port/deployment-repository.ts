/** A deployment: a name and the number of its newest revision. */
export interface Deployment {
  readonly orgId: string;
  readonly id: string;
  readonly customerId: string | null;
  readonly name: string;
  readonly latestRevision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One saved version of a deployment document. Revisions are numbered 1, 2, … and never change. */
export interface DeploymentRevision {
  readonly orgId: string;
  readonly deploymentId: string;
  readonly revision: number;
  readonly document: unknown;
  readonly createdAt: string;
  readonly createdBy: string | null;
}

/** Deployments of an organisation, versioned: every save is a new revision. */
export interface DeploymentRepository {
  create(
    orgId: string,
    input: {
      readonly name: string;
      readonly customerId?: string | null;
      readonly document: unknown;
      readonly createdBy?: string | null;
    },
  ): Promise<{ readonly deployment: Deployment; readonly revision: DeploymentRevision }>;
  get(orgId: string, id: string): Promise<Deployment | undefined>;
  list(orgId: string, filter?: { readonly customerId?: string }): Promise<readonly Deployment[]>;
  /** Saves a new revision (numbered one past the latest, also under concurrent saves). */
  saveRevision(
    orgId: string,
    deploymentId: string,
    input: { readonly document: unknown; readonly createdBy?: string | null },
  ): Promise<DeploymentRevision | undefined>;
  getRevision(
    orgId: string,
    deploymentId: string,
    revision: number,
  ): Promise<DeploymentRevision | undefined>;
  /** Every revision, oldest first. */
  listRevisions(orgId: string, deploymentId: string): Promise<readonly DeploymentRevision[]>;
}
