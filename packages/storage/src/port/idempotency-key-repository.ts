/** The remembered answer to a request sent with an Idempotency-Key. */
export interface IdempotencyRecord {
  readonly orgId: string;
  readonly key: string;
  /** A hash of the request (method, path, body): the same key with another request is a conflict. */
  readonly requestHash: string;
  readonly response: unknown;
  readonly createdAt: string;
}

/** Idempotency keys of an organisation (used through `runIdempotent`). */
export interface IdempotencyKeyRepository {
  find(orgId: string, key: string): Promise<IdempotencyRecord | undefined>;
  /** Fails with a unique violation when the key is already taken (a concurrent request won). */
  save(
    orgId: string,
    input: { readonly key: string; readonly requestHash: string; readonly response: unknown },
  ): Promise<IdempotencyRecord>;
}
