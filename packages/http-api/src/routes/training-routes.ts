import { checkTrainingAnswer, createTrainingExercise, saleQuestionSchema } from "@calwise/app";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { staffRoles } from "./route-roles.ts";

const exerciseSchema = z
  .object({ seed: z.number().int(), question: saleQuestionSchema, prompt: z.string() })
  .openapi("TrainingExercise");

const calType = z.enum(["user", "device"]);

const answerSchema = z
  .object({
    question: saleQuestionSchema,
    cals: z
      .array(
        z.object({
          family: z.string().min(1).max(100),
          type: calType,
          count: z.number().int().min(0).max(100000),
        }),
      )
      .max(20),
  })
  .openapi("TrainingAnswer");

const verdictSchema = z
  .object({
    correct: z.boolean(),
    expected: z.array(
      z.object({ family: z.string(), name: z.string(), type: calType, count: z.number().int() }),
    ),
    sentence: z.string(),
    rules: z.array(z.string()),
    sources: z.array(z.string()),
  })
  .openapi("TrainingVerdict");

/**
 * Sales training (issue 13): `POST /v1/training/exercises` generates a counter scenario from a seed
 * (`createTrainingExercise`), `POST /v1/training/answers` checks a trainee's CALs with the engine
 * (`checkTrainingAnswer`) and explains the answer with its rules and sources. Nothing is stored yet.
 */
export function registerTrainingRoutes(app: OpenAPIHono<ApiEnv>, deps: ServerDependencies): void {
  const exercise = createRoute({
    method: "post",
    path: "/v1/training/exercises",
    tags: ["training"],
    summary: "Generate a training exercise",
    request: {
      body: {
        required: false,
        content: {
          "application/json": {
            schema: z
              .object({
                seed: z
                  .number()
                  .int()
                  .min(0)
                  .max(2 ** 31)
                  .optional(),
              })
              .openapi("NewTrainingExercise"),
          },
        },
      },
    },
    responses: {
      200: {
        description: "the exercise",
        content: { "application/json": { schema: exerciseSchema } },
      },
      ...problemResponses(400, 401, 403),
    },
  });
  app.openapi(exercise, async (c) => {
    authorise(c, staffRoles);
    const body = (await c.req.json().catch(() => ({}))) as { seed?: unknown };
    const seed =
      typeof body.seed === "number" && Number.isSafeInteger(body.seed) && body.seed >= 0
        ? body.seed
        : Math.floor(Math.random() * 2 ** 31);
    return c.json(createTrainingExercise(deps.catalog, seed), 200);
  });
  const answer = createRoute({
    method: "post",
    path: "/v1/training/answers",
    tags: ["training"],
    summary: "Check a training answer with the engine",
    request: {
      body: { required: true, content: { "application/json": { schema: answerSchema } } },
    },
    responses: {
      200: {
        description: "the verdict",
        content: { "application/json": { schema: verdictSchema } },
      },
      ...problemResponses(400, 401, 403),
    },
  });
  app.openapi(answer, (c) => {
    authorise(c, staffRoles);
    const { question, cals } = c.req.valid("json");
    const verdict = checkTrainingAnswer({ question, answer: { cals }, catalog: deps.catalog });
    return c.json(
      {
        ...verdict,
        expected: [...verdict.expected],
        rules: [...verdict.rules],
        sources: [...verdict.sources],
      },
      200,
    );
  });
}
