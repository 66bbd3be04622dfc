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

/** Audit results of an organisation. */
export interface AuditResultRepository {
  create(
    orgId: string,
    input: {
      readonly jobId?: string | null;
      readonly customerId?: string | null;
      readonly catalogVersion: string;
      readonly result: unknown;
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
  /** The organisation's audits (one customer's with `filter.customerId`), newest first. */
  list(orgId: string, filter?: { readonly customerId?: string }): Promise<readonly AuditResult[]>;
}
