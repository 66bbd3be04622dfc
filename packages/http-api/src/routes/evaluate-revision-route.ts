import { evaluateDeploymentDocument, evaluateUntilProven } from "@calwise/app";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import { createOnce, idempotencyKeyHeaders } from "../create-once.ts";
import { readRequestToday, todayHeaders } from "../read-request-today.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { deploymentIdParams } from "./deployment-schemas.ts";
import { evaluationSchema, showEvaluation } from "./evaluation-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { readEvaluationPrices } from "./read-evaluation-prices.ts";
import { readStoredDeployment } from "./read-stored-deployment.ts";
import { readVisibleDeployment } from "./read-visible-deployment.ts";
import { staffRoles } from "./route-roles.ts";

/**
 * `POST /v1/deployments/{id}/evaluations`: evaluates a stored revision (the latest unless named) with the
 * `evaluateDeploymentDocument` use case, priced with the revision's own `prices` or else the organisation's
 * list in force today (`readEvaluationPrices`: what to buy has a cost), and stores the result with the catalog
 * version it was computed with: the deployment's compliance position as of now.
 */
export function registerEvaluateRevisionRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/deployments/{id}/evaluations",
    tags: ["deployments"],
    summary: "Evaluate a stored revision and store its compliance position",
    request: {
      headers: idempotencyKeyHeaders.extend(todayHeaders.shape),
      params: deploymentIdParams,
      body: {
        required: false,
        content: {
          "application/json": {
            schema: z.object({
              revision: z.number().int().min(1).optional().openapi({
                description: "the revision to evaluate; the latest when absent",
              }),
            }),
          },
        },
      },
    },
    responses: {
      201: {
        description: "evaluated",
        content: { "application/json": { schema: evaluationSchema } },
      },
      ...problemResponses(400, 401, 403, 404, 409),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, staffRoles);
    const deployment = await readVisibleDeployment(deps.store, principal, c.req.valid("param").id);
    const revision = c.req.valid("json")?.revision;
    const stored = await readStoredDeployment(deps.store, principal.orgId, deployment.id, revision);
    const document = stored.revision.document as Record<string, unknown>;
    const { prices, priceListId } = await readEvaluationPrices(
      deps,
      principal.orgId,
      readRequestToday(c, deps.now()),
      document,
    );
    const result = await evaluateUntilProven(
      (evaluation) =>
        evaluateDeploymentDocument({
          deployment: { name: deployment.name, data: stored.revision.document },
          catalog: deps.catalog,
          prices,
          evaluation,
        }),
      deps.loadSolver,
    );
    const request = { revision: stored.revision.revision };
    const evaluation = await createOnce(c, deps.store, principal, request, async (tx) => {
      const saved = await tx.evaluations.create(principal.orgId, {
        deploymentId: deployment.id,
        revision: stored.revision.revision,
        catalogVersion: deps.catalog.version,
        result,
        priceListId,
      });
      await recordChange(tx, c, principal, {
        action: "evaluation.create",
        targetType: "evaluation",
        targetId: saved.id,
        details: { deploymentId: deployment.id, revision: stored.revision.revision },
      });
      return showEvaluation(saved);
    });
    return c.json(evaluation, 201);
  });
}
