import { timingSafeEqual } from "node:crypto";
import { createSecretToken, hashToken } from "./secret-token.ts";

/** How long an invitation may wait to be accepted. */
const invitationDays = 7;

/**
 * A one-time invitation for a user to set a password: the token (shown once) and what the store keeps in
 * the user's password hash field, `invite$<expires>$<sha256 of the token>`. That form is no scrypt hash, so
 * `verifyPassword` refuses every password until the invitation is accepted.
 */
export function createInvitation(orgId: string, now: Date) {
  const token = createSecretToken(orgId);
  const expiresAt = new Date(now.getTime() + invitationDays * 86_400_000).toISOString();
  return { token, expiresAt, stored: `invite$${expiresAt}$${hashToken(token)}` };
}

/** Whether `token` is the open invitation kept in `stored` (not expired at `now`; a timing-safe compare). */
export function acceptsInvitation(stored: string | null, token: string, now: Date): boolean {
  const [kind, expiresAt, hash] = stored?.split("$") ?? [];
  if (kind !== "invite" || expiresAt === undefined || hash === undefined) return false;
  if (expiresAt <= now.toISOString()) return false;
  const expected = Buffer.from(hash);
  const actual = Buffer.from(hashToken(token));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
