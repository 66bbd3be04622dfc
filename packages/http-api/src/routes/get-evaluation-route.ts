import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { canSeeCustomer } from "../auth/principal.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { evaluationIdParams, evaluationSchema, showEvaluation } from "./evaluation-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { allRoles } from "./route-roles.ts";

/** `GET /v1/evaluations/{id}`: a stored evaluation, as computed then (another organisation's, or another customer's for a customer user, is NOT_FOUND). */
export function registerGetEvaluationRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "get",
    path: "/v1/evaluations/{id}",
    tags: ["evaluations"],
    summary: "Read a stored evaluation",
    request: { params: evaluationIdParams },
    responses: {
      200: {
        description: "the evaluation",
        content: { "application/json": { schema: evaluationSchema } },
      },
      ...problemResponses(401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, allRoles);
    const evaluation = await deps.store.evaluations.get(principal.orgId, c.req.valid("param").id);
    const deployment =
      evaluation === undefined
        ? undefined
        : await deps.store.deployments.get(principal.orgId, evaluation.deploymentId);
    if (
      evaluation === undefined ||
      deployment === undefined ||
      !canSeeCustomer(principal, deployment.customerId)
    )
      throw new CalwiseError("NOT_FOUND", "no such evaluation");
    return c.json(showEvaluation(evaluation), 200);
  });
}
