import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { customerIdParams } from "./customer-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { readVisibleCustomer } from "./read-visible-customer.ts";
import { allRoles } from "./route-roles.ts";

const positionSchema = z
  .object({
    customerId: z.string(),
    catalogVersion: z.string().openapi({ description: "the catalog the service runs now" }),
    compliant: z.boolean().nullable().openapi({
      description: "every deployment's newest evaluation is compliant; null when one has none",
    }),
    deployments: z.array(
      z.object({
        deploymentId: z.string(),
        name: z.string(),
        latestRevision: z.number().int(),
        evaluation: z
          .object({
            id: z.string(),
            revision: z.number().int(),
            catalogVersion: z.string(),
            createdAt: z.string(),
            compliant: z.boolean(),
            currency: z.string().nullable(),
            purchaseTotal: z.number().int().nullable(),
          })
          .nullable(),
        current: z.boolean().openapi({
          description:
            "the evaluation is of the latest revision with the catalog the service runs now (else evaluate again)",
        }),
      }),
    ),
  })
  .openapi("CompliancePosition");

interface StoredResult {
  readonly compliant: boolean;
  readonly currency: string | null;
  readonly purchaseTotal: number | null;
}

/**
 * `GET /v1/customers/{id}/position`: the customer's current compliance position: each deployment's newest
 * stored evaluation, with the catalog version it was computed with and whether it is still current. It
 * reads what was stored; `POST /v1/deployments/{id}/evaluations` computes a new one.
 */
export function registerGetCustomerPositionRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "get",
    path: "/v1/customers/{id}/position",
    tags: ["deployments"],
    summary: "A customer's current compliance position",
    request: { params: customerIdParams },
    responses: {
      200: {
        description: "the position",
        content: { "application/json": { schema: positionSchema } },
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
    const rows = [];
    for (const deployment of deployments) {
      const [newest] = await deps.store.evaluations.listOfDeployment(
        principal.orgId,
        deployment.id,
      );
      const result = newest?.result as StoredResult | undefined;
      rows.push({
        deploymentId: deployment.id,
        name: deployment.name,
        latestRevision: deployment.latestRevision,
        evaluation:
          newest === undefined || result === undefined
            ? null
            : {
                id: newest.id,
                revision: newest.revision,
                catalogVersion: newest.catalogVersion,
                createdAt: newest.createdAt,
                compliant: result.compliant,
                currency: result.currency,
                purchaseTotal: result.purchaseTotal,
              },
        current:
          newest !== undefined &&
          newest.revision === deployment.latestRevision &&
          newest.catalogVersion === deps.catalog.version,
      });
    }
    const compliant = rows.some((r) => r.evaluation === null)
      ? null
      : rows.every((r) => r.evaluation?.compliant === true);
    return c.json(
      {
        customerId: customer.id,
        catalogVersion: deps.catalog.version,
        compliant,
        deployments: rows,
      },
      200,
    );
  });
}
