import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { customerIdParams } from "./customer-schemas.ts";
import { deploymentSchema, showDeployment } from "./deployment-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { readVisibleCustomer } from "./read-visible-customer.ts";
import { allRoles } from "./route-roles.ts";

/** `GET /v1/customers/{id}/deployments`: a customer's deployments (a customer user reads its own). */
export function registerListCustomerDeploymentsRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "get",
    path: "/v1/customers/{id}/deployments",
    tags: ["deployments"],
    summary: "List a customer's deployments",
    request: { params: customerIdParams },
    responses: {
      200: {
        description: "the deployments",
        content: {
          "application/json": { schema: z.object({ deployments: z.array(deploymentSchema) }) },
        },
      },
      ...problemResponses(401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, allRoles);
    const customer = await readVisibleCustomer(deps.store, principal, c.req.valid("param").id);
    const deployments = await deps.store.deployments.list(principal.orgId, {
      customerId: customer.id,
    });
    return c.json({ deployments: deployments.map(showDeployment) }, 200);
  });
}
