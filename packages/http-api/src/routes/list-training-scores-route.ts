import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../api-env.ts";
import { authorise } from "../auth/authorise.ts";
import type { ServerDependencies } from "../server-dependencies.ts";
import { problemResponses } from "./problem-responses.ts";
import { staffRoles } from "./route-roles.ts";
import { showScore, trainingScoreSchema } from "./training-schemas.ts";

/**
 * `GET /v1/training/scores`: attempts, right answers, rate and last attempt per agent; an owner sees every
 * agent of the organisation, anyone else only their own score.
 */
export function registerListTrainingScoresRoute(
  app: OpenAPIHono<ApiEnv>,
  deps: ServerDependencies,
): void {
  const route = createRoute({
    method: "get",
    path: "/v1/training/scores",
    tags: ["training"],
    summary: "Training scores per agent (an owner: all agents; others: their own)",
    responses: {
      200: {
        description: "the scores, by agent name",
        content: {
          "application/json": {
            schema: z.object({ scores: z.array(trainingScoreSchema) }).openapi("TrainingScores"),
          },
        },
      },
      ...problemResponses(401, 403),
    },
  });
  app.openapi(route, async (c) => {
    const principal = authorise(c, staffRoles);
    const scores = await deps.store.trainingAttempts.score(
      principal.orgId,
      principal.role === "owner" ? {} : { userId: principal.userId },
    );
    return c.json({ scores: scores.map(showScore) }, 200);
  });
}
