import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { revisionParams, revisionSchema, showRevision } from "./deployment-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { readStoredDeployment } from "./read-stored-deployment.ts";
import { readVisibleDeployment } from "./read-visible-deployment.ts";
import { allRoles } from "./route-roles.ts";

/** `GET /v1/deployments/{id}/revisions/{revision}`: one saved revision, as it was saved. */
export function registerGetRevisionRoute(app: OpenAPIHono<ApiEnv>, deps: ServerDependencies): void {
  const route = createRoute({
    method: "get",
    path: "/v1/deployments/{id}/revisions/{revision}",
    tags: ["deployments"],
    summary: "Read one revision of a deployment",
    request: { params: revisionParams },
    responses: {
      200: {
        description: "the revision",
        content: { "application/json": { schema: revisionSchema } },
      },
      ...problemResponses(400, 401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, allRoles);
    const { id, revision } = c.req.valid("param");
    const deployment = await readVisibleDeployment(deps.store, principal, id);
    const stored = await readStoredDeployment(deps.store, principal.orgId, deployment.id, revision);
    return c.json(showRevision(stored.revision), 200);
  });
}
