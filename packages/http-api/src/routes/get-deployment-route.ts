import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { deploymentIdParams, deploymentSchema, showDeployment } from "./deployment-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { readVisibleDeployment } from "./read-visible-deployment.ts";
import { allRoles } from "./route-roles.ts";

/** `GET /v1/deployments/{id}`: a deployment and the list of its revisions (who saved each, when). */
export function registerGetDeploymentRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "get",
    path: "/v1/deployments/{id}",
    tags: ["deployments"],
    summary: "Read a deployment and its revision history",
    request: { params: deploymentIdParams },
    responses: {
      200: {
        description: "the deployment",
        content: {
          "application/json": {
            schema: deploymentSchema
              .extend({
                revisions: z.array(
                  z.object({
                    revision: z.number().int(),
                    createdAt: z.string(),
                    createdBy: z.string().nullable(),
                  }),
                ),
              })
              .openapi("DeploymentWithRevisions"),
          },
        },
      },
      ...problemResponses(401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, allRoles);
    const deployment = await readVisibleDeployment(deps.store, principal, c.req.valid("param").id);
    const revisions = await deps.store.deployments.listRevisions(principal.orgId, deployment.id);
    return c.json(
      {
        ...showDeployment(deployment),
        revisions: revisions.map(({ revision, createdAt, createdBy }) => ({
          revision,
          createdAt,
          createdBy,
        })),
      },
      200,
    );
  });
}
