import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { leavesNoOwner, userIdParams } from "./user-schemas.ts";

/**
 * `DELETE /v1/users/{id}`: an owner removes a user. The account is disabled, not deleted (the audit log
 * keeps naming who did what), and its sessions and API tokens stop working at once. The last active owner
 * cannot be removed (409).
 */
export function registerRemoveUserRoute(app: OpenAPIHono<ApiEnv>, deps: ServerDependencies): void {
  const route = createRoute({
    method: "delete",
    path: "/v1/users/{id}",
    tags: ["users"],
    summary: "Remove a user (owners)",
    request: { params: userIdParams },
    responses: { 204: { description: "removed" }, ...problemResponses(401, 403, 404, 409) },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, ["owner"]);
    const { id } = c.req.valid("param");
    await deps.store.transact(principal.orgId, async (tx) => {
      const users = await tx.users.list(principal.orgId);
      if (!users.some((u) => u.id === id && u.disabledAt === null))
        throw new CalwiseError("NOT_FOUND", "no such user");
      if (leavesNoOwner(users, id, null))
        throw new CalwiseError(
          "CONFLICT",
          "the organisation needs an owner: make another user owner first",
        );
      await tx.users.disable(principal.orgId, id);
      await recordChange(tx, c, principal, {
        action: "user.remove",
        targetType: "user",
        targetId: id,
      });
    });
    return c.body(null, 204);
  });
}
