import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { readVisibleCustomer } from "./read-visible-customer.ts";
import { leavesNoOwner, roleSchema, showUser, userIdParams, userSchema } from "./user-schemas.ts";

/** `PUT /v1/users/{id}/role`: an owner changes a user's role; the last active owner stays an owner (409). */
export function registerChangeUserRoleRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "put",
    path: "/v1/users/{id}/role",
    tags: ["users"],
    summary: "Change a user's role (owners)",
    request: {
      params: userIdParams,
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z
              .object({ role: roleSchema, customerId: z.string().min(1).max(100).optional() })
              .refine((u) => (u.role === "customer") === (u.customerId !== undefined), {
                message: "a customer user names its customer; no other role does",
                path: ["customerId"],
              })
              .openapi("RoleChange"),
          },
        },
      },
    },
    responses: {
      200: { description: "changed", content: { "application/json": { schema: userSchema } } },
      ...problemResponses(400, 401, 403, 404, 409),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, ["owner"]);
    const { id } = c.req.valid("param");
    const { role, customerId } = c.req.valid("json");
    const user = await deps.store.transact(principal.orgId, async (tx) => {
      const users = await tx.users.list(principal.orgId);
      const target = users.find((u) => u.id === id && u.disabledAt === null);
      if (target === undefined) throw new CalwiseError("NOT_FOUND", "no such user");
      if (customerId !== undefined) await readVisibleCustomer(tx, principal, customerId);
      if (leavesNoOwner(users, id, role))
        throw new CalwiseError(
          "CONFLICT",
          "the organisation needs an owner: make another user owner first",
        );
      const changed = await tx.users.setRole(principal.orgId, id, {
        role,
        customerId: customerId ?? null,
      });
      if (changed === undefined) throw new CalwiseError("NOT_FOUND", "no such user");
      await recordChange(tx, c, principal, {
        action: "user.role",
        targetType: "user",
        targetId: id,
        details: { from: target.role, to: role },
      });
      return changed;
    });
    return c.json(showUser(user), 200);
  });
}
