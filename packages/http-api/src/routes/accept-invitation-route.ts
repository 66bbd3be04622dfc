import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { hashPassword, minimumPasswordLength } from "../auth/hash-password.ts";
import { acceptsInvitation } from "../auth/invitation.ts";
import { openSession, refuseTooManyFailures } from "../auth/open-session.ts";
import { readClientAddress } from "../auth/read-client-address.ts";
import { readTokenOrgId } from "../auth/secret-token.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { signedInSchema } from "./sign-in-route.ts";

/**
 * `POST /v1/invitations/accept`: the invited user sets a password with the token an owner handed over (no
 * session needed; the token names its organisation) and is signed in, as sign-in would (same cookies, same
 * failure limits: a mismatch is the same 401 as a wrong sign-in and counts as a failed attempt).
 */
export function registerAcceptInvitationRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/invitations/accept",
    tags: ["accounts"],
    summary: "Accept an invitation: set a password and sign in",
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z
              .object({
                token: z.string().min(1).max(200),
                email: z.email().max(320),
                password: z.string().min(minimumPasswordLength).max(1024),
              })
              .openapi("AcceptInvitation"),
          },
        },
      },
    },
    responses: {
      200: {
        description: "the password is set and the user is signed in (a session, as sign-in opens)",
        content: { "application/json": { schema: signedInSchema } },
      },
      ...problemResponses(400, 401, 429),
    },
  });
  app.openapi(route, async (c) => {
    const { token, email, password } = c.req.valid("json");
    const refused = new CalwiseError(
      "UNAUTHENTICATED",
      "no open invitation for this email and token",
    );
    const orgId = readTokenOrgId(token);
    const org = orgId === undefined ? undefined : await deps.store.organisations.get(orgId);
    if (org === undefined) throw refused;
    // A way to a session as sign-in is: the same limits on failures, counted in the same ledger.
    await refuseTooManyFailures(c, deps, org.id, email.toLowerCase());
    const passwordHash = await hashPassword(password);
    const address = readClientAddress(c);
    const accepted = await deps.store.transact(org.id, async (tx) => {
      const user = await tx.users.findByEmail(org.id, email);
      if (
        user === undefined ||
        user.disabledAt !== null ||
        !acceptsInvitation(user.passwordHash, token, deps.now())
      )
        return undefined;
      await tx.users.setPasswordHash(org.id, user.id, passwordHash);
      await tx.auditLog.append(org.id, {
        actorId: user.id,
        action: "user.accept-invitation",
        targetType: "user",
        targetId: user.id,
        address,
      });
      return user;
    });
    await deps.store.signInAttempts.record(org.id, {
      email: email.toLowerCase(),
      address,
      outcome: accepted === undefined ? "failed" : "succeeded",
    });
    if (accepted === undefined) throw refused;
    // Signed in at once, as sign-in would: the new account lands on its home screen, not on a sign-in form.
    return c.json(await openSession(c, deps, { org, user: accepted }), 200);
  });
}
