/** A server-side sign-in session; the cookie holds the secret, the store only its hash. */
export interface Session {
  readonly orgId: string;
  readonly id: string;
  readonly userId: string;
  readonly tokenHash: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly address: string | null;
  readonly userAgent: string | null;
}

/** The fields a new session is created with. */
export interface NewSession {
  readonly userId: string;
  readonly tokenHash: string;
  readonly expiresAt: string;
  readonly address?: string | null;
  readonly userAgent?: string | null;
}

/** Sessions of an organisation's users. */
export interface SessionRepository {
  create(orgId: string, input: NewSession): Promise<Session>;
  /** The live session with this token hash at `now` (not revoked, not expired). */
  findLive(orgId: string, tokenHash: string, now: string): Promise<Session | undefined>;
  revoke(orgId: string, id: string): Promise<boolean>;
  revokeAllOfUser(orgId: string, userId: string): Promise<number>;
}
