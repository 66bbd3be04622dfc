/** A token for scripts, shown once when created; the store keeps only its hash. */
export interface ApiToken {
  readonly orgId: string;
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly tokenHash: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

/** The fields a new API token is created with. */
export interface NewApiToken {
  readonly userId: string;
  readonly name: string;
  readonly tokenHash: string;
  readonly expiresAt?: string | null;
}

/** API tokens of an organisation's users. */
export interface ApiTokenRepository {
  create(orgId: string, input: NewApiToken): Promise<ApiToken>;
  /** The token with this hash if it is neither revoked nor expired at `now`. */
  findLive(orgId: string, tokenHash: string, now: string): Promise<ApiToken | undefined>;
  listOfUser(orgId: string, userId: string): Promise<readonly ApiToken[]>;
  revoke(orgId: string, id: string): Promise<boolean>;
}
