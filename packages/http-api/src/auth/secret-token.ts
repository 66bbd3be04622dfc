import { createHash, randomBytes } from "node:crypto";

/**
 * A new session or API token: `<organisation id>.<256 random bits>`. The organisation id lets the server find
 * the tenant whose table holds the token's hash; the random part is what makes it secret.
 */
export function createSecretToken(orgId: string): string {
  return `${orgId}.${randomBytes(32).toString("base64url")}`;
}

/** The form a token is stored and looked up in (SHA-256: the token is random, so no salt or stretching). */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The organisation id a token names, or undefined for anything that is not a token's shape. */
export function readTokenOrgId(token: string): string | undefined {
  const match = /^([0-9a-f-]{36})\.[A-Za-z0-9_-]{43}$/.exec(token);
  return match?.[1];
}

/**
 * The CSRF token of a session: derived from the session token, so a cookie planted by a neighbouring site
 * (which could set a plain double-submit cookie) cannot produce it without knowing the session itself.
 */
export function deriveCsrfToken(sessionToken: string): string {
  return createHash("sha256").update(`calwise csrf\0${sessionToken}`).digest("base64url");
}
