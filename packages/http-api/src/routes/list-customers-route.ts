import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { customerSchema, showCustomer } from "./customer-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { staffRoles } from "./route-roles.ts";

/** `GET /v1/customers`: the organisation's customers. */
export function registerListCustomersRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "get",
    path: "/v1/customers",
    tags: ["customers"],
    summary: "List customers",
    responses: {
      200: {
        description: "the customers",
        content: {
          "application/json": { schema: z.object({ customers: z.array(customerSchema) }) },
        },
      },
      ...problemResponses(401, 403),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, staffRoles);
    const customers = await deps.store.customers.list(principal.orgId);
    return c.json({ customers: customers.map(showCustomer) }, 200);
  });
}
