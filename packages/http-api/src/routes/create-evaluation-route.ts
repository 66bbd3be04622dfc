import { evaluateDeploymentDocument, evaluateUntilProven } from "@calwise/app";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import { createOnce, idempotencyKeyHeaders } from "../create-once.ts";
import { readRequestToday, todayHeaders } from "../read-request-today.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { evaluationSchema, showEvaluation } from "./evaluation-schemas.ts";
import { problemResponses } from "./problem-responses.ts";
import { readEvaluationPrices } from "./read-evaluation-prices.ts";
import { readVisibleCustomer } from "./read-visible-customer.ts";
import { editorRoles } from "./route-roles.ts";

const newEvaluationSchema = z
  .object({
    deployment: z.record(z.string(), z.unknown()).openapi({
      description:
        "a deployment document as data (docs/deployment.schema.json); its price list inline under `prices`, else the organisation's list in force today prices it",
    }),
    customerId: z.string().min(1).max(100).optional(),
  })
  .openapi("NewEvaluation");

/**
 * `POST /v1/evaluations`: evaluates a deployment with the `evaluateDeploymentDocument` use case (which
 * validates it with the core's schema: a path where data belongs is a SCHEMA problem), priced with its own
 * `prices` or else the organisation's list in force (`readEvaluationPrices`), then stores the
 * deployment as a new deployment's first revision and the result with the catalog version, atomically.
 */
export function registerCreateEvaluationRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/evaluations",
    tags: ["evaluations"],
    summary: "Evaluate a deployment and store the result",
    request: {
      headers: idempotencyKeyHeaders.extend(todayHeaders.shape),
      body: { required: true, content: { "application/json": { schema: newEvaluationSchema } } },
    },
    responses: {
      201: {
        description: "evaluated",
        content: { "application/json": { schema: evaluationSchema } },
      },
      ...problemResponses(400, 401, 403, 404),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, editorRoles);
    const { deployment, customerId } = c.req.valid("json");
    if (customerId !== undefined) await readVisibleCustomer(deps.store, principal, customerId);
    const { prices, priceListId } = await readEvaluationPrices(
      deps,
      principal.orgId,
      readRequestToday(c, deps.now()),
      deployment,
    );
    const result = await evaluateUntilProven(
      (evaluation) =>
        evaluateDeploymentDocument({
          deployment: { name: "deployment", data: deployment },
          catalog: deps.catalog,
          prices,
          evaluation,
        }),
      deps.loadSolver,
    );
    const name = typeof deployment.name === "string" ? deployment.name : "deployment";
    const request = { deployment, customerId };
    const evaluation = await createOnce(c, deps.store, principal, request, async (tx) => {
      const saved = await tx.deployments.create(principal.orgId, {
        name,
        customerId: customerId ?? null,
        document: deployment,
        createdBy: principal.userId,
      });
      const stored = await tx.evaluations.create(principal.orgId, {
        deploymentId: saved.deployment.id,
        revision: saved.revision.revision,
        catalogVersion: deps.catalog.version,
        result,
        priceListId,
      });
      await recordChange(tx, c, principal, {
        action: "evaluation.create",
        targetType: "evaluation",
        targetId: stored.id,
        details: { deploymentId: saved.deployment.id },
      });
      return showEvaluation(stored);
    });
    return c.json(evaluation, 201);
  });
}
