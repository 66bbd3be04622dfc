/** The job kind that audits uploaded evidence files (one or several, together as `calwise audit` does). */
export const evidenceAuditJobKind = "audit-evidence";

/**
 * What an evidence audit job is given, fixed when it is enqueued: the upload, the customer, and the owned
 * deployment as it was then (the customer's deployment and entitlements), so a re-run after a crash
 * audits exactly what the first run did, whatever was edited since.
 */
export interface EvidenceJobInput {
  /** The first file (jobs of one file, before several were possible, name only this). */
  readonly uploadId: string;
  /** Every file the audit reads, in the order given (absent in jobs enqueued before: `[uploadId]`). */
  readonly uploadIds?: readonly string[];
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
export function readEvidenceJobInput(
  input: unknown,
): EvidenceJobInput & { readonly uploadIds: readonly string[] } {
  const value = input as Partial<EvidenceJobInput> | null;
  if (typeof value?.uploadId !== "string" || typeof value.customerId !== "string")
    throw new Error("an evidence job without uploadId and customerId");
  return {
    uploadId: value.uploadId,
    uploadIds: value.uploadIds ?? [value.uploadId],
    customerId: value.customerId,
    owned: value.owned ?? null,
    deployment: value.deployment ?? null,
  };
}
