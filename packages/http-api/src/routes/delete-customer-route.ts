import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { customerIdParams } from "./customer-schemas.ts";
import { isForeignKeyViolation } from "./is-foreign-key-violation.ts";
import { problemResponses } from "./problem-responses.ts";
import { readVisibleCustomer } from "./read-visible-customer.ts";
import { editorRoles } from "./route-roles.ts";

/** `DELETE /v1/customers/{id}`: removes a customer that nothing names any more (else CONFLICT). */
export function registerDeleteCustomerRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "delete",
    path: "/v1/customers/{id}",
    tags: ["customers"],
    summary: "Delete a customer",
    request: { params: customerIdParams },
    responses: { 204: { description: "deleted" }, ...problemResponses(401, 403, 404, 409) },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, editorRoles);
    const { id } = c.req.valid("param");
    await readVisibleCustomer(deps.store, principal, id);
    try {
      await deps.store.transact(principal.orgId, async (tx) => {
        await tx.customers.delete(principal.orgId, id);
        await recordChange(tx, c, principal, {
          action: "customer.delete",
          targetType: "customer",
          targetId: id,
        });
      });
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      throw new CalwiseError("CONFLICT", "the customer still has deployments, users or quotes");
    }
    return c.body(null, 204);
  });
}
