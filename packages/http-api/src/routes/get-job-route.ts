import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { idParams, jobSchema, readVisibleJob, showJob } from "./evidence-job-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { allRoles } from "./route-roles.ts";

/** `GET /v1/jobs/{id}`: a job's state and progress, for polling (a customer user sees its own only). */
export function registerGetJobRoute(app: OpenAPIHono<ApiEnv>, deps: ServerDependencies): void {
  const route = createRoute({
    method: "get",
    path: "/v1/jobs/{id}",
    tags: ["evidence"],
    summary: "Read a job's state and progress",
    request: { params: idParams },
    responses: {
      200: { description: "the job", content: { "application/json": { schema: jobSchema } } },
      ...problemResponses(401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, allRoles);
    const job = await readVisibleJob(deps.store, principal, c.req.valid("param").id);
    return c.json(showJob(job), 200);
  });
}
