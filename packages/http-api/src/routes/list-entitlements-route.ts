import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { entitlementListSchema, showEntitlement } from "./entitlement-schemas.ts";
import { idParams } from "./evidence-job-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { readVisibleCustomer } from "./read-visible-customer.ts";
import { allRoles } from "./route-roles.ts";

/** `GET /v1/customers/{id}/entitlements`: what a customer owns (a customer user: its own only). */
export function registerListEntitlementsRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "get",
    path: "/v1/customers/{id}/entitlements",
    tags: ["entitlements"],
    summary: "List a customer's entitlements",
    request: { params: idParams },
    responses: {
      200: {
        description: "the entitlements, oldest first",
        content: { "application/json": { schema: entitlementListSchema } },
      },
      ...problemResponses(401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, allRoles);
    const customerId = c.req.valid("param").id;
    await readVisibleCustomer(deps.store, principal, customerId);
    const entitlements = await deps.store.entitlements.list(principal.orgId, { customerId });
    return c.json({ entitlements: entitlements.map(showEntitlement) }, 200);
  });
}
