import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { showUser, userSchema } from "./user-schemas.ts";

/** `GET /v1/users`: the organisation's users with their roles (owners only). */
export function registerListUsersRoute(app: OpenAPIHono<ApiEnv>, deps: ServerDependencies): void {
  const route = createRoute({
    method: "get",
    path: "/v1/users",
    tags: ["users"],
    summary: "List users (owners)",
    responses: {
      200: {
        description: "the users",
        content: { "application/json": { schema: z.object({ users: z.array(userSchema) }) } },
      },
      ...problemResponses(401, 403),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, ["owner"]);
    const users = await deps.store.users.list(principal.orgId);
    return c.json({ users: users.map(showUser) }, 200);
  });
}
