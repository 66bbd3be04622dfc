import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import {
  customerFieldsSchema,
  customerIdParams,
  customerSchema,
  showCustomer,
} from "./customer-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { editorRoles } from "./route-roles.ts";

/** `PUT /v1/customers/{id}`: replaces a customer's fields. */
export function registerUpdateCustomerRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "put",
    path: "/v1/customers/{id}",
    tags: ["customers"],
    summary: "Update a customer",
    request: {
      params: customerIdParams,
      body: { required: true, content: { "application/json": { schema: customerFieldsSchema } } },
    },
    responses: {
      200: { description: "updated", content: { "application/json": { schema: customerSchema } } },
      ...problemResponses(400, 401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, editorRoles);
    const { id } = c.req.valid("param");
    const fields = c.req.valid("json");
    const customer = await deps.store.transact(principal.orgId, async (tx) => {
      const updated = await tx.customers.update(principal.orgId, id, fields);
      if (updated === undefined) throw new CalwiseError("NOT_FOUND", "no such customer");
      await recordChange(tx, c, principal, {
        action: "customer.update",
        targetType: "customer",
        targetId: id,
      });
      return updated;
    });
    return c.json(showCustomer(customer), 200);
  });
}
