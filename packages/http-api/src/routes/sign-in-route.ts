import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { hashPassword, verifyPassword } from "../auth/hash-password.ts";
import { openSession, refuseTooManyFailures } from "../auth/open-session.ts";
import { readClientAddress } from "../auth/read-client-address.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";

const signInSchema = z
  .object({
    organisation: z.string().min(1).max(200).openapi({ example: "example-reseller" }),
    email: z.string().min(3).max(320),
    password: z.string().min(1).max(1024),
  })
  .openapi("SignIn");

/** What sign-in (and accepting an invitation) answers: who is signed in, and the CSRF token writes echo. */
export const signedInSchema = z
  .object({
    organisation: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    user: z.object({
      id: z.string(),
      email: z.string(),
      role: z.string(),
      customerId: z.string().nullable().openapi({
        description: "a customer account's own customer (the only one it may read); null for staff",
      }),
    }),
    csrfToken: z.string(),
    expiresAt: z.string(),
  })
  .openapi("SignedIn");

/** A hash to verify against when the account does not exist, so that case takes as long as a wrong password. */
const decoyHash = hashPassword("calwise decoy password");

/**
 * `POST /v1/sign-in`: organisation slug, email and password → a server-side session (HttpOnly, SameSite=Lax
 * cookie, Secure with --secure-cookies) and the CSRF token writes must echo. Failures are counted per
 * account and per address; past the limits the answer is 429 RATE_LIMITED, even for the right password.
 */
export function registerSignInRoute(app: OpenAPIHono<ApiEnv>, deps: ServerDependencies): void {
  const route = createRoute({
    method: "post",
    path: "/v1/sign-in",
    tags: ["accounts"],
    summary: "Sign in: start a session",
    request: {
      body: { required: true, content: { "application/json": { schema: signInSchema } } },
    },
    responses: {
      200: {
        description: "signed in",
        content: { "application/json": { schema: signedInSchema } },
      },
      ...problemResponses(400, 401, 429),
    },
  });
  app.openapi(route, async (c) => {
    const input = c.req.valid("json");
    const refused = new CalwiseError("UNAUTHENTICATED", "wrong organisation, email or password");
    const org = await deps.store.organisations.findBySlug(input.organisation);
    if (org === undefined) {
      await verifyPassword(input.password, await decoyHash);
      throw refused;
    }
    const email = input.email.toLowerCase();
    await refuseTooManyFailures(c, deps, org.id, email);
    const address = readClientAddress(c);
    const user = await deps.store.users.findByEmail(org.id, email);
    const good =
      user !== undefined &&
      user.disabledAt === null &&
      user.passwordHash !== null &&
      (await verifyPassword(input.password, user.passwordHash));
    await deps.store.signInAttempts.record(org.id, {
      email,
      address,
      outcome: good ? "succeeded" : "failed",
    });
    if (!good || user === undefined) {
      if (user === undefined) await verifyPassword(input.password, await decoyHash);
      throw refused;
    }
    return c.json(await openSession(c, deps, { org, user }), 200);
  });
}
