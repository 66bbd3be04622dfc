import { timingSafeEqual } from "node:crypto";
import { CalwiseError } from "@calwise/core";
import type { Store } from "@calwise/storage";
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { ApiEnv } from "../api-env.ts";
import { csrfHeader, sessionCookie } from "./cookie-names.ts";
import type { Principal } from "./principal.ts";
import { deriveCsrfToken, hashToken, readTokenOrgId } from "./secret-token.ts";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function findPrincipal(
  store: Store,
  bearer: string | undefined,
  session: string | undefined,
  now: string,
): Promise<Principal | undefined> {
  const token = bearer ?? session;
  const orgId = token === undefined ? undefined : readTokenOrgId(token);
  if (token === undefined || orgId === undefined) return undefined;
  // One read transaction for the token and its user (no write lock on SQLite), not one per lookup.
  const found = await store.read(orgId, async (tx) => {
    const live =
      bearer !== undefined
        ? await tx.apiTokens.findLive(orgId, hashToken(token), now)
        : await tx.sessions.findLive(orgId, hashToken(token), now);
    const user = live === undefined ? undefined : await tx.users.get(orgId, live.userId);
    return live === undefined || user === undefined ? undefined : { live, user };
  });
  if (found === undefined || found.user.disabledAt !== null) return undefined;
  const { user } = found;
  const who = { orgId, userId: user.id, role: user.role, customerId: user.customerId };
  return bearer !== undefined
    ? { ...who, via: "api-token" }
    : { ...who, via: "session", sessionId: found.live.id };
}

/**
 * Who is asking: an `Authorization: Bearer` API token, or the session cookie. A cookie-authenticated write
 * must also pass the CSRF check (signed double submit: the `X-CSRF-Token` header equals the token derived
 * from the session, which sign-in returned and put in a readable cookie; a page of another site can read
 * neither); a bearer token is never sent by a browser on its own, so it needs none. No principal is
 * UNAUTHENTICATED (401).
 */
export function authenticate(store: Store, now: () => Date): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const authorization = c.req.header("authorization");
    const bearer = authorization?.match(/^Bearer (\S+)$/i)?.[1];
    const session = bearer === undefined ? getCookie(c, sessionCookie) : undefined;
    const principal = await findPrincipal(store, bearer, session, now().toISOString());
    if (principal === undefined)
      throw new CalwiseError("UNAUTHENTICATED", "sign in (POST /v1/sign-in) or send an API token");
    if (session !== undefined && !safeMethods.has(c.req.method)) {
      const header = c.req.header(csrfHeader);
      if (header === undefined || !sameText(deriveCsrfToken(session), header))
        throw new CalwiseError(
          "FORBIDDEN",
          `a signed-in write needs the ${csrfHeader} header sign-in returned (CSRF protection)`,
        );
    }
    c.set("principal", principal);
    await next();
  };
}
