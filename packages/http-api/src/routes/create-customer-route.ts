import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import { createOnce, idempotencyKeyHeaders } from "../create-once.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { customerFieldsSchema, customerSchema, showCustomer } from "./customer-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { editorRoles } from "./route-roles.ts";

/** `POST /v1/customers`: a new customer, recorded in the audit log in the same transaction (Idempotency-Key honoured). */
export function registerCreateCustomerRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/customers",
    tags: ["customers"],
    summary: "Create a customer",
    request: {
      headers: idempotencyKeyHeaders,
      body: { required: true, content: { "application/json": { schema: customerFieldsSchema } } },
    },
    responses: {
      201: { description: "created", content: { "application/json": { schema: customerSchema } } },
      ...problemResponses(400, 401, 403),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, editorRoles);
    const fields = c.req.valid("json");
    const customer = await createOnce(c, deps.store, principal, fields, async (tx) => {
      const created = await tx.customers.create(principal.orgId, fields);
      await recordChange(tx, c, principal, {
        action: "customer.create",
        targetType: "customer",
        targetId: created.id,
      });
      return showCustomer(created);
    });
    return c.json(customer, 201);
  });
}
