/** The job kind that audits one uploaded evidence file. */
export const evidenceAuditJobKind = "audit-evidence";

/**
 * What an evidence audit job is given, fixed when it is enqueued: the upload, the customer, and the owned
 * deployment as it was then (the customer's deployment and entitlements), so a re-run after a crash
 * audits exactly what the first run did, whatever was edited since.
 */
export interface EvidenceJobInput {
  readonly uploadId: string;
  readonly customerId: string;
  /** The owned deployment document (servers, owned CALs, prices, assumptions); null when none. */
  readonly owned: { readonly name: string; readonly data: unknown } | null;
  /** The stored deployment and revision `owned` was read from (absent in jobs enqueued before it was kept). */
  readonly deployment?: EvidenceJobDeployment | null;
}

/** Which stored revision of which deployment an audit job holds the evidence against. */
export interface EvidenceJobDeployment {
  readonly id: string;
  readonly name: string;
  readonly revision: number;
}

/** Reads a job's stored input back (it was written by this code; anything else is a broken row). */
export function readEvidenceJobInput(input: unknown): EvidenceJobInput {
  const value = input as Partial<EvidenceJobInput> | null;
  if (typeof value?.uploadId !== "string" || typeof value.customerId !== "string")
    throw new Error("an evidence job without uploadId and customerId");
  return {
    uploadId: value.uploadId,
    customerId: value.customerId,
    owned: value.owned ?? null,
    deployment: value.deployment ?? null,
  };
}
