/** A stored evaluation (or compliance position) of one deployment revision. */
export interface Evaluation {
  readonly orgId: string;
  readonly id: string;
  readonly deploymentId: string;
  readonly revision: number;
  /** The catalog version the result was computed with. */
  readonly catalogVersion: string;
  readonly result: unknown;
  readonly createdAt: string;
  /**
   * The organisation's stored price list that priced the result; null when none did (no list in force, the
   * deployment's own prices, or a check stored before migration 0009).
   */
  readonly priceListId: string | null;
}

/** Evaluations of an organisation's deployments. */
export interface EvaluationRepository {
  create(
    orgId: string,
    input: {
      readonly deploymentId: string;
      readonly revision: number;
      readonly catalogVersion: string;
      readonly result: unknown;
      /** The stored price list that priced it; absent: none did. */
      readonly priceListId?: string | null;
    },
  ): Promise<Evaluation>;
  get(orgId: string, id: string): Promise<Evaluation | undefined>;
  /** Evaluations of a deployment, newest first. */
  listOfDeployment(orgId: string, deploymentId: string): Promise<readonly Evaluation[]>;
}
