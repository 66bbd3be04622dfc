import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { allRoles } from "./route-roles.ts";

/** `DELETE /v1/api-tokens/{id}`: revokes one of the user's own tokens (another's is NOT_FOUND). */
export function registerRevokeApiTokenRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "delete",
    path: "/v1/api-tokens/{id}",
    tags: ["accounts"],
    summary: "Revoke an API token",
    request: { params: z.object({ id: z.string() }) },
    responses: { 204: { description: "revoked" }, ...problemResponses(401, 403, 404) },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, allRoles);
    const { id } = c.req.valid("param");
    const own = await deps.store.apiTokens.listOfUser(principal.orgId, principal.userId);
    if (!own.some((t) => t.id === id && t.revokedAt === null))
      throw new CalwiseError("NOT_FOUND", "no such API token");
    await deps.store.transact(principal.orgId, async (tx) => {
      await tx.apiTokens.revoke(principal.orgId, id);
      await recordChange(tx, c, principal, {
        action: "api-token.revoke",
        targetType: "api-token",
        targetId: id,
      });
    });
    return c.body(null, 204);
  });
}
