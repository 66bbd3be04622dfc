import { CalwiseError } from "@calwise/core";
import type { Context } from "hono";
import { setCookie } from "hono/cookie";
import type { ApiEnv } from "../api-env.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { csrfCookie, sessionCookie } from "./cookie-names.ts";
import { readClientAddress } from "./read-client-address.ts";
import { createSecretToken, deriveCsrfToken, hashToken } from "./secret-token.ts";
import {
  maxFailuresPerAccount,
  maxFailuresPerAddress,
  sessionHours,
  signInWindowMinutes,
} from "./sign-in-limits.ts";

/** Who a new session is for: the organisation and the user, as the store holds them. */
export interface SessionHolder {
  readonly org: { readonly id: string; readonly slug: string; readonly name: string };
  readonly user: {
    readonly id: string;
    readonly email: string;
    readonly role: string;
    readonly customerId: string | null;
  };
}

/**
 * Refuses with 429 RATE_LIMITED when `email` or the client's address has failed too often in the sign-in
 * window: the limits sign-in and accepting an invitation share (each a way to a session).
 */
export async function refuseTooManyFailures(
  c: Context<ApiEnv>,
  deps: ServerDependencies,
  orgId: string,
  email: string,
): Promise<void> {
  const address = readClientAddress(c);
  const since = new Date(deps.now().getTime() - signInWindowMinutes * 60_000).toISOString();
  const [byAccount, byAddress] = await Promise.all([
    deps.store.signInAttempts.countFailures(orgId, { email, since }),
    deps.store.signInAttempts.countFailures(orgId, { address, since }),
  ]);
  if (byAccount >= maxFailuresPerAccount || byAddress >= maxFailuresPerAddress)
    throw new CalwiseError(
      "RATE_LIMITED",
      `too many failed sign-ins; try again in ${signInWindowMinutes} minutes`,
    );
}

/**
 * Opens a server-side session for `holder` (HttpOnly, SameSite=Lax cookie, Secure with --secure-cookies, and the
 * readable CSRF cookie) and answers the SignedIn body: what sign-in and accepting an invitation both answer.
 */
export async function openSession(
  c: Context<ApiEnv>,
  deps: ServerDependencies,
  holder: SessionHolder,
) {
  const { org, user } = holder;
  const token = createSecretToken(org.id);
  const expiresAt = new Date(deps.now().getTime() + sessionHours * 3_600_000).toISOString();
  await deps.store.sessions.create(org.id, {
    userId: user.id,
    tokenHash: hashToken(token),
    expiresAt,
    address: readClientAddress(c),
    userAgent: c.req.header("user-agent")?.slice(0, 300) ?? null,
  });
  const csrfToken = deriveCsrfToken(token);
  const cookie = {
    path: "/",
    sameSite: "Lax",
    secure: deps.secureCookies === true,
    maxAge: sessionHours * 3600,
  } as const;
  setCookie(c, sessionCookie, token, { ...cookie, httpOnly: true });
  setCookie(c, csrfCookie, csrfToken, cookie);
  return {
    organisation: { id: org.id, slug: org.slug, name: org.name },
    user: { id: user.id, email: user.email, role: user.role, customerId: user.customerId },
    csrfToken,
    expiresAt,
  };
}
