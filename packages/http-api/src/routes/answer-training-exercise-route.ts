import { checkTrainingAnswer, createTrainingExercise, saleQuestionSchema } from "@calwise/app";
import { CalwiseError } from "@calwise/core";
import type { TrainingExerciseKind } from "@calwise/storage";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import { createOnce, idempotencyKeyHeaders } from "../create-once.ts";
import { readRequestToday, todayHeaders } from "../read-request-today.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { toOwnScenario } from "./create-training-exercise-route.ts";
import { problemResponses } from "./problem-responses.ts";
import { readPriceListInForce } from "./read-price-list-in-force.ts";
import { staffRoles } from "./route-roles.ts";
import { seedSchema, trainingCalsSchema, verdictSchema } from "./training-schemas.ts";

const answerSchema = z
  .object({
    question: saleQuestionSchema
      .optional()
      .describe("the question answered; with a seed or scenario, the one they name is checked"),
    seed: seedSchema.optional().describe("the generated exercise answered"),
    scenarioId: z.string().min(1).max(100).optional().describe("the organisation's scenario"),
    cals: trainingCalsSchema,
  })
  .openapi("TrainingAnswer");

/**
 * `POST /v1/training/answers`: checks the signed-in agent's CALs with the engine (`checkTrainingAnswer`, priced
 * with the organisation's list in force when it has one, so the right answer is the cheapest at its own prices),
 * explains it with its rules and sources, and records the attempt (who, when, the exercise, the answer, right
 * or wrong) for the scores. A seed or scenario names the exercise, and its own question is the one checked.
 */
export function registerAnswerTrainingExerciseRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "post",
    path: "/v1/training/answers",
    tags: ["training"],
    summary: "Check a training answer with the engine and record the attempt",
    request: {
      headers: idempotencyKeyHeaders.extend(todayHeaders.shape),
      body: { required: true, content: { "application/json": { schema: answerSchema } } },
    },
    responses: {
      200: {
        description: "the verdict (the attempt is recorded)",
        content: { "application/json": { schema: verdictSchema } },
      },
      ...problemResponses(400, 401, 403, 404, 409),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, staffRoles);
    const body = c.req.valid("json");
    const prices = (
      await readPriceListInForce(deps, principal.orgId, readRequestToday(c, deps.now()))
    )?.list;
    const verdict = await createOnce(c, deps.store, principal, body, async (tx) => {
      const scenario =
        body.scenarioId === undefined
          ? undefined
          : await tx.trainingScenarios.get(principal.orgId, body.scenarioId);
      if (body.scenarioId !== undefined && scenario === undefined)
        throw new CalwiseError("NOT_FOUND", "no such training scenario");
      const question =
        scenario !== undefined
          ? toOwnScenario(scenario).question
          : body.seed !== undefined
            ? createTrainingExercise(deps.catalog, body.seed).question
            : body.question;
      if (question === undefined)
        throw new CalwiseError("INPUT_INVALID", "say which exercise this answers", [
          {
            code: "SCHEMA",
            path: "question",
            message: "name the exercise: a question, a seed or a scenario",
            expected: "question, seed or scenarioId",
            received: "none of them",
          },
        ]);
      const checked = checkTrainingAnswer({
        question,
        answer: { cals: body.cals },
        catalog: deps.catalog,
        prices,
      });
      const kind: TrainingExerciseKind =
        scenario !== undefined ? "scenario" : body.seed !== undefined ? "seed" : "question";
      await tx.trainingAttempts.record(principal.orgId, {
        userId: principal.userId,
        kind,
        seed: kind === "seed" ? (body.seed ?? null) : null,
        scenarioId: scenario?.id ?? null,
        question,
        answer: { cals: body.cals },
        correct: checked.correct,
      });
      return {
        ...checked,
        expected: [...checked.expected],
        rules: [...checked.rules],
        sources: [...checked.sources],
      };
    });
    return c.json(verdict, 200);
  });
}
