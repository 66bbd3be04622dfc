import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { hashPassword, minimumPasswordLength } from "../auth/hash-password.ts";
import { acceptsInvitation } from "../auth/invitation.ts";
import { readClientAddress } from "../auth/read-client-address.ts";
import { readTokenOrgId } from "../auth/secret-token.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";

/**
 * `POST /v1/invitations/accept`: the invited user sets a password with the token an owner handed over (no
 * session needed; the token names its organisation). Any mismatch is the same 401, as a wrong sign-in.
 */
export function registerAcceptInvitationRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/invitations/accept",
    tags: ["accounts"],
    summary: "Accept an invitation: set a password",
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
      204: { description: "the password is set; sign in" },
      ...problemResponses(400, 401),
    },
  });
  app.openapi(route, async (c) => {
    const { token, email, password } = c.req.valid("json");
    const refused = new CalwiseError(
      "UNAUTHENTICATED",
      "no open invitation for this email and token",
    );
    const orgId = readTokenOrgId(token);
    if (orgId === undefined || (await deps.store.organisations.get(orgId)) === undefined)
      throw refused;
    const passwordHash = await hashPassword(password);
    await deps.store.transact(orgId, async (tx) => {
      const user = await tx.users.findByEmail(orgId, email);
      if (
        user === undefined ||
        user.disabledAt !== null ||
        !acceptsInvitation(user.passwordHash, token, deps.now())
      )
        throw refused;
      await tx.users.setPasswordHash(orgId, user.id, passwordHash);
      await tx.auditLog.append(orgId, {
        actorId: user.id,
        action: "user.accept-invitation",
        targetType: "user",
        targetId: user.id,
        address: readClientAddress(c),
      });
    });
    return c.body(null, 204);
  });
}
