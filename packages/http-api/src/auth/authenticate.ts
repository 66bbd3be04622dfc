import { timingSafeEqual } from "node:crypto";
import { CalwiseError } from "@calwise/core";
import type { Store } from "@calwise/storage";
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { ApiEnv } from "../api-env.ts";
import { csrfCookie, csrfHeader, sessionCookie } from "./cookie-names.ts";
import type { Principal } from "./principal.ts";
import { hashToken, readTokenOrgId } from "./secret-token.ts";

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
  const found =
    bearer !== undefined
      ? await store.apiTokens.findLive(orgId, hashToken(token), now)
      : await store.sessions.findLive(orgId, hashToken(token), now);
  if (found === undefined) return undefined;
  const user = await store.users.get(orgId, found.userId);
  if (user === undefined || user.disabledAt !== null) return undefined;
  return bearer !== undefined
    ? { orgId, userId: user.id, role: user.role, via: "api-token" }
    : { orgId, userId: user.id, role: user.role, via: "session", sessionId: found.id };
}

/**
 * Who is asking: an `Authorization: Bearer` API token, or the session cookie. A cookie-authenticated write
 * must also pass the double-submit CSRF check (the `X-CSRF-Token` header equals the CSRF cookie, which a page
 * of another site can neither read nor set); a bearer token is never sent by a browser on its own, so it
 * needs none. No principal is UNAUTHENTICATED (401).
 */
export function authenticate(store: Store, now: () => Date): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const authorization = c.req.header("authorization");
    const bearer = authorization?.match(/^Bearer (\S+)$/i)?.[1];
    const principal = await findPrincipal(
      store,
      bearer,
      bearer === undefined ? getCookie(c, sessionCookie) : undefined,
      now().toISOString(),
    );
    if (principal === undefined)
      throw new CalwiseError("UNAUTHENTICATED", "sign in (POST /v1/sign-in) or send an API token");
    if (principal.via === "session" && !safeMethods.has(c.req.method)) {
      const cookie = getCookie(c, csrfCookie);
      const header = c.req.header(csrfHeader);
      if (cookie === undefined || header === undefined || !sameText(cookie, header))
        throw new CalwiseError(
          "FORBIDDEN",
          `a signed-in write needs the ${csrfHeader} header equal to the ${csrfCookie} cookie (CSRF)`,
        );
    }
    c.set("principal", principal);
    await next();
  };
}
