import { compareDeployments, deploymentComparisonSchema } from "@calwise/app";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { deploymentIdParams } from "./deployment-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { readStoredDeployment } from "./read-stored-deployment.ts";
import { readVisibleDeployment } from "./read-visible-deployment.ts";
import { allRoles } from "./route-roles.ts";

const revisionNumber = z.coerce.number().int().min(1);

/**
 * `GET /v1/deployments/{id}/comparison?from=1&to=2`: what changed between two revisions and what it does
 * to the CALs needed (the app's `compareDeployments`, which evaluates both).
 */
export function registerCompareRevisionsRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "get",
    path: "/v1/deployments/{id}/comparison",
    tags: ["deployments"],
    summary: "Compare two revisions of a deployment",
    request: {
      params: deploymentIdParams,
      query: z.object({
        from: revisionNumber.openapi({ description: "the earlier revision" }),
        to: revisionNumber
          .optional()
          .openapi({ description: "the later revision; the latest when absent" }),
      }),
    },
    responses: {
      200: {
        description: "the comparison",
        content: { "application/json": { schema: deploymentComparisonSchema } },
      },
      ...problemResponses(400, 401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, allRoles);
    const deployment = await readVisibleDeployment(deps.store, principal, c.req.valid("param").id);
    const { from, to } = c.req.valid("query");
    const before = await readStoredDeployment(deps.store, principal.orgId, deployment.id, from);
    const after = await readStoredDeployment(deps.store, principal.orgId, deployment.id, to);
    const comparison = compareDeployments({
      before: { name: `revision ${before.revision.revision}`, data: before.revision.document },
      after: { name: `revision ${after.revision.revision}`, data: after.revision.document },
      catalog: deps.catalog,
    });
    // The use case's answer is deeply readonly; the response schema's type is the same shape, mutable.
    return c.json(comparison as z.output<typeof deploymentComparisonSchema>, 200);
  });
}
