import { answerSaleQuestion } from "@calwise/app";
import { CalwiseError } from "@calwise/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { recordChange } from "../auth/record-change.ts";
import { createOnce, idempotencyKeyHeaders } from "../create-once.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { newScenarioSchema, scenarioSchema, showScenario } from "./training-schemas.ts";

/**
 * `POST /v1/training/scenarios` (owner): one of the organisation's own training scenarios. Its question is
 * answered by the engine once before it is stored (`answerSaleQuestion`), so an exercise drawn from it always
 * has an answer; its problems are named by their path in the body (`question.product`).
 */
export function registerCreateTrainingScenarioRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/training/scenarios",
    tags: ["training"],
    summary: "Add a training scenario of the organisation's own (owner)",
    request: {
      headers: idempotencyKeyHeaders,
      body: { required: true, content: { "application/json": { schema: newScenarioSchema } } },
    },
    responses: {
      201: { description: "created", content: { "application/json": { schema: scenarioSchema } } },
      ...problemResponses(400, 401, 403, 409),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, ["owner"]);
    const body = c.req.valid("json");
    try {
      answerSaleQuestion({ question: body.question, catalog: deps.catalog });
    } catch (error) {
      if (!(error instanceof CalwiseError)) throw error;
      throw new CalwiseError(
        error.code,
        error.message,
        error.problems.map((p) => ({ ...p, path: ["question", p.path].filter(Boolean).join(".") })),
      );
    }
    const scenario = await createOnce(c, deps.store, principal, body, async (tx) => {
      const saved = await tx.trainingScenarios.create(principal.orgId, {
        title: body.title,
        question: body.question,
        note: body.note === undefined || body.note === "" ? null : body.note,
        createdBy: principal.userId,
      });
      await recordChange(tx, c, principal, {
        action: "training-scenario.create",
        targetType: "training-scenario",
        targetId: saved.id,
      });
      return showScenario(saved);
    });
    return c.json(scenario, 201);
  });
}
