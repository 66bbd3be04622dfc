import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { createInvitation } from "../auth/invitation.ts";
import { recordChange } from "../auth/record-change.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { userIdParams } from "./user-schemas.ts";

/**
 * `POST /v1/users/{id}/invitation`: a one-time token (7 days) with which the user sets a password at
 * `POST /v1/invitations/accept`; for a user added without one, or to reset a forgotten one (the old
 * password stops working at once). A new invitation replaces the last; the token is stored only hashed.
 */
export function registerInviteUserRoute(app: OpenAPIHono<ApiEnv>, deps: ServerDependencies): void {
  const route = createRoute({
    method: "post",
    path: "/v1/users/{id}/invitation",
    tags: ["users"],
    summary: "Invite a user to set a password (owners)",
    request: { params: userIdParams },
    responses: {
      200: {
        description: "the invitation, shown once: hand the token to the user",
        content: {
          "application/json": {
            schema: z
              .object({
                token: z.string(),
                expiresAt: z.string(),
                accept: z
                  .string()
                  .openapi({ description: "where the user sends it with a password" }),
              })
              .openapi("Invitation"),
          },
        },
      },
      ...problemResponses(401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, ["owner"]);
    const { id } = c.req.valid("param");
    const invitation = createInvitation(principal.orgId, deps.now());
    await deps.store.transact(principal.orgId, async (tx) => {
      const user = await tx.users.get(principal.orgId, id);
      if (user === undefined || user.disabledAt !== null)
        throw new CalwiseError("NOT_FOUND", "no such user");
      await tx.users.setPasswordHash(principal.orgId, id, invitation.stored);
      await recordChange(tx, c, principal, {
        action: "user.invite",
        targetType: "user",
        targetId: id,
      });
    });
    return c.json(
      {
        token: invitation.token,
        expiresAt: invitation.expiresAt,
        accept: "/v1/invitations/accept",
      },
      200,
    );
  });
}
