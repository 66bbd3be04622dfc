import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { customerIdParams, customerSchema, showCustomer } from "./customer-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { readVisibleCustomer } from "./read-visible-customer.ts";
import { allRoles } from "./route-roles.ts";

/** `GET /v1/customers/{id}`: one customer (another organisation's, or for a customer user another customer's, is NOT_FOUND). */
export function registerGetCustomerRoute(app: OpenAPIHono<ApiEnv>, deps: ServerDependencies): void {
  const route = createRoute({
    method: "get",
    path: "/v1/customers/{id}",
    tags: ["customers"],
    summary: "Read a customer",
    request: { params: customerIdParams },
    responses: {
      200: {
        description: "the customer",
        content: { "application/json": { schema: customerSchema } },
      },
      ...problemResponses(401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, allRoles);
    const customer = await readVisibleCustomer(deps.store, principal, c.req.valid("param").id);
    return c.json(showCustomer(customer), 200);
  });
}
