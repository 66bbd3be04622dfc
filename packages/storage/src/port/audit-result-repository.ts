/** A stored audit of uploaded evidence: the result with its evidence trail. */
export interface AuditResult {
  readonly orgId: string;
  readonly id: string;
  readonly jobId: string | null;
  readonly customerId: string | null;
  readonly catalogVersion: string;
  readonly result: unknown;
  readonly createdAt: string;
}

/**
 * What a list of audits shows of one (`list`): the result's record without the result, and the summary its
 * creator stored beside it (the store does not interpret it; migration 0010 computed it for older audits).
 */
export interface AuditSummary extends Omit<AuditResult, "result"> {
  readonly summary: unknown;
}

/** Audit results of an organisation. */
export interface AuditResultRepository {
  create(
    orgId: string,
    input: {
      readonly jobId?: string | null;
      readonly customerId?: string | null;
      readonly catalogVersion: string;
      readonly result: unknown;
      /** What a list shows of it, stored beside it in the same transaction (read back by `list`). */
      readonly summary: unknown;
    },
  ): Promise<AuditResult>;
  get(orgId: string, id: string): Promise<AuditResult | undefined>;
  /**
   * As `get`, with the result as the JSON text it is stored as (not parsed): for a route that sends it on
   * as it is, since a large audit costs more to parse and serialise again than to read.
   */
  getAsJson(
    orgId: string,
    id: string,
  ): Promise<(Omit<AuditResult, "result"> & { readonly resultJson: string }) | undefined>;
  findOfJob(orgId: string, jobId: string): Promise<AuditResult | undefined>;
  /**
   * The organisation's audits (one customer's with `filter.customerId`), newest first, as summaries: no result
   * is read, so the list costs the same however large the audits are.
   */
  list(orgId: string, filter?: { readonly customerId?: string }): Promise<readonly AuditSummary[]>;
}
