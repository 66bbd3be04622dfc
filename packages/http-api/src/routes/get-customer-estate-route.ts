import { checkCustomerEstate, estatePositionSchema } from "@calwise/app";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { listOwnedOfEntitlements } from "../entitlements/list-owned-of-entitlements.ts";
import { readRequestToday, todayHeaders } from "../read-request-today.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { customerIdParams } from "./customer-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { readPriceListInForce } from "./read-price-list-in-force.ts";
import { readStoredDeployment } from "./read-stored-deployment.ts";
import { readVisibleCustomer } from "./read-visible-customer.ts";
import { allRoles } from "./route-roles.ts";

const estateSchema = z
  .object({
    customerId: z.string(),
    entitlements: z
      .number()
      .int()
      .openapi({ description: "the customer's entitlement rows (imported purchases)" }),
    position: z.object(estatePositionSchema.shape).nullable().openapi({
      description:
        "every deployment's latest revision checked together against the entitlements; null: no deployment yet",
    }),
  })
  .openapi("CustomerEstate");

/**
 * `GET /v1/customers/{id}/estate`: the customer's estate position, computed on every request (nothing stored):
 * the latest revision of each of the customer's deployments, checked together by the app's
 * `checkCustomerEstate` against the customer's entitlements, priced with the organisation's list in force on the
 * request's today. A deployment's own check counts only the CALs typed on it; this is where entitlements count.
 */
export function registerGetCustomerEstateRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "get",
    path: "/v1/customers/{id}/estate",
    tags: ["deployments"],
    summary: "A customer's estate position: all deployments against the customer's entitlements",
    request: { headers: todayHeaders, params: customerIdParams },
    responses: {
      200: {
        description: "the estate position",
        content: { "application/json": { schema: estateSchema } },
      },
      ...problemResponses(400, 401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, allRoles);
    const customer = await readVisibleCustomer(deps.store, principal, c.req.valid("param").id);
    const today = readRequestToday(c, deps.now());
    const { deployments, entitlements } = await deps.store.read(principal.orgId, async (store) => {
      const listed = await store.deployments.list(principal.orgId, { customerId: customer.id });
      const latest = [];
      for (const deployment of listed) {
        const { revision } = await readStoredDeployment(store, principal.orgId, deployment.id);
        latest.push({
          name: deployment.name,
          revision: deployment.latestRevision,
          document: revision.document,
        });
      }
      const owned = await store.entitlements.list(principal.orgId, { customerId: customer.id });
      return { deployments: latest, entitlements: owned };
    });
    const inForce = await readPriceListInForce(deps, principal.orgId, today);
    const position =
      deployments.length === 0
        ? null
        : checkCustomerEstate({
            customer: customer.name,
            deployments,
            entitlements: listOwnedOfEntitlements(entitlements),
            catalog: deps.catalog,
            prices: inForce?.list,
          });
    return c.json({ customerId: customer.id, entitlements: entitlements.length, position }, 200);
  });
}
